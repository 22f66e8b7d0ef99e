/**
 * @module i18n/server-codes/reasons.en
 * Why a page, file or address could not be read or used (the server's reason codes: the safe
 * fetcher's and the brand analysis' page reasons), in English.
 */

import type { FetchReasonCode } from '../../../../server/core/safe-fetch/reasons'
import type { PageReasonCode } from '../../../../server/features/brand/notices'

export type ReasonCode = FetchReasonCode | PageReasonCode

export const reasonsEn: Record<`reason.${ReasonCode}`, string> = {
  'reason.host_not_found': 'the host name could not be resolved',
  'reason.tls_failed': 'its TLS certificate could not be verified',
  'reason.connection_refused': 'the connection was refused',
  'reason.connection_closed': 'the connection was closed',
  'reason.host_unreachable': 'the host is unreachable',
  'reason.connection_failed': 'the connection failed',
  'reason.timed_out': 'no complete answer within {seconds} s',
  'reason.wrong_type': 'the answer is {type}, expected {expected}',
  'reason.no_type': 'the answer is of no declared type, expected {expected}',
  'reason.too_large': 'the answer is larger than {size}',
  'reason.too_many_redirects': 'the site redirected more than {max} times',
  'reason.bad_redirect': 'the site redirected to an invalid address',
  'reason.write_redirected': 'the site redirected this {method} request elsewhere',
  'reason.not_http': 'only http and https addresses can be read',
  'reason.has_credentials': 'addresses with a user name or password are not accepted',
  'reason.port_not_allowed': 'port {port} is not allowed',
  'reason.no_host': 'the address has no host',
  'reason.internal_host': 'the host name belongs to an internal service',
  'reason.address_not_public': 'the address is not a public internet address',
  'reason.resolves_not_public': 'the host name points to an address that is not public',
  'reason.url_too_long': 'the address is too long',
  'reason.invalid_url': 'it is not a valid address',
  'reason.http_status': 'the site answered HTTP {status}',
  'reason.http_401': 'the site answered HTTP {status} (sign-in required)',
  'reason.http_403': 'the site answered HTTP {status} (access denied)',
  'reason.http_404': 'the site answered HTTP {status} (page not found)',
  'reason.http_410': 'the site answered HTTP {status} (page gone)',
  'reason.http_429': 'the site answered HTTP {status} (too many requests)',
  'reason.bot_check': 'the site showed a bot check or an access-denied page instead of its content',
  'reason.not_found_page': 'the address shows a “page not found” page',
  'reason.no_text':
    'the page has almost no readable text (it may need JavaScript to show its content)',
  'reason.little_text': 'the page has only a little text',
  'reason.off_site': 'it redirected to another site',
  'reason.out_of_time': 'the time for further pages ran out',
  'reason.unreadable': 'it could not be read',
  'reason.not_stored': 'it could not be stored',
  'reason.not_image': 'the content is not a PNG, JPEG, GIF, WebP, AVIF, ICO or SVG image',
}
