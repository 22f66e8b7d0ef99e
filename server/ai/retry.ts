/**
 * @module ai/retry
 * Bounded retries with exponential backoff and jitter (p-retry) for transient upstream failures:
 * 408, 429, 500, 502, 503, 504 and dropped connections. A `Retry-After` longer than the
 * backoff is honoured; one longer than `maxWaitMs` is not waited for: the 429 goes to the client.
 */
import pRetry, { AbortError } from 'p-retry'
import { UpstreamHttpError } from './upstream-fetch'

export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number
  /** First backoff delay; doubled each time, with jitter. */
  minDelayMs: number
  maxDelayMs: number
  /** The longest server-requested wait we sit through inside one request. */
  maxWaitMs: number
}

export const DEFAULT_RETRY: RetryPolicy = {
  retries: 2,
  minDelayMs: 500,
  maxDelayMs: 8_000,
  maxWaitMs: 20_000,
}

const RETRYABLE = new Set([408, 429, 500, 502, 503, 504])

export function isRetryable(error: unknown): boolean {
  if (error instanceof UpstreamHttpError) return RETRYABLE.has(error.status)
  if (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')) {
    return false
  }
  // fetch rejects with a TypeError (or a Bun system error) when the connection fails.
  const code = (error as { code?: unknown })?.code
  return (
    error instanceof TypeError ||
    code === 'ECONNRESET' ||
    code === 'ECONNREFUSED' ||
    code === 'ConnectionRefused' ||
    code === 'ConnectionClosed'
  )
}

export async function withRetry<T>(
  run: () => Promise<T>,
  policy: RetryPolicy,
  signal?: AbortSignal
): Promise<T> {
  return pRetry(
    async () => {
      try {
        return await run()
      } catch (error) {
        if (!isRetryable(error) || signal?.aborted) throw new AbortError(error as Error)
        const wait = (error as UpstreamHttpError).retryAfterSeconds
        if (wait !== undefined && wait * 1000 > policy.maxWaitMs) {
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
      onFailedAttempt: async ({ error, retryDelay, retriesLeft }) => {
        // Only worth waiting when another attempt follows.
        if (retriesLeft <= 0) return
        const wait = error instanceof UpstreamHttpError ? error.retryAfterSeconds : undefined
        const extra = wait === undefined ? 0 : wait * 1000 - retryDelay
        if (extra > 0) await Bun.sleep(extra)
      },
    }
  )
}
