/**
 * @module ai/gemini/video-errors
 * Maps what a video call throws to the API's envelope. The Interactions client is a generated
 * client of its own: its errors are not the SDK's `ApiError`, and what our fetch raised for an
 * HTTP error answer arrives wrapped in one or two `cause`s (`APIConnectionError` ->
 * `UnexpectedClientError` -> `UpstreamHttpError`), so the chain is searched for the status.
 */
import { errors } from '../../core/errors'
import { cancelled, toAiError } from '../errors'
import { UpstreamHttpError } from '../upstream-fetch'

const SERVICE = 'The video service'

/** Errors along the `cause` chain, the error itself first (bounded: chains can loop). */
function* causes(error: unknown): Generator<unknown> {
  let current = error
  for (let depth = 0; depth < 6 && current !== undefined && current !== null; depth++) {
    yield current
    current = (current as { cause?: unknown }).cause
  }
}

const named = (error: unknown, ...names: string[]) =>
  [...causes(error)].some((e) => e instanceof Error && names.includes(e.name))

export function toVideoError(error: unknown, signal?: AbortSignal) {
  if (signal?.aborted && !named(error, 'TimeoutError')) return cancelled()
  for (const e of causes(error)) {
    if (e instanceof UpstreamHttpError) return toAiError(e)
    const status = (e as { status?: unknown })?.status
    if (typeof status === 'number' && status >= 400) return toAiError(e)
  }
  if (named(error, 'TimeoutError', 'RequestTimeoutError', 'APIConnectionTimeoutError')) {
    return errors.timeout(SERVICE, error)
  }
  return toAiError(error)
}

/** The HTTP status an error carries somewhere along its chain. */
export function statusOf(error: unknown): number | undefined {
  for (const e of causes(error)) {
    if (e instanceof UpstreamHttpError) return e.status
    const status = (e as { status?: unknown })?.status
    if (typeof status === 'number') return status
  }
  return undefined
}
