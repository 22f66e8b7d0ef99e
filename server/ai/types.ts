/**
 * @module ai/types
 * The Gemini gateway's contract. Features describe what they need (a model role, a prompt, a
 * schema, how long a user can wait); the gateway owns the SDK, request shaping per model family,
 * retries, deadlines, validation and error mapping.
 */
import type * as v from 'valibot'
import type { AiBackend } from '../config'
import type { CircuitStatus } from './circuit-breaker'
import type { ModelsReport } from './model-resolver'
import type { ImageRole, ImageSize, ModelRole, ModelSpec, TextRole, ThinkingLevel } from './models'
import type { VideoOperations } from './video-types'

export type { ImageRole, TextRole, ThinkingLevel }

/**
 * A part of a turn as the API sends it. `thoughtSignature` must travel with a replayed model
 * turn (Gemini 3 refuses a replayed function call without it).
 */
export type Part = (
  | { text: string; thought?: boolean }
  | { inlineData: { data: string; mimeType: string } }
  /** A file the service reads itself: a Files API URI (Developer API) or `gs://` (Vertex AI). */
  | { fileData: { fileUri: string; mimeType: string } }
  | { functionCall: { name: string; args: Record<string, unknown>; id?: string } }
  | { functionResponse: { name: string; response: Record<string, unknown>; id?: string } }
) & { thoughtSignature?: string }

/** A previous turn: plain text, or the parts the model answered (kept to replay them). */
export type Turn =
  | { role: 'user' | 'model'; text: string }
  | { role: 'user' | 'model'; parts: readonly Part[] }

/** How long a user may wait, which sets the call's total budget (retries included). */
export type Deadline = 'interactive' | 'step' | 'long'

export interface Source {
  /** On the Developer API the source's domain; the link is Google's redirect to it. */
  title: string
  url: string
  domain?: string
}

/** What a grounded answer rests on, as Google's Search-grounding terms require it to be shown. */
export interface Grounding {
  sources: Source[]
  /** The queries the model searched for. */
  queries: string[]
  /** `searchEntryPoint.renderedContent`: Google's search suggestions (HTML) to display. */
  searchEntryPoint?: string
}

export interface BaseRequest {
  model?: TextRole
  /** A real system instruction, kept apart from user content. */
  system?: string
  /** The user turn: text, or text and inline images. */
  prompt: string | Part[]
  /** Earlier turns, oldest first. */
  history?: readonly Turn[]
  /** A thinking level for families that take one; the model's default otherwise. */
  thinking?: ThinkingLevel
  maxOutputTokens?: number
  /** Cancels the call (client went away). */
  signal?: AbortSignal
  /** The call's budget class; `step` by default. */
  deadline?: Deadline
  /** Overrides the budget in milliseconds (total, or idle for streams and `long`). */
  timeoutMs?: number
}

export interface TextRequest extends BaseRequest {
  /** Ground the answer in Google Search and return its sources. */
  grounded?: boolean
}

export interface TextResult {
  text: string
  grounding: Grounding
}

export interface JsonRequest<S extends v.GenericSchema> extends BaseRequest {
  /** Sent as the response schema and used to validate the answer. */
  schema: S
  /** Ground the answer in Google Search (one call where the family allows Search with JSON). */
  grounded?: boolean
}

export interface JsonResult<T> {
  data: T
  grounding: Grounding
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
  /** The model's turn as sent (signatures included), to replay in a later history. */
  modelTurn: Turn
}

export type StreamEvent = { type: 'delta'; text: string } | ({ type: 'sources' } & Grounding)

export interface ImageRequest {
  model?: ImageRole
  prompt: string
  /** Input images (editing, references), base64 with their types. */
  images?: readonly { data: string; mimeType: string }[]
  /** Earlier turns of the image's conversation (multi-turn editing), oldest first. */
  history?: readonly Turn[]
  aspectRatio?: string
  imageSize?: ImageSize
  signal?: AbortSignal
  deadline?: Deadline
  timeoutMs?: number
}

export interface GeneratedImage {
  bytes: Uint8Array
  mimeType: string
}

export interface ImageResult {
  images: GeneratedImage[]
  text: string
  /** The model's turn (thought signatures included, image data as sent) for the next edit. */
  modelTurn: Turn
}

/** An image sent to a model: base64 with its type. */
export interface InlineImage {
  data: string
  mimeType: string
}

/** Imagen upscaling (Vertex AI only). */
export interface UpscaleRequest {
  image: InlineImage
  factor: 'x2' | 'x4'
  signal?: AbortSignal
  deadline?: Deadline
  timeoutMs?: number
}

export type SegmentMode = 'foreground' | 'background' | 'prompt' | 'semantic'

/** Imagen segmentation (Vertex AI only): masks of the image's foreground, background or a prompt. */
export interface SegmentRequest {
  image: InlineImage
  mode: SegmentMode
  /** What to segment (`prompt` and `semantic` modes). */
  prompt?: string
  /** Keep the mask's soft edges (no binary threshold). */
  soft?: boolean
  signal?: AbortSignal
  deadline?: Deadline
  timeoutMs?: number
}

export interface SegmentMask extends GeneratedImage {
  labels: { label: string; score: number }[]
}

export interface SegmentResult {
  masks: SegmentMask[]
}

/** Bytes for the Files API (Developer API only; Vertex AI reads `gs://` objects instead). */
export interface FileUploadRequest {
  bytes: Uint8Array
  mimeType: string
  displayName?: string
  signal?: AbortSignal
  deadline?: Deadline
  timeoutMs?: number
}

/** An uploaded file, processed and usable as a `fileData` part. */
export interface UploadedFile {
  /** `files/<id>`, to delete it. */
  name: string
  uri: string
  mimeType: string
}

/** The model a role resolves to, with what it supports. */
export interface ResolvedModel {
  role: ModelRole
  id: string
  spec: ModelSpec
}

export interface AiGateway extends VideoOperations {
  readonly backend: AiBackend
  /**
   * The model a role runs on now, and what it supports (no call is made): the configured id,
   * or the candidate standing in for it when the service's list or a 404 said it is not served.
   */
  model(role: ModelRole): ResolvedModel
  /** Reads the service's model list when none is fresh (the first AI request); never throws. */
  resolveModels(): Promise<void>
  /** What runs for each role and why, and when the service's list was read. */
  models(): ModelsReport
  text(request: TextRequest): Promise<TextResult>
  /** Text as it is generated; the grounding (when grounded) comes last. */
  stream(request: TextRequest): AsyncIterable<StreamEvent>
  json<S extends v.GenericSchema>(request: JsonRequest<S>): Promise<JsonResult<v.InferOutput<S>>>
  callFunction(request: FunctionRequest): Promise<FunctionCallResult>
  image(request: ImageRequest): Promise<ImageResult>
  /** Imagen upscale on Vertex AI; 501 on the Developer API, which does not serve it. */
  upscale(request: UpscaleRequest): Promise<GeneratedImage>
  /** Imagen segmentation on Vertex AI; 501 on the Developer API, which does not serve it. */
  segment(request: SegmentRequest): Promise<SegmentResult>
  /** Uploads a file and waits until it is ACTIVE (Developer API); 501 on Vertex AI. */
  uploadFile(request: FileUploadRequest): Promise<UploadedFile>
  /** Deletes an uploaded file (files expire by themselves after 48 hours). */
  deleteFile(name: string): Promise<void>
  /** The models whose service is failing right now (their circuits are open); none is good news. */
  circuits(): CircuitStatus[]
}
