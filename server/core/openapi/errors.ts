/**
 * @module openapi/errors
 * The error envelope in the document: its schema, and which statuses an operation answers with
 * which codes. Every API operation may answer 429 and 500; the others follow from what the route
 * takes (a body, parameters, a key) and does (calls a model), plus the codes it names itself.
 */
import type { RouteDoc } from './route-doc'

type Json = Record<string, unknown>

export const ERROR_ENVELOPE: Json = {
  type: 'object',
  description:
    'Every failure: a stable machine-readable `code`, a message for people, optional `details` (for `invalid_input`: `issues`, each a `field` path and a `message`), and the request id to quote.',
  properties: {
    error: {
      type: 'object',
      properties: {
        code: { type: 'string', examples: ['invalid_input'] },
        message: { type: 'string', examples: ['The request is invalid.'] },
        details: {
          description:
            'Depends on the code: `issues` for invalid_input and inline_media, `retryAfterSeconds` for rate_limited, upstream_rate_limited, upstream_unavailable and server_restarting (with `circuit: "open"` when the model\'s circuit answered without calling it), `maxBytes` for payload_too_large, `currentEtag` and `reason` for precondition_failed, `variable` for not_configured, `period`, `budgetUsd`, `spentUsd`, `reservedUsd`, `remainingUsd`, `requiredUsd` and `resetsAt` for budget_exceeded.',
        },
      },
      required: ['code', 'message'],
    },
    requestId: { type: 'string' },
  },
  required: ['error', 'requestId'],
}

/** What each status means, and the codes any route may answer with it. */
const STATUS: Record<number, { description: string; codes: readonly string[] }> = {
  400: { description: 'The request is invalid', codes: ['invalid_input', 'malformed_json'] },
  401: { description: 'An API key is required', codes: ['unauthorized'] },
  402: {
    description:
      "Over the workspace's AI budget: nothing was sent to the model; `details` say what is left and when it resets",
    codes: ['budget_exceeded'],
  },
  403: { description: 'This key may not do this', codes: [] },
  404: { description: 'Not found', codes: ['not_found'] },
  409: { description: 'Conflict', codes: [] },
  412: { description: 'The version given is not the current one', codes: [] },
  413: { description: 'The body is too large', codes: ['payload_too_large'] },
  415: { description: 'Send the body as JSON', codes: ['unsupported_media_type'] },
  416: { description: 'The byte range is not available', codes: [] },
  422: { description: 'The request cannot be processed as sent', codes: [] },
  428: { description: 'A precondition header is required', codes: [] },
  429: {
    description: 'Too many requests: wait `Retry-After` seconds',
    codes: ['rate_limited'],
  },
  500: { description: 'Something went wrong on the server', codes: ['internal'] },
  501: { description: 'Not available with this backend', codes: ['not_available'] },
  502: {
    description: 'The model or another service failed or answered invalid data',
    codes: ['upstream_error', 'upstream_invalid', 'ai_invalid_output', 'ai_blocked', 'ai_empty'],
  },
  503: {
    description: 'Not configured on this server, or unavailable for now (then with `Retry-After`)',
    codes: ['not_configured'],
  },
  504: {
    description: 'The model or another service did not answer in time',
    codes: ['upstream_timeout'],
  },
}

/** Response headers that come with an error status. */
export const ERROR_HEADERS: Record<number, readonly string[]> = {
  401: ['WWW-Authenticate'],
  412: ['ETag'],
  429: ['Retry-After'],
  503: ['Retry-After'],
}

export interface RouteTraits {
  /** Under `/api` (rate limited); false for media. */
  api: boolean
  secured: boolean
  hasBody: boolean
  jsonBody: boolean
  hasParams: boolean
  hasQuery: boolean
}

/** Every error status of an operation, with its codes. */
export function errorStatuses(doc: RouteDoc, traits: RouteTraits): Map<number, string[]> {
  const out = new Map<number, string[]>()
  const add = (status: number, codes: readonly string[] = STATUS[status]?.codes ?? []) => {
    const list = out.get(status) ?? []
    for (const code of codes) if (!list.includes(code)) list.push(code)
    out.set(status, list)
  }
  if (traits.hasBody || traits.hasQuery || traits.hasParams) add(400)
  if (traits.secured) add(401)
  if (traits.hasParams) add(404)
  if (traits.hasBody) add(413)
  if (traits.jsonBody) add(415)
  if (traits.api) add(429)
  if (traits.api) add(500)
  if (doc.metered) add(402)
  // While the process shuts down (SIGTERM) any API request may be told to go elsewhere.
  if (traits.api) add(503, ['server_restarting'])
  if (doc.upstream) {
    for (const status of [502, 503, 504]) add(status)
    // The model's quota passed on, and the fast answers of its open circuit.
    add(429, ['upstream_rate_limited'])
    add(503, ['upstream_unavailable'])
  }
  for (const [status, codes] of Object.entries(doc.errors ?? {})) add(Number(status), codes)
  return new Map([...out].sort(([a], [b]) => a - b))
}

export function errorDescription(status: number, codes: readonly string[]): string {
  const what = STATUS[status]?.description ?? 'Error'
  return codes.length === 0 ? what : `${what}: ${codes.map((c) => `\`${c}\``).join(', ')}`
}
