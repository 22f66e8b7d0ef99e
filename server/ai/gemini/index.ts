/**
 * @module ai/gemini
 * The gateway on `@google/genai`: each call resolves its role to the configured model id and is
 * shaped for that model's family (see `ai/models`), with a budget that fits the work, bounded
 * retries and mapped errors.
 */
import type * as v from 'valibot'
import type { Config } from '../../config'
import type { Logger } from '../../core/logger'
import { DEFAULT_RETRY, type RetryPolicy } from '../../core/retry'
import type { CircuitBreaker, CircuitBreakerOptions } from '../circuit-breaker'
import { type ModelRole, specOf, type TextRole, type ThinkingLevel } from '../models'
import type { SdkClientOptions } from '../sdk-client'
import type { AiGateway, BaseRequest, JsonRequest } from '../types'
import { createContext } from './client'
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

export function createGeminiGateway(options: GeminiGatewayOptions): AiGateway {
  const { ai, log } = options
  const retry: RetryPolicy = { ...DEFAULT_RETRY, retries: ai.maxRetries, ...options.retry }
  const ctx = createContext(ai, log, retry, options.sdk, options.breaker)
  const model = (role: ModelRole) => ({ role, id: ai.models[role], spec: specOf(ai.models[role]) })
  const shaped = <R extends BaseRequest>(request: R): [string, R] => {
    const role = request.model ?? 'text'
    const thinking = request.thinking ?? ROLE_THINKING[role]
    return [ai.models[role], thinking ? { ...request, thinking } : request]
  }
  return {
    backend: ai.backend,
    model,
    circuits: () => ctx.breaker.status(),
    text: (request) => text(ctx, ...shaped(request)),
    stream: (request) => streamText(ctx, ...shaped(request)),
    json: <S extends v.GenericSchema>(request: JsonRequest<S>) => json(ctx, ...shaped(request)),
    callFunction: (request) => callFunction(ctx, ...shaped(request)),
    image: (request) => image(ctx, ai.models[request.model ?? 'image'], request),
    upscale: (request) => upscale(ctx, ai.models.upscale, request),
    segment: (request) => segment(ctx, ai.models.segment, request),
    ...videoOperations(ctx, (role) => ai.models[role]),
  }
}
