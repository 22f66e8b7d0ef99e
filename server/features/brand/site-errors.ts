/**
 * @module brand/site-errors
 * The error for a website nobody could read, named by its cause so the user knows what to fix:
 * a host name that does not resolve, a bad certificate, a refused connection, no answer in time,
 * a reader that is blocked, a file instead of a page, a page that does not exist, or a page that
 * cannot be used. The reason travels in `details` (text, code, parameters).
 */
import type { Reason } from '../../core/codes'
import { AppError, type ErrorCode } from '../../core/errors'
import { reasonDetails } from '../../core/safe-fetch'

const BY_REASON: Record<string, ErrorCode> = {
  host_not_found: 'site_dns_failed',
  tls_failed: 'site_tls_failed',
  connection_refused: 'site_unreachable',
  connection_closed: 'site_unreachable',
  host_unreachable: 'site_unreachable',
  connection_failed: 'site_unreachable',
  timed_out: 'site_timeout',
  wrong_type: 'site_not_html',
  no_type: 'site_not_html',
  bot_check: 'site_blocked',
  http_401: 'site_blocked',
  http_403: 'site_blocked',
  http_429: 'site_blocked',
  http_404: 'site_page_missing',
  http_410: 'site_page_missing',
  not_found_page: 'site_page_missing',
}

/** 502 (504 when the site did not answer in time) with the code of the cause. */
export function siteError(reason: Reason, timedOut = false): AppError {
  const code = timedOut ? 'site_timeout' : (BY_REASON[reason.code] ?? 'site_unreadable')
  const details = reasonDetails(reason)
  return code === 'site_timeout'
    ? new AppError(504, code, `The website did not answer in time: ${reason.text}.`, { details })
    : new AppError(502, code, `The website could not be read: ${reason.text}.`, { details })
}
