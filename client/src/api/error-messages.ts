/**
 * @module api/error-messages
 * What to tell a person about a failed call: a title naming whose problem it is (the input, the
 * website, the AI service, storage…) and what to do about it, in their language (message keys),
 * the fields a 400 names, why a website could not be read, the wait of a 429, and whether trying
 * again can help. By the server's error code (i18n/server-codes/rules.ts); a code this client
 * does not know is described by its HTTP status, with the server's own words beside it.
 */
import type { MessageParams } from '../i18n'
import type { ServerCodeKey } from '../i18n/server-codes'
import { type Cause, type ErrorRule, type Hint, ruleOf } from '../i18n/server-codes/rules'
import type { ApiError, FieldIssue } from './errors'

export interface ErrorDescription {
  title: ServerCodeKey
  hint: ServerCodeKey
  params: MessageParams
  fields: FieldIssue[]
  /** Why the website or address could not be read (a reason code and its parameters). */
  reason?: { code: string; params: MessageParams }
  /** A retry button makes sense: the same request may succeed later. */
  retryable: boolean
  retryAfterSeconds?: number
  /** The server's message is worth showing: the code is one this client has no words for. */
  showServerMessage: boolean
}

const byStatus = (status: number): ErrorRule => {
  const rule = (cause: Cause, hint: Hint, retry = false) => ({ cause, hint, retry })
  if (status === 0) return rule('network', 'network', true)
  if (status === 401) return rule('access', 'access')
  if (status === 404) return rule('missing', 'missing')
  if (status === 413) return rule('input', 'tooLarge')
  if (status === 429) return rule('limit', 'rateLimited', true)
  if (status === 501) return rule('mode', 'mode')
  if (status >= 500) return rule('server', 'server', true)
  return rule('input', 'input')
}

/**
 * @param locale formats a refused budget's amounts and reset time (the browser's default when
 *   absent).
 */
export function describeError(error: ApiError, locale?: string): ErrorDescription {
  const known = ruleOf(error.code, error.details)
  const rule = known ?? byStatus(error.status)
  const fields = error.fieldIssues
  const hint: Hint = rule.hint === 'fields' && fields.length === 0 ? 'input' : rule.hint
  return {
    title: `error.cause.${rule.cause}`,
    hint: `error.why.${hint}`,
    params: {
      ...detailParams(error.details),
      ...(error.code === 'budget_exceeded' ? budgetParams(error.details, locale) : {}),
      status: error.status,
      seconds: error.retryAfterSeconds ?? 0,
    },
    fields,
    reason: reasonOf(error.details),
    // A 503 that asks to wait (overloaded upstream) is worth retrying; "not configured" is not.
    retryable: rule.retry || Boolean(error.retryAfterSeconds),
    retryAfterSeconds: error.retryAfterSeconds,
    showServerMessage: !known && error.code !== 'bad_response',
  }
}

/** The plain values of `details` (a property, a site, a user name), for the hints that name them. */
function detailParams(details: unknown): MessageParams {
  if (typeof details !== 'object' || details === null) return {}
  return Object.fromEntries(
    Object.entries(details).filter(
      (entry): entry is [string, string | number] =>
        typeof entry[1] === 'string' || typeof entry[1] === 'number'
    )
  )
}

function reasonOf(details: unknown): ErrorDescription['reason'] {
  const { reasonCode, reasonParams } = (details ?? {}) as {
    reasonCode?: unknown
    reasonParams?: unknown
  }
  if (typeof reasonCode !== 'string') return undefined
  const params =
    typeof reasonParams === 'object' && reasonParams !== null ? (reasonParams as MessageParams) : {}
  return { code: reasonCode, params }
}

/** A refused budget's figures (402 `budget_exceeded`): what is left of what, and when it resets. */
function budgetParams(details: unknown, locale?: string): MessageParams {
  const d = (details ?? {}) as { budgetUsd?: unknown; remainingUsd?: unknown; resetsAt?: unknown }
  const usd = (n: unknown) =>
    typeof n === 'number'
      ? new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' }).format(n)
      : '—'
  const at = typeof d.resetsAt === 'string' ? new Date(d.resetsAt) : undefined
  return {
    budget: usd(d.budgetUsd),
    remaining: usd(d.remainingUsd),
    resetsAt:
      at && !Number.isNaN(at.getTime())
        ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(at)
        : '—',
  }
}
