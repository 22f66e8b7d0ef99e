/**
 * @module errors
 * One error type for every failure the API reports, and the envelope it is sent in:
 * `{"error":{"code","message","details?"},"requestId"}`. Messages are written for the client;
 * anything else (stacks, raw upstream text, paths, secrets) stays in the server log.
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { ErrorCode } from './error-codes'

export type { ErrorCode } from './error-codes'

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `brief.mainKeyword`. */
  field: string
  message: string
  /** The rule broken, coded for the UI (field-rules.ts); absent for a schema's own wording. */
  rule?: { code: string; params: Record<string, string | number> }
}

export interface AppErrorOptions {
  details?: unknown
  headers?: Record<string, string>
  cause?: unknown
}

export class AppError extends Error {
  override name = 'AppError'
  readonly status: ContentfulStatusCode
  readonly code: ErrorCode
  readonly details?: unknown
  readonly headers: Record<string, string>

  constructor(
    status: ContentfulStatusCode,
    code: ErrorCode,
    message: string,
    options: AppErrorOptions = {}
  ) {
    super(message, { cause: options.cause })
    this.status = status
    this.code = code
    this.details = options.details
    this.headers = options.headers ?? {}
  }
}

export interface ErrorEnvelope {
  error: { code: string; message: string; details?: unknown }
  requestId: string
}

export const envelope = (error: AppError, requestId: string): ErrorEnvelope => ({
  error: {
    code: error.code,
    message: error.message,
    ...(error.details === undefined ? {} : { details: error.details }),
  },
  requestId,
})

/** Constructors for the failures every part of the app reports, so codes stay consistent. */
export const errors = {
  invalidInput: (issues: FieldIssue[], message = 'The request is invalid.') =>
    new AppError(400, 'invalid_input', message, { details: { issues } }),
  badRequest: (code: ErrorCode, message: string, details?: unknown) =>
    new AppError(400, code, message, { details }),
  malformedJson: () => new AppError(400, 'malformed_json', 'The request body is not valid JSON.'),
  unauthorized: () =>
    new AppError(401, 'unauthorized', 'An API key is required: send Authorization: Bearer <key>.', {
      headers: { 'WWW-Authenticate': 'Bearer' },
    }),
  notFound: (what = 'The requested resource') =>
    new AppError(404, 'not_found', `${what} was not found.`),
  methodNotAllowed: (allow: string[]) =>
    new AppError(405, 'method_not_allowed', `Use ${allow.join(', ')} for this path.`, {
      headers: { Allow: allow.join(', ') },
    }),
  payloadTooLarge: (maxBytes: number) =>
    new AppError(413, 'payload_too_large', `The request body exceeds ${formatBytes(maxBytes)}.`, {
      details: { maxBytes },
    }),
  unsupportedMediaType: (expected: string) =>
    new AppError(415, 'unsupported_media_type', `Send the body as ${expected}.`),
  rateLimited: (retryAfterSeconds: number, message = 'Too many requests; try again later.') =>
    new AppError(429, 'rate_limited', message, {
      headers: { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))) },
      details: { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)) },
    }),
  notImplemented: (message: string) => new AppError(501, 'not_available', message),
  upstream: (code: ErrorCode, message: string, cause?: unknown, details?: unknown) =>
    new AppError(502, code, message, { cause, details }),
  notConfigured: (feature: string, variable: string) =>
    new AppError(
      503,
      'not_configured',
      `${feature} is not configured on this server: set ${variable}.`,
      {
        details: { variable },
      }
    ),
  timeout: (what: string, cause?: unknown) =>
    new AppError(504, 'upstream_timeout', `${what} did not answer in time.`, { cause }),
  internal: (cause?: unknown) =>
    new AppError(500, 'internal', 'Something went wrong on our side.', { cause }),
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`
  if (n >= 1024) return `${Math.round(n / 1024)} KB`
  return `${n} bytes`
}
