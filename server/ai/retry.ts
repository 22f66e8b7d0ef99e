/**
 * @module ai/retry
 * Which Gemini failures are transient: 408, 429, 500, 502, 503, 504 and dropped connections
 * (the retry loop itself is `core/retry`).
 */
import { UpstreamHttpError } from './upstream-fetch'

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

export const retryAfterSeconds = (error: unknown) =>
  error instanceof UpstreamHttpError ? error.retryAfterSeconds : undefined
