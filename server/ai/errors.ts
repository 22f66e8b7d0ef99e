/**
 * @module ai/errors
 * Maps whatever a Gemini call throws to the API's envelope: 429 stays 429 (with Retry-After),
 * timeouts are 504, everything else upstream is a 502 with a message safe to show.
 */
import { AppError, errors } from '../core/errors'
import { UpstreamHttpError } from './upstream-fetch'

const SERVICE = 'The AI service'

/** The client went away before the answer came. */
export const cancelled = () => new AppError(400, 'cancelled', 'The request was cancelled.')

export function toAiError(error: unknown): AppError {
  if (error instanceof AppError) return error
  if (error instanceof UpstreamHttpError)
    return fromStatus(error.status, error.retryAfterSeconds, error)
  if (isTimeout(error)) return errors.timeout(SERVICE, error)
  // The SDK raises ApiError (with .status) for error frames inside a stream.
  const status = (error as { status?: unknown })?.status
  if (typeof status === 'number' && status >= 400) return fromStatus(status, undefined, error)
  if (error instanceof TypeError || (error as { code?: unknown })?.code) {
    return errors.upstream('upstream_unreachable', `${SERVICE} could not be reached.`, error)
  }
  return errors.upstream('upstream_invalid', `${SERVICE} sent an answer we could not read.`, error)
}

function fromStatus(status: number, retryAfter: number | undefined, cause: unknown): AppError {
  if (status === 429) {
    const seconds = Math.max(1, Math.ceil(retryAfter ?? 30))
    return new AppError(
      429,
      'upstream_rate_limited',
      `${SERVICE} is over its quota; try again in ${seconds} s.`,
      {
        headers: { 'Retry-After': String(seconds) },
        details: { retryAfterSeconds: seconds },
        cause,
      }
    )
  }
  if (status === 408 || status === 504) return errors.timeout(SERVICE, cause)
  if (status === 401 || status === 403) {
    return errors.upstream('upstream_auth', `${SERVICE} refused this server's credentials.`, cause)
  }
  if (status === 404) {
    return errors.upstream(
      'upstream_not_found',
      `${SERVICE} does not know the configured model.`,
      cause
    )
  }
  if (status === 400) {
    return errors.upstream('upstream_rejected', `${SERVICE} rejected the request.`, cause)
  }
  return errors.upstream('upstream_error', `${SERVICE} failed (HTTP ${status}).`, cause)
}

function isTimeout(error: unknown): boolean {
  if (!(error instanceof Error)) return false
  return (
    error.name === 'TimeoutError' ||
    (error.name === 'AbortError' && /timeout|timed out/i.test(String(error.message)))
  )
}
