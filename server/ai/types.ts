/**
 * @module ai/types
 * The Gemini gateway's contract. Features describe what they need (a model role, a prompt, a
 * schema); the gateway owns the SDK, retries, timeouts, validation and error mapping.
 */
import type * as v from 'valibot'
import type { AiBackend } from '../config'

/** Which configured model a call uses (ids come from config). */
export type TextModel = 'text' | 'pro'
export type ImageModel = 'image' | 'imagePro'

export type Part = { text: string } | { inlineData: { data: string; mimeType: string } }

/** A previous turn of a conversation. */
export interface Turn {
  role: 'user' | 'model'
  text: string
}

export interface Source {
  title: string
  url: string
}

export interface BaseRequest {
  model?: TextModel
  /** A real system instruction, kept apart from user content. */
  system?: string
  /** The user turn: text, or text and inline images. */
  prompt: string | Part[]
  /** Earlier turns, oldest first. */
  history?: readonly Turn[]
  temperature?: number
  maxOutputTokens?: number
  /** Cancels the call (client went away). */
  signal?: AbortSignal
  /** Overrides the configured per-call timeout. */
  timeoutMs?: number
}

export interface TextRequest extends BaseRequest {
  /** Ground the answer in Google Search and return its sources. */
  grounded?: boolean
}

export interface TextResult {
  text: string
  sources: Source[]
  searchQueries: string[]
}

export interface JsonRequest<S extends v.GenericSchema> extends BaseRequest {
  /** Sent as the response schema and used to validate the answer. */
  schema: S
  /**
   * Research the prompt with Google Search first, then structure the findings with the schema.
   * (Search grounding and JSON mode cannot share one call on every model.)
   */
  grounded?: boolean
}

export interface JsonResult<T> {
  data: T
  sources: Source[]
}

export interface FunctionSpec<S extends v.GenericSchema = v.GenericSchema> {
  name: string
  description: string
  /** The parameters object; sent as JSON Schema, used to validate the model's arguments. */
  parameters: S
}

export interface FunctionRequest extends BaseRequest {
  functions: readonly FunctionSpec[]
  /** `any`: the model must call a function; `auto`: it may answer in text. */
  mode?: 'auto' | 'any'
}

export interface FunctionCallResult {
  /** The model's call with validated arguments, when it made one. */
  call?: { name: string; args: Record<string, unknown> }
  /** Text the model answered instead of (or besides) the call. */
  text: string
}

export type StreamEvent = { type: 'delta'; text: string } | { type: 'sources'; sources: Source[] }

export interface ImageRequest {
  model?: ImageModel
  prompt: string
  /** Input images (editing, references), base64 with their types. */
  images?: readonly { data: string; mimeType: string }[]
  aspectRatio?: string
  signal?: AbortSignal
  timeoutMs?: number
}

export interface GeneratedImage {
  bytes: Uint8Array
  mimeType: string
}

export interface ImageResult {
  images: GeneratedImage[]
  text: string
}

export interface AiGateway {
  readonly backend: AiBackend
  text(request: TextRequest): Promise<TextResult>
  /** Text as it is generated; sources (when grounded) come last. */
  stream(request: TextRequest): AsyncIterable<StreamEvent>
  json<S extends v.GenericSchema>(request: JsonRequest<S>): Promise<JsonResult<v.InferOutput<S>>>
  callFunction(request: FunctionRequest): Promise<FunctionCallResult>
  image(request: ImageRequest): Promise<ImageResult>
}
