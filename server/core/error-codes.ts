/**
 * @module error-codes
 * Every `error.code` the API answers with, and what it means. `AppError` takes only these codes,
 * so a new failure is added here first; the UI words each one in both languages (its title says
 * whose problem it is: the input, the website, the AI service, storage) and the coverage test
 * fails when it cannot.
 */
import { defineCodes } from './codes'

export const ERROR_CODES = defineCodes('error', {
  // The request itself.
  invalid_input: 'The request failed validation; details.issues names each field and its rule.',
  malformed_json: 'The request body is not valid JSON.',
  bad_request: 'The request could not be read.',
  unsupported_media_type: 'The body was sent with a content type the route does not take.',
  payload_too_large: 'The request body is larger than the route takes (details.maxBytes).',
  image_too_large: 'An image in the request is larger than allowed (bytes or pixels).',
  video_too_large: 'A clip is larger than can be sent to the AI service inline (no bucket set).',
  unsupported_image_type: 'An image in the request is not PNG, JPEG or WebP.',
  invalid_media_id: 'A media id in the request is not one this server issues.',
  invalid_key: 'A storage key in the request is not valid.',
  invalid_model: 'The model named in the request cannot do this.',
  invalid_source: 'The source video named in the request cannot be continued.',
  inline_media: 'A saved document embeds image bytes instead of media ids.',
  invalid_precondition: 'If-Match or If-None-Match is malformed or not allowed here.',
  invalid_idempotency_key: 'The Idempotency-Key header is malformed.',
  idempotency_key_reused: 'The Idempotency-Key was used with a different request.',
  idempotency_key_stale: 'The job of this Idempotency-Key is gone; use a new key.',
  url_not_allowed: 'The URL may not be fetched (scheme, port, internal address); details.reason.',
  cancelled: 'The client cancelled the request.',
  // Access and limits.
  unauthorized: 'An API key is required.',
  rate_limited: 'This server’s request limit was reached; Retry-After says when to retry.',
  forbidden: 'The key may not read this (another workspace’s usage needs an admin key).',
  budget_exceeded:
    'The workspace’s AI budget (day or month) cannot hold the call or job; details say how much is left and when it resets. Nothing was sent to Google.',
  // What was asked for.
  not_found: 'Nothing exists at this path or id.',
  method_not_allowed: 'The path does not take this method.',
  already_exists: 'A document with this id already exists.',
  precondition_required: 'A change needs If-Match (or If-None-Match: * to create).',
  precondition_failed: 'The document changed since it was read (or exists, or is gone).',
  job_not_finished: 'The video job has not finished yet.',
  range_not_satisfiable: 'The requested byte range is outside the file.',
  not_available: 'The feature is not available in this server mode (e.g. Vertex AI only).',
  ui_unavailable: 'The web UI is not built on this server.',
  // The website a user asked to read (brand analysis).
  site_dns_failed: 'The website’s host name does not resolve: the address is wrong.',
  site_tls_failed: 'The website’s HTTPS certificate could not be verified.',
  site_unreachable: 'The website refused or dropped the connection.',
  site_timeout: 'The website did not answer in time.',
  site_blocked: 'The website blocked the reader (bot check, sign-in, access denied, rate limit).',
  site_not_html: 'The address is a file (PDF, image…), not a web page.',
  site_page_missing: 'The website says the page does not exist (404, 410, “page not found”).',
  site_unreadable: 'The page could not be used (server error, no readable text, too large).',
  fetch_unreachable: 'A remote address could not be reached.',
  fetch_timeout: 'A remote address did not answer in time.',
  fetch_wrong_type: 'A remote address answered with the wrong type of content.',
  fetch_too_large: 'A remote address answered with more bytes than allowed.',
  // The AI service.
  not_configured: 'AI generation is not configured on this server (no key, no Vertex project).',
  upstream_auth: 'The AI service refused this server’s credentials.',
  upstream_not_found: 'The AI service does not know the configured model.',
  upstream_rejected: 'The AI service rejected the request as invalid.',
  upstream_rate_limited: 'The AI service is over its quota; Retry-After says when to retry.',
  ai_blocked: 'The AI service declined to answer (safety or policy filters).',
  upstream_error: 'The AI service failed.',
  upstream_unreachable: 'The AI service could not be reached.',
  upstream_invalid: 'The AI or video service answered something unusable.',
  upstream_timeout: 'The AI service did not answer in time.',
  upstream_unavailable:
    'The AI service failed again and again; calls fail at once for a short cool-down (Retry-After).',
  upstream_file_failed: 'The AI service could not process an uploaded file.',
  ai_invalid_output: 'The AI answer did not match the expected format, twice.',
  ai_empty: 'The AI service returned an empty answer.',
  ai_truncated: 'The AI answer was cut at its length limit.',
  ai_no_image: 'The AI service returned no image.',
  ai_no_mask: 'The AI service returned no mask.',
  ai_no_competitors: 'The AI service found no usable competitor sites.',
  ai_incomplete_revision: 'The AI service returned an incomplete article twice.',
  images_lost: 'A revised article lost images; the original was kept.',
  // Google Search Console.
  search_console_no_credentials:
    'The server has no Google credentials to read Search Console with.',
  search_console_unreachable: 'Search Console could not be reached.',
  search_console_timeout: 'Search Console did not answer in time.',
  search_console_api_disabled: 'The Search Console API is not enabled in the Cloud project.',
  search_console_forbidden: 'The server’s account may not read this property (details.property).',
  search_console_quota: 'Search Console’s quota for the property is used up; Retry-After.',
  search_console_failed: 'Search Console answered with an error.',
  // WordPress.
  wordpress_not_connected: 'No WordPress site is connected yet.',
  wordpress_credentials_unreadable: 'The saved WordPress password cannot be read with SECRETS_KEY.',
  wordpress_already_published: 'The article is already published on the site (details.link).',
  wordpress_not_found: 'No WordPress REST API answered at the address (details.site).',
  wordpress_unauthorized: 'WordPress refused the user name or application password.',
  wordpress_forbidden: 'The WordPress user may not do this.',
  wordpress_failed: 'WordPress answered with an error.',
  // Storage.
  storage_error: 'The storage (Cloud Storage or disk) failed.',
  storage_busy: 'The stored object is being changed by others; retry shortly.',
  library_unreadable: 'A stored document could not be read.',
  // Anything else.
  internal: 'An unexpected failure on the server (logged with the request id).',
  server_restarting:
    'The instance is shutting down; send the request again (another instance answers).',
})

export type ErrorCode = keyof typeof ERROR_CODES.texts
