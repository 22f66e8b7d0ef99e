/**
 * @module retry
 * One retry vocabulary for every upstream (Gemini, Cloud Storage): a `RetryPolicy` counts
 * `retries` after the first attempt, backs off exponentially with jitter (p-retry), honours a
 * server-requested wait (`Retry-After`) when it fits, and never starts an attempt the caller's
 * time budget cannot cover.
 */
import pRetry, { AbortError } from 'p-retry'

export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number
  /** First backoff delay; doubled each time, with jitter. */
  minDelayMs: number
  maxDelayMs: number
  /** The longest server-requested wait sat through inside one request. */
  maxWaitMs: number
}

export const DEFAULT_RETRY: RetryPolicy = {
  retries: 2,
  minDelayMs: 500,
  maxDelayMs: 8_000,
  maxWaitMs: 20_000,
}

export interface RetryOptions {
  policy: RetryPolicy
  /** Whether a failure is transient (worth another attempt). */
  isRetryable: (error: unknown) => boolean
  /** Seconds the service asked to wait before the next attempt, if it said. */
  retryAfterSeconds?: (error: unknown) => number | undefined
  /** Stops retrying (and waiting) when aborted. */
  signal?: AbortSignal
  /** Epoch ms after which no further attempt starts (the call's total budget). */
  deadline?: number
}

/**
 * Runs `run` until it succeeds, fails for good, or the retries or the time budget run out; the
 * last error is thrown as it was.
 *
 * @example
 * await withRetry(() => bucket.file(key).save(bytes), { policy: DEFAULT_RETRY, isRetryable })
 */
export async function withRetry<T>(
  run: (attempt: number) => Promise<T>,
  options: RetryOptions
): Promise<T> {
  const { policy, signal, deadline } = options
  const askedWait = (error: unknown) => options.retryAfterSeconds?.(error)
  return pRetry(
    async (attempt) => {
      try {
        return await run(attempt)
      } catch (error) {
        if (!options.isRetryable(error) || signal?.aborted) throw new AbortError(error as Error)
        const wait = askedWait(error)
        if (wait !== undefined && wait * 1000 > policy.maxWaitMs) {
          throw new AbortError(error as Error)
        }
        if (deadline !== undefined && Date.now() + Math.max(wait ?? 0, 0) * 1000 >= deadline) {
          throw new AbortError(error as Error)
        }
        throw error
      }
    },
    {
      retries: policy.retries,
      factor: 2,
      minTimeout: policy.minDelayMs,
      maxTimeout: policy.maxDelayMs,
      randomize: true,
      signal,
      ...(deadline === undefined ? {} : { maxRetryTime: Math.max(0, deadline - Date.now()) }),
      onFailedAttempt: async ({ error, retryDelay, retriesLeft }) => {
        // Only worth waiting when another attempt follows.
        if (retriesLeft <= 0) return
        const wait = askedWait(error)
        const extra = wait === undefined ? 0 : wait * 1000 - retryDelay
        if (extra > 0) await Bun.sleep(extra)
      },
    }
  )
}
