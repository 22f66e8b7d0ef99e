/**
 * @module safe-fetch/failures
 * The two ways a safe fetch ends badly. A refusal (400 `url_not_allowed`) means the URL or a
 * redirect pointed somewhere the server must not go; a `FetchFailure` (502, or 504 on a
 * timeout) means the remote site could not be read. Both carry a coded reason (reasons.ts), in
 * `details` as `reason` (English), `reasonCode` and `reasonParams`.
 */
import type { Reason } from '../codes'
import { AppError, type ErrorCode } from '../errors'
import { fetchReason, reasonDetails } from './reasons'

export const urlNotAllowed = (reason: Reason) =>
  new AppError(400, 'url_not_allowed', `This URL cannot be fetched: ${reason.text}.`, {
    details: reasonDetails(reason),
  })

/** The reason of a refusal (`url_not_allowed`), when `error` is one. */
export function refusalReason(error: unknown): Reason | undefined {
  if (!(error instanceof AppError) || error.code !== 'url_not_allowed') return undefined
  const details = error.details as ReturnType<typeof reasonDetails> | undefined
  return details && { code: details.reasonCode, params: details.reasonParams, text: details.reason }
}

export type FetchFailureKind = 'unreachable' | 'timeout' | 'wrong_type' | 'too_large'

const CODES: Record<FetchFailureKind, ErrorCode> = {
  unreachable: 'fetch_unreachable',
  timeout: 'fetch_timeout',
  wrong_type: 'fetch_wrong_type',
  too_large: 'fetch_too_large',
}

export class FetchFailure extends AppError {
  override name = 'FetchFailure'
  readonly kind: FetchFailureKind
  readonly reason: Reason

  constructor(kind: FetchFailureKind, reason: Reason, cause?: unknown) {
    super(
      kind === 'timeout' ? 504 : 502,
      CODES[kind],
      `The remote site could not be read: ${reason.text}.`,
      { details: reasonDetails(reason), cause }
    )
    this.kind = kind
    this.reason = reason
  }
}

/** The caller went away (the client closed the request). */
export const fetchCancelled = () => new AppError(400, 'cancelled', 'The request was cancelled.')

/** A client-safe reason for a network error thrown by `fetch`. */
export function describeNetworkError(error: unknown): Reason {
  const code = String((error as { code?: unknown } | undefined)?.code ?? '')
  if (/CERT|TLS|SSL/i.test(code)) return fetchReason('tls_failed')
  if (/REFUSED/i.test(code)) return fetchReason('connection_refused')
  if (/RESET|ABORTED|CLOSED|EPIPE/i.test(code)) return fetchReason('connection_closed')
  if (/UNREACH|TIMEDOUT/i.test(code)) return fetchReason('host_unreachable')
  return fetchReason('connection_failed')
}
