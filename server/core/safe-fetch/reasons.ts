/**
 * @module safe-fetch/reasons
 * Why a URL could not be fetched, as reason codes with their English text: a refused URL or
 * redirect, a network failure, an answer of the wrong type or size. The text never names a
 * resolved address or a raw network error.
 */
import { defineCodes, type NoticeParams, type Reason, reasonOf } from '../codes'

export const FETCH_REASONS = defineCodes('reason', {
  host_not_found: 'the host name could not be resolved',
  tls_failed: 'its TLS certificate could not be verified',
  connection_refused: 'the connection was refused',
  connection_closed: 'the connection was closed',
  host_unreachable: 'the host is unreachable',
  connection_failed: 'the connection failed',
  timed_out: 'no complete answer within {seconds} s',
  wrong_type: 'the answer is {type}, expected {expected}',
  no_type: 'the answer is of no declared type, expected {expected}',
  too_large: 'the answer is larger than {size}',
  too_many_redirects: 'the site redirected more than {max} times',
  bad_redirect: 'the site redirected to an invalid address',
  write_redirected: 'the site redirected this {method} request elsewhere',
  not_http: 'only http and https URLs can be read',
  has_credentials: 'URLs with credentials are not accepted',
  port_not_allowed: 'port {port} is not allowed',
  no_host: 'the URL has no host',
  internal_host: 'the host name belongs to an internal service',
  address_not_public: 'the address is {range}',
  resolves_not_public: 'the host name resolves to {range}',
  url_too_long: 'the URL is too long',
  invalid_url: 'it is not a valid URL',
})

export type FetchReasonCode = keyof typeof FETCH_REASONS.texts

export const fetchReason = (code: FetchReasonCode, params?: NoticeParams): Reason =>
  reasonOf(FETCH_REASONS, code, params)

/** The error envelope's `details` for a reason: its English text, code and parameters. */
export const reasonDetails = (reason: Reason) => ({
  reason: reason.text,
  reasonCode: reason.code,
  reasonParams: reason.params,
})
