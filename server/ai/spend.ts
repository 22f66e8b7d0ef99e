/**
 * @module ai/spend
 * How the gateway asks about money without knowing who pays: a request that may call models
 * runs inside a `SpendMeter` (set by the budget guard middleware for the request's workspace and
 * studio); every model call asks it before anything is sent (`admit`, which refuses a call past
 * the budget) and tells it afterwards what the service reported using (`record`). The meter
 * prices and keeps the call; `ai/` only reads usage from the answers. Video jobs are not metered
 * here: a job reserves its estimate and settles on the video it delivered.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import type { CallUsage } from './prices'

export type { CallUsage } from './prices'

export interface SpendMeter {
  /** Before a call is sent: resolves, or throws the refusal (402 `budget_exceeded`). */
  admit(modelId: string): Promise<void>
  /** After an answer: what it used (called once per answer the service billed). */
  record(usage: CallUsage): void
}

const current = new AsyncLocalStorage<SpendMeter>()

/** Runs `fn` (and every call it makes, also after awaits) under `meter`. */
export const withSpendMeter = <T>(meter: SpendMeter, fn: () => T): T => current.run(meter, fn)

/** The meter of the running request, if any. */
export const spendMeter = (): SpendMeter | undefined => current.getStore()

interface UsageMetadata {
  promptTokenCount?: number
  candidatesTokenCount?: number
  thoughtsTokenCount?: number
  toolUsePromptTokenCount?: number
}

interface Part {
  thought?: boolean
  inlineData?: { data?: string }
}

/** The answer shapes usage is read from: `generateContent` and Imagen's `:predict` answers. */
interface Answer {
  usageMetadata?: UsageMetadata
  candidates?: {
    content?: { parts?: Part[] }
    groundingMetadata?: { webSearchQueries?: string[] }
  }[]
  generatedImages?: unknown[]
  generatedMasks?: unknown[]
}

const count = (n: number | undefined) => (typeof n === 'number' && n > 0 ? n : 0)

/** What an answer says it used; `undefined` for answers that carry no usage at all. */
export function usageOf(modelId: string, answer: unknown): CallUsage | undefined {
  if (!answer || typeof answer !== 'object') return undefined
  const a = answer as Answer
  const images = count(a.generatedImages?.length) + count(a.generatedMasks?.length)
  if (!a.usageMetadata && !a.candidates && images === 0) return undefined
  const meta = a.usageMetadata ?? {}
  const candidate = a.candidates?.[0]
  const madeImages = (candidate?.content?.parts ?? []).filter(
    (p) => p.inlineData?.data && !p.thought
  ).length
  return {
    modelId,
    inputTokens: count(meta.promptTokenCount) + count(meta.toolUsePromptTokenCount),
    outputTokens: count(meta.candidatesTokenCount) + count(meta.thoughtsTokenCount),
    images: images + madeImages,
    searchQueries: count(candidate?.groundingMetadata?.webSearchQueries?.length),
  }
}

/** Records an answer's usage with the running request's meter (nothing outside a request). */
export function recordAnswer(meter: SpendMeter | undefined, modelId: string, answer: unknown) {
  const usage = meter && usageOf(modelId, answer)
  if (usage) meter.record(usage)
}

/**
 * A stream that records its usage once it ends (completed, failed or abandoned): the last frame
 * that reports usage carries the totals, as the service counts them cumulatively.
 */
export async function* meteredStream<T>(
  meter: SpendMeter | undefined,
  modelId: string,
  frames: AsyncGenerator<T>
): AsyncGenerator<T> {
  let last: T | undefined
  let queries = 0
  try {
    for await (const frame of frames) {
      if ((frame as Answer).usageMetadata) last = frame
      const q = (frame as Answer).candidates?.[0]?.groundingMetadata?.webSearchQueries?.length
      queries = Math.max(queries, count(q))
      yield frame
    }
  } finally {
    const usage = meter && last ? usageOf(modelId, last) : undefined
    if (meter && usage) meter.record({ ...usage, searchQueries: queries })
  }
}
