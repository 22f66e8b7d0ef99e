/**
 * @module ai/gemini
 * The gateway on `@google/genai`: each call runs on the id its role resolves to now (the
 * service's model list decides, `ai/model-resolver`; a 404 mid-run moves the role to its
 * successor, `ai/model-successor`) and is shaped for that model's family (see `ai/models`), with
 * a budget that fits the work, bounded retries, mapped errors, and a refused family rule
 * corrected once (`ai/request-correction`).
 */
import type * as v from 'valibot'
import type { Config } from '../../config'
import type { Logger } from '../../core/logger'
import { DEFAULT_RETRY, type RetryPolicy } from '../../core/retry'
import type { CircuitBreaker, CircuitBreakerOptions } from '../circuit-breaker'
import { type ModelList, readModelList } from '../model-list'
import type { ModelResolver } from '../model-resolver'
import { onServedModel, streamOnServedModel } from '../model-successor'
import { ROLES, type TextRole, type ThinkingLevel } from '../models'
import { createRequestCorrection } from '../request-correction'
import type { SdkClientOptions } from '../sdk-client'
import type { AiGateway, BaseRequest, JsonRequest } from '../types'
import { createContext } from './client'
import { deleteFile, uploadFile } from './files'
import { callFunction } from './functions'
import { image } from './image'
import { json } from './json'
import { segment } from './segment'
import { streamText } from './stream'
import { text } from './text'
import { upscale } from './upscale'
import { videoOperations } from './video'

export interface GeminiGatewayOptions {
  ai: Config['ai']
  log: Logger
  sdk?: SdkClientOptions
  retry?: Partial<RetryPolicy>
  /** The circuit breaker's timing (tests shorten it). */
  circuits?: Omit<CircuitBreakerOptions, 'log'>
  /** One breaker for the gateway (made by `createAiGateway`, which reports its state). */
  breaker?: CircuitBreaker
}

/** How hard each text role thinks unless a request says otherwise (model default when absent). */
export const ROLE_THINKING: Readonly<Partial<Record<TextRole, ThinkingLevel>>> = {
  fast: 'minimal',
  writing: 'high',
}

type Calls = Omit<AiGateway, 'backend' | 'model' | 'resolveModels' | 'models' | 'circuits'>

export interface GeminiGateway extends Calls {
  /** The service's model list (every page). */
  listModels(): Promise<ModelList>
}

export function createGeminiGateway(
  options: GeminiGatewayOptions,
  resolver: ModelResolver
): GeminiGateway {
  const { ai, log } = options
  const retry: RetryPolicy = { ...DEFAULT_RETRY, retries: ai.maxRetries, ...options.retry }
  const correction = createRequestCorrection({ log })
  const ctx = createContext(ai, log, retry, correction, options.sdk, options.breaker)
  const roleOf = (request: BaseRequest): TextRole => request.model ?? 'text'
  const shaped = <R extends BaseRequest>(request: R): R => {
    const thinking = request.thinking ?? ROLE_THINKING[roleOf(request)]
    return thinking ? { ...request, thinking } : request
  }
  const onRole = <R extends BaseRequest, T>(
    request: R,
    call: (modelId: string, request: R) => Promise<T>
  ) => onServedModel(resolver, roleOf(request), (id) => call(id, shaped(request)))
  return {
    text: (request) => onRole(request, (id, r) => text(ctx, id, r)),
    stream: (request) =>
      streamOnServedModel(resolver, roleOf(request), (id) => streamText(ctx, id, shaped(request))),
    json: <S extends v.GenericSchema>(request: JsonRequest<S>) =>
      onRole(request, (id, r) => json(ctx, id, r)),
    callFunction: (request) => onRole(request, (id, r) => callFunction(ctx, id, r)),
    image: (request) =>
      onServedModel(resolver, request.model ?? 'image', (id) => image(ctx, id, request)),
    upscale: (request) => onServedModel(resolver, 'upscale', (id) => upscale(ctx, id, request)),
    segment: (request) => onServedModel(resolver, 'segment', (id) => segment(ctx, id, request)),
    ...videoOperations(ctx, resolver),
    // Files live in the Developer API's one location, whatever model reads them later.
    uploadFile: (request) => uploadFile(ctx, ROLES.fast.defaultId, request),
    deleteFile: (name) => deleteFile(ctx, ROLES.fast.defaultId, name),
    // The list comes from the Gemini location's client (Vertex AI: `global`).
    listModels: async () =>
      readModelList(await ctx.client(ROLES.fast.defaultId), {
        timeoutMs: ai.deadlines.interactiveMs,
      }),
  }
}
