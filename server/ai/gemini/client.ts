/**
 * @module ai/gemini/client
 * One `generateContent` (or stream opening) with the call's budget, bounded retries and mapped
 * errors, on the SDK client for the model's Vertex AI location (Gemini 3 on `global`, Imagen and
 * Veo regional). Every feature-level operation is built on these two calls. A request the model
 * refuses for a family rule goes once more, corrected (`ai/request-correction`).
 */
import type { Content, GenerateContentConfig, GenerateContentResponse } from '@google/genai'
import type { Config } from '../../config'
import { errors } from '../../core/errors'
import { once } from '../../core/lazy'
import type { Logger } from '../../core/logger'
import { type RetryPolicy, withRetry } from '../../core/retry'
import { type CircuitBreaker, circuitBreaker } from '../circuit-breaker'
import { type Budget, budgetMs, retriesFor, totalBudget } from '../deadline'
import { cancelled, toAiError } from '../errors'
import { rulesOf } from '../models'
import type { RequestCorrection } from '../request-correction'
import { isRetryable, outageOf, retryAfterSeconds } from '../retry'
import { createSdkClient, type SdkClient, type SdkClientOptions } from '../sdk-client'
import { meteredStream, recordAnswer, spendMeter } from '../spend'
import type { Deadline } from '../types'

export interface GeminiContext {
  ai: Config['ai']
  log: Logger
  retry: RetryPolicy
  correction: RequestCorrection
  client(modelId: string): Promise<SdkClient>
  /** Fails calls to a model fast while its service is failing (`ai/circuit-breaker`). */
  breaker: CircuitBreaker
}

export function createContext(
  ai: Config['ai'],
  log: Logger,
  retry: RetryPolicy,
  correction: RequestCorrection,
  sdk?: SdkClientOptions,
  breaker: CircuitBreaker = circuitBreaker({ log })
): GeminiContext {
  const byLocation = new Map<string, () => Promise<SdkClient>>()
  const locationOf = (modelId: string) => {
    if (ai.backend !== 'vertex') return 'developer'
    return rulesOf(modelId).vertexLocation === 'regional' ? ai.mediaLocation : ai.location
  }
  return {
    ai,
    log,
    retry,
    correction,
    breaker,
    client(modelId) {
      const location = locationOf(modelId)
      let load = byLocation.get(location)
      if (!load) {
        load = once(() => createSdkClient(ai, location, sdk))
        byLocation.set(location, load)
      }
      return load()
    },
  }
}

export interface CallOptions {
  budget: Budget
  /** Retries after the first attempt (the context's policy otherwise). */
  retries?: number
  /** The caller's own signal, to tell a cancellation from a timeout. */
  signal?: AbortSignal
  /** Google bills nothing for it and it must not be refused (deleting an uploaded file). */
  unmetered?: boolean
}

/** A call's options under a total budget: the request's class (or `ms`), with its retries. */
export function callOptions(
  ctx: GeminiContext,
  request: { deadline?: Deadline; timeoutMs?: number; signal?: AbortSignal },
  ms = budgetMs(ctx.ai.deadlines, request)
): CallOptions {
  return {
    budget: totalBudget(ms, request.signal),
    signal: request.signal,
    retries: retriesFor(request.deadline, ctx.retry.retries),
  }
}

/**
 * Runs `work` under `options`, then releases the budget: its timer and its listener on the
 * caller's signal keep everything the call touched alive until they are gone.
 */
export async function underBudget<T>(
  options: CallOptions,
  work: (options: CallOptions) => Promise<T>
): Promise<T> {
  try {
    return await work(options)
  } finally {
    options.budget.dispose()
  }
}

/** Maps a failure of a call: the budget ran out (504), the caller left, or the upstream error. */
export function callFailure(error: unknown, options: CallOptions) {
  if (options.budget.timedOut()) return errors.timeout('The AI service', error)
  if (options.signal?.aborted) return cancelled()
  return toAiError(error)
}

export async function generate(
  ctx: GeminiContext,
  modelId: string,
  contents: Content[],
  config: GenerateContentConfig,
  options: CallOptions
): Promise<GenerateContentResponse> {
  const started = performance.now()
  const response = await ctx.correction.send(modelId, config, (shaped) =>
    callModel(
      ctx,
      modelId,
      (sdk, abortSignal) =>
        sdk.models.generateContent({
          model: modelId,
          contents,
          config: { ...shaped, abortSignal },
        }),
      options
    )
  )
  ctx.log.debug('gemini call', {
    model: modelId,
    ms: Math.round(performance.now() - started),
    tokens: response.usageMetadata?.totalTokenCount,
    finish: response.candidates?.[0]?.finishReason,
  })
  return response
}

/**
 * Any SDK call on the model's client, with the call's budget, bounded retries and mapped errors;
 * the request's spend meter admits it first (past the budget nothing is sent) and is told what
 * the answer used (`ai/spend`).
 */
export async function callModel<T>(
  ctx: GeminiContext,
  modelId: string,
  run: (sdk: SdkClient, signal: AbortSignal) => Promise<T>,
  options: CallOptions
): Promise<T> {
  const meter = options.unmetered ? undefined : spendMeter()
  await meter?.admit(modelId)
  let answer: T
  try {
    const sdk = await ctx.client(modelId)
    // Admitted by the meter first: a budget refusal (402) never reaches the breaker, so it is not
    // an outage; a call the open circuit refuses has no answer, so nothing is charged for it.
    answer = await withRetry(
      () =>
        ctx.breaker.call(
          ctx.ai.backend,
          modelId,
          () => run(sdk, options.budget.signal),
          outages(options)
        ),
      retryOptions(ctx, options)
    )
  } catch (error) {
    throw callFailure(error, options)
  }
  recordAnswer(meter, modelId, answer)
  return answer
}

/**
 * Opens a stream; retried only until the first byte (a started answer is never repeated). The
 * spend meter admits it first and records what it used when it ends.
 */
export async function openStream(
  ctx: GeminiContext,
  modelId: string,
  contents: Content[],
  config: GenerateContentConfig,
  options: CallOptions
): Promise<AsyncGenerator<GenerateContentResponse>> {
  const meter = spendMeter()
  await meter?.admit(modelId)
  const frames = await ctx.correction.send(modelId, config, async (shaped) => {
    try {
      const sdk = await ctx.client(modelId)
      const stream = await withRetry(
        () => {
          // Admitted here; the outcome is the stream's, known once it ends (`watch`).
          ctx.breaker.admit(ctx.ai.backend, modelId)
          return sdk.models
            .generateContentStream({
              model: modelId,
              contents,
              config: { ...shaped, abortSignal: options.budget.signal },
            })
            .catch((error: unknown) => {
              const outage = outages(options)(error)
              if (outage) ctx.breaker.failed(ctx.ai.backend, modelId, outage)
              else ctx.breaker.released(ctx.ai.backend, modelId)
              throw error
            })
        },
        retryOptions(ctx, options)
      )
      return ctx.breaker.watch(ctx.ai.backend, modelId, stream, outages(options))
    } catch (error) {
      throw callFailure(error, options)
    }
  })
  return meteredStream(meter, modelId, frames)
}

/** Which failures of a call count against its model's circuit. */
const outages = (options: CallOptions) => (error: unknown) =>
  outageOf(error, options.budget.timedOut())

const retryOptions = (ctx: GeminiContext, options: CallOptions) => ({
  policy: { ...ctx.retry, retries: options.retries ?? ctx.retry.retries },
  isRetryable,
  retryAfterSeconds,
  signal: options.budget.signal,
  ...(options.budget.deadline === undefined ? {} : { deadline: options.budget.deadline }),
})
