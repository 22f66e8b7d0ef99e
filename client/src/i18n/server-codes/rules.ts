/**
 * @module i18n/server-codes/rules
 * How the UI explains each error code the server (core/error-codes.ts) or the client itself
 * gives: whose problem it is (the title: the input, the website, the AI service, storage…), what
 * to do about it (the hint), and whether trying the same request again can help. Typed by the
 * server's own list, so a new server code without a rule does not compile.
 */
import type { ErrorCode } from '../../../../server/core/error-codes'

export type Cause =
  | 'input'
  | 'site'
  | 'aiSetup'
  | 'aiRefused'
  | 'aiFailed'
  | 'aiTimeout'
  | 'aiOutage'
  | 'restarting'
  | 'limit'
  | 'storage'
  | 'searchConsole'
  | 'wordpress'
  | 'setup'
  | 'access'
  | 'forbidden'
  | 'budget'
  | 'missing'
  | 'conflict'
  | 'mode'
  | 'server'
  | 'network'

export const HINTS = [
  'input',
  'fields',
  'tooLarge',
  'imageTooLarge',
  'imageType',
  'videoTooLarge',
  'siteDns',
  'siteTls',
  'siteUnreachable',
  'siteTimeout',
  'siteBlocked',
  'siteNotHtml',
  'sitePageMissing',
  'siteUnreadable',
  'urlNotAllowed',
  'aiSetup',
  'setup',
  'scCredentials',
  'scApiDisabled',
  'scForbidden',
  'scQuota',
  'scFailed',
  'wpNotConnected',
  'wpReconnect',
  'wpPublished',
  'wpNotFound',
  'wpUnauthorized',
  'wpForbidden',
  'wpFailed',
  'aiCredentials',
  'aiModel',
  'aiRejected',
  'aiBlocked',
  'aiFailed',
  'aiCut',
  'aiTimeout',
  'aiOutage',
  'restarting',
  'aiQuota',
  'noCompetitors',
  'imagesLost',
  'rateLimited',
  'storage',
  'storageBusy',
  'storedUnreadable',
  'access',
  'forbidden',
  'budgetDay',
  'budgetMonth',
  'missing',
  'conflict',
  'notReady',
  'mode',
  'server',
  'network',
  'badResponse',
] as const
export type Hint = (typeof HINTS)[number]

export interface ErrorRule {
  cause: Cause
  hint: Hint
  /** The same request may succeed later. */
  retry: boolean
}

/** Codes only the client gives: no answer, an answer that is not an envelope, a cut stream. */
export type ClientErrorCode = 'network' | 'bad_response' | 'stream_incomplete'

const rule = (cause: Cause, hint: Hint, retry = false): ErrorRule => ({ cause, hint, retry })
const input = (hint: Hint = 'input') => rule('input', hint)
const site = (hint: Hint, retry = false) => rule('site', hint, retry)
const aiFailed = (hint: Hint = 'aiFailed') => rule('aiFailed', hint, true)

export const ERROR_RULES: Record<ErrorCode | ClientErrorCode, ErrorRule> = {
  invalid_input: input('fields'),
  malformed_json: input(),
  bad_request: input(),
  unsupported_media_type: input(),
  payload_too_large: input('tooLarge'),
  image_too_large: input('imageTooLarge'),
  video_too_large: rule('setup', 'videoTooLarge'),
  unsupported_image_type: input('imageType'),
  invalid_media_id: input(),
  invalid_key: input(),
  invalid_model: input(),
  invalid_source: input(),
  inline_media: input(),
  invalid_precondition: input(),
  invalid_idempotency_key: input(),
  idempotency_key_reused: input(),
  idempotency_key_stale: input(),
  url_not_allowed: input('urlNotAllowed'),
  cancelled: rule('server', 'server', true),
  unauthorized: rule('access', 'access'),
  forbidden: rule('forbidden', 'forbidden'),
  // Not worth a retry button: the same request is refused until the period resets.
  budget_exceeded: rule('budget', 'budgetDay'),
  rate_limited: rule('limit', 'rateLimited', true),
  not_found: rule('missing', 'missing'),
  method_not_allowed: rule('server', 'server'),
  already_exists: rule('conflict', 'conflict'),
  precondition_required: rule('conflict', 'conflict'),
  precondition_failed: rule('conflict', 'conflict'),
  job_not_finished: rule('conflict', 'notReady'),
  range_not_satisfiable: rule('missing', 'missing'),
  not_available: rule('mode', 'mode'),
  ui_unavailable: rule('mode', 'mode'),
  site_dns_failed: site('siteDns'),
  site_tls_failed: site('siteTls'),
  site_unreachable: site('siteUnreachable', true),
  site_timeout: site('siteTimeout', true),
  site_blocked: site('siteBlocked'),
  site_not_html: site('siteNotHtml'),
  site_page_missing: site('sitePageMissing'),
  site_unreadable: site('siteUnreadable'),
  fetch_unreachable: site('siteUnreachable', true),
  fetch_timeout: site('siteTimeout', true),
  fetch_wrong_type: site('siteNotHtml'),
  fetch_too_large: site('siteUnreadable'),
  not_configured: rule('aiSetup', 'aiSetup'),
  upstream_auth: rule('aiRefused', 'aiCredentials'),
  upstream_not_found: rule('aiRefused', 'aiModel'),
  upstream_rejected: rule('aiRefused', 'aiRejected'),
  ai_blocked: rule('aiRefused', 'aiBlocked'),
  upstream_rate_limited: rule('limit', 'aiQuota', true),
  upstream_error: aiFailed(),
  upstream_unreachable: aiFailed(),
  upstream_invalid: aiFailed(),
  upstream_file_failed: aiFailed(),
  upstream_timeout: rule('aiTimeout', 'aiTimeout', true),
  // The circuit is open: Gemini failed again and again, so calls fail at once for a while.
  upstream_unavailable: rule('aiOutage', 'aiOutage', true),
  server_restarting: rule('restarting', 'restarting', true),
  ai_invalid_output: aiFailed(),
  ai_empty: aiFailed(),
  ai_truncated: aiFailed('aiCut'),
  ai_no_image: aiFailed(),
  ai_no_mask: aiFailed(),
  ai_no_competitors: aiFailed('noCompetitors'),
  ai_incomplete_revision: aiFailed(),
  images_lost: aiFailed('imagesLost'),
  search_console_no_credentials: rule('searchConsole', 'scCredentials'),
  search_console_unreachable: rule('searchConsole', 'scFailed', true),
  search_console_timeout: rule('searchConsole', 'scFailed', true),
  search_console_api_disabled: rule('searchConsole', 'scApiDisabled'),
  search_console_forbidden: rule('searchConsole', 'scForbidden'),
  search_console_quota: rule('searchConsole', 'scQuota', true),
  search_console_failed: rule('searchConsole', 'scFailed', true),
  wordpress_not_connected: rule('wordpress', 'wpNotConnected'),
  wordpress_credentials_unreadable: rule('wordpress', 'wpReconnect'),
  wordpress_already_published: rule('wordpress', 'wpPublished'),
  wordpress_not_found: rule('wordpress', 'wpNotFound'),
  wordpress_unauthorized: rule('wordpress', 'wpUnauthorized'),
  wordpress_forbidden: rule('wordpress', 'wpForbidden'),
  wordpress_failed: rule('wordpress', 'wpFailed', true),
  storage_error: rule('storage', 'storage', true),
  storage_busy: rule('storage', 'storageBusy', true),
  library_unreadable: rule('storage', 'storedUnreadable'),
  internal: rule('server', 'server', true),
  network: rule('network', 'network', true),
  bad_response: rule('server', 'badResponse', true),
  stream_incomplete: aiFailed('aiCut'),
}

/** The rule of a code, when the client knows it (a newer server may send one it does not). */
export function ruleOf(code: string, details?: unknown): ErrorRule | undefined {
  if (!Object.hasOwn(ERROR_RULES, code)) return undefined
  // Only the AI's own setting makes "not configured" an AI problem (SECRETS_KEY is not one).
  const variable = (details as { variable?: unknown } | undefined)?.variable
  if (code === 'not_configured' && typeof variable === 'string' && !/GEMINI|VERTEX/.test(variable))
    return rule('setup', 'setup')
  if (
    code === 'budget_exceeded' &&
    (details as { period?: unknown } | undefined)?.period === 'month'
  )
    return rule('budget', 'budgetMonth')
  return ERROR_RULES[code as keyof typeof ERROR_RULES]
}
