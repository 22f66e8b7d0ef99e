/**
 * @module safe-fetch/failures
 * The two ways a safe fetch ends badly. A refusal (400 `url_not_allowed`) means the URL or a
 * redirect pointed somewhere the server must not go; a `FetchFailure` (502, or 504 on a
 * timeout) means the remote site could not be read. Reasons are written for the client and
 * never name a resolved address or a raw network error.
 */
import { AppError } from '../errors'

export const urlNotAllowed = (reason: string) =>
  new AppError(400, 'url_not_allowed', `This URL cannot be fetched: ${reason}.`, {
    details: { reason },
  })

export type FetchFailureKind = 'unreachable' | 'timeout' | 'wrong_type' | 'too_large'

const CODES: Record<FetchFailureKind, string> = {
  unreachable: 'fetch_unreachable',
  timeout: 'upstream_timeout',
  wrong_type: 'fetch_wrong_type',
  too_large: 'fetch_too_large',
}

export class FetchFailure extends AppError {
  override name = 'FetchFailure'
  readonly kind: FetchFailureKind
  readonly reason: string

  constructor(kind: FetchFailureKind, reason: string, cause?: unknown) {
    super(
      kind === 'timeout' ? 504 : 502,
      CODES[kind],
      `The remote site could not be read: ${reason}.`,
      {
        details: { reason },
        cause,
      }
    )
    this.kind = kind
    this.reason = reason
  }
}

/** The caller went away (the client closed the request). */
export const fetchCancelled = () => new AppError(400, 'cancelled', 'The request was cancelled.')

/** A client-safe description of a network error thrown by `fetch`. */
export function describeNetworkError(error: unknown): string {
  const code = String((error as { code?: unknown } | undefined)?.code ?? '')
  if (/CERT|TLS|SSL/i.test(code)) return 'its TLS certificate could not be verified'
  if (/REFUSED/i.test(code)) return 'the connection was refused'
  if (/RESET|ABORTED|CLOSED|EPIPE/i.test(code)) return 'the connection was closed'
  if (/UNREACH|TIMEDOUT/i.test(code)) return 'the host is unreachable'
  return 'the connection failed'
}
