/**
 * @module openapi/headers
 * The headers of the API in one catalogue (`components.headers` and `components.parameters`),
 * so each operation refers to them by name.
 */

type Json = Record<string, unknown>

const str = (description: string, examples?: string[]): Json => ({
  description,
  schema: { type: 'string', ...(examples ? { examples } : {}) },
})
const int = (description: string): Json => ({ description, schema: { type: 'integer' } })

/** Response headers by name. */
export const RESPONSE_HEADERS: Record<string, Json> = {
  ETag: str(
    'The version of the resource; send it back as `If-Match` (writes) or `If-None-Match` (reads).',
    ['"1733580000000001"']
  ),
  Location: str('Where the created resource is.'),
  'Idempotent-Replayed': str(
    '`true` when the answer is the job an earlier request with this `Idempotency-Key` made.',
    ['true']
  ),
  'Retry-After': int('Seconds to wait before trying again.'),
  'RateLimit-Limit': int('Requests allowed per client per minute (absent when the limit is off).'),
  'RateLimit-Remaining': int('Requests left in the current minute.'),
  'WWW-Authenticate': str('`Bearer`.'),
  'X-Request-Id': str(
    'The request id (also in every error envelope); quote it when reporting a problem.'
  ),
  'Content-Range': str('The bytes sent, of the whole (`bytes 0-99/1000`).'),
  'Accept-Ranges': str('`bytes`: single byte ranges are served.'),
  'Content-Disposition': str('`attachment` with a file name.'),
  'Last-Modified': str('When the object was stored.'),
}

/** Request header parameters by name. */
export const REQUEST_HEADERS: Record<string, Json> = {
  'If-Match': {
    name: 'If-Match',
    in: 'header',
    description:
      'The `ETag` of the version this write replaces; a stale one is 412 with the current `ETag`.',
    schema: { type: 'string' },
  },
  'If-None-Match': {
    name: 'If-None-Match',
    in: 'header',
    description:
      'Reads: an `ETag` you hold (304 while it is current). Writes: `*` to create (412 when the id is taken).',
    schema: { type: 'string' },
  },
  'Idempotency-Key': {
    name: 'Idempotency-Key',
    in: 'header',
    description:
      'Any unique string (a UUID): the same key always answers the job it first made, so a retry never starts a second paid job; the key with a different request is 422.',
    schema: { type: 'string', minLength: 1, maxLength: 200 },
  },
  'Last-Event-ID': {
    name: 'Last-Event-ID',
    in: 'header',
    description: 'The `id` of the last event received: the stream resumes after it.',
    schema: { type: 'string' },
  },
  Range: {
    name: 'Range',
    in: 'header',
    description:
      'One byte range (`bytes=0-1023`, `bytes=-500`); several ranges get the whole object.',
    schema: { type: 'string' },
  },
  'If-Range': {
    name: 'If-Range',
    in: 'header',
    description: 'The `ETag` the range is for; another version gets the whole object.',
    schema: { type: 'string' },
  },
}

/** Headers every API answer carries (the rate limit's only while it is on). */
export const API_RESPONSE_HEADERS = ['X-Request-Id', 'RateLimit-Limit', 'RateLimit-Remaining']

export const headerRef = (name: string) => ({ $ref: `#/components/headers/${name}` })
export const parameterRef = (name: string) => ({ $ref: `#/components/parameters/${name}` })
