/**
 * @module ai/retry
 * Which Gemini failures are transient: 408, 429, 500, 502, 503, 504 and dropped connections
 * (the retry loop itself is `core/retry`), and which are outages of the service.
 */
import { AppError } from '../core/errors'
import type { Outage } from './circuit-breaker'
import { toAiError } from './errors'
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

/**
 * Whether a failed attempt is an outage of the service, which counts towards opening its circuit
 * (`ai/circuit-breaker`): quota (429), 408 and 5xx, our budget running out, a dropped connection,
 * an unreadable answer. Refusals of the request (400, 401, 403, 404), a caller that left and
 * our own errors are not.
 */
export function outageOf(error: unknown, timedOut: boolean): Outage | undefined {
  if (timedOut) return { code: 'upstream_timeout' }
  if (error instanceof AppError) return undefined
  if (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')) {
    return undefined
  }
  const mapped = toAiError(error)
  const status =
    error instanceof UpstreamHttpError ? error.status : (error as { status?: unknown })?.status
  if (typeof status === 'number') {
    if (status === 429) return { code: mapped.code, retryAfterSeconds: retryAfterSeconds(error) }
    return status === 408 || status >= 500 ? { code: mapped.code } : undefined
  }
  // No status: a connection that failed or an answer that could not be read.
  return mapped.status >= 500 && mapped.code !== 'cancelled' ? { code: mapped.code } : undefined
}
