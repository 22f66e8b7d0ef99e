/**
 * @module api/error-messages
 * What to tell a person about a failed call: a heading and an explanation in their language
 * (message keys), the fields a 400 names, the wait of a 429, and whether trying again can help.
 * Pure, so every status is covered by a unit test.
 */
import type { MessageKey } from '../i18n'
import type { ApiError, FieldIssue } from './errors'

export interface ErrorDescription {
  title: MessageKey
  hint: MessageKey
  params: Record<string, string | number>
  fields: FieldIssue[]
  /** A retry button makes sense: the same request may succeed later. */
  retryable: boolean
  retryAfterSeconds?: number
}

interface Kind {
  title: MessageKey
  hint: MessageKey
  retryable: boolean
}

const BY_STATUS: Record<number, Kind> = {
  0: { title: 'error.status.0', hint: 'error.hint.network', retryable: true },
  400: { title: 'error.status.400', hint: 'error.hint.400', retryable: false },
  401: { title: 'error.status.401', hint: 'error.hint.401', retryable: false },
  404: { title: 'error.status.404', hint: 'error.hint.404', retryable: false },
  413: { title: 'error.status.413', hint: 'error.hint.413', retryable: false },
  429: { title: 'error.status.429', hint: 'error.hint.429', retryable: true },
  500: { title: 'error.title', hint: 'error.hint.500', retryable: true },
  501: { title: 'error.status.501', hint: 'error.hint.501', retryable: false },
  502: { title: 'error.status.502', hint: 'error.hint.502', retryable: true },
  503: { title: 'error.status.503', hint: 'error.hint.503', retryable: false },
  504: { title: 'error.status.504', hint: 'error.hint.504', retryable: true },
}

/** Codes that say more than their status: the AI service failing, the server restarting. */
const BY_CODE: Record<string, Kind> = {
  upstream_unavailable: { title: 'error.aiFailing', hint: 'error.hint.aiFailing', retryable: true },
  server_restarting: { title: 'error.restarting', hint: 'error.hint.restarting', retryable: true },
}

const SERVER_FALLBACK: Kind = { title: 'error.title', hint: 'error.hint.500', retryable: true }
const CLIENT_FALLBACK: Kind = { title: 'error.title', hint: 'error.hint.400', retryable: false }

export function describeError(error: ApiError): ErrorDescription {
  let kind: Kind =
    BY_CODE[error.code] ??
    BY_STATUS[error.status] ??
    (error.status >= 500 ? SERVER_FALLBACK : CLIENT_FALLBACK)
  if (error.code === 'bad_response') kind = { ...kind, hint: 'error.badResponse' }
  if (error.code === 'stream_incomplete') kind = { ...kind, hint: 'error.hint.streamCut' }
  // A 503 that asks to wait (overloaded upstream) is worth retrying; "not configured" is not.
  const retryable = kind.retryable || Boolean(error.retryAfterSeconds)
  return {
    title: kind.title,
    hint: kind.hint,
    params: { status: error.status, seconds: error.retryAfterSeconds ?? 0 },
    fields: error.fieldIssues,
    retryable,
    retryAfterSeconds: error.retryAfterSeconds,
  }
}

/** The server's own message is worth showing when it says more than our heading. */
export const serverDetail = (error: ApiError): string | undefined =>
  error.code === 'network' || error.code === 'bad_response' ? undefined : error.message
