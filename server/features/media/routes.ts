/**
 * @module media/routes
 * `GET|HEAD /media/:id`: stored media streamed from the BlobStore with `ETag` (304 on
 * `If-None-Match`), single byte ranges (206, 416) and immutable caching, since ids are content
 * hashes. Only ids of the media shape reach the store, so no request can name another key.
 * Types that are not plain media are sent as downloads; SVG, which can carry script, is also
 * sandboxed.
 */
import type { Context } from 'hono'
// Evaluated at start-up (media are served before the API loads): the small preset of Hono.
import { Hono } from 'hono/tiny'
import type { AppEnv } from '../../core/context'
import { sendError } from '../../core/error-handler'
import { AppError, errors } from '../../core/errors'
import { describe } from '../../core/openapi/route-doc'
import { baseMimeType, isKnownMediaType, MEDIA_ID } from '../../storage/keys'
import { mediaKey } from '../../storage/media'
import type { BlobMeta, BlobStore, ByteRange } from '../../storage/types'

const IMMUTABLE = 'public, max-age=31536000, immutable'

const doc = describe({
  operationId: 'getMedia',
  summary: 'A stored image or video',
  description:
    'Ids are content hashes, so a medium never changes: cached for a year. `HEAD` answers the headers only. One byte range (`Range`) is `206` (players seek with it); an unsatisfiable one is `416`. SVG and unknown types come as downloads.',
  tag: 'Media',
  params: {
    id: async () => {
      const v = await import('valibot')
      return v.pipe(
        v.string(),
        v.regex(MEDIA_ID),
        v.description('`<sha256>.<ext>`, as in a media ref.')
      )
    },
  },
  requestHeaders: ['Range', 'If-Range', 'If-None-Match'],
  responses: {
    200: {
      description: 'The medium',
      contentType: 'application/octet-stream',
      headers: ['ETag', 'Last-Modified', 'Accept-Ranges'],
    },
    206: {
      description: 'The byte range asked for',
      contentType: 'application/octet-stream',
      headers: ['ETag', 'Content-Range'],
    },
    304: { description: 'Unchanged since the `If-None-Match` ETag', headers: ['ETag'] },
  },
  errors: { 416: ['range_not_satisfiable'], 502: ['storage_error'] },
  examples: [
    {
      summary: 'A medium that is not stored',
      params: { id: '0000000000000000000000000000000000000000000000000000000000000000.png' },
      status: 404,
    },
  ],
})

export const mediaRoutes = (store: BlobStore) =>
  // Hono answers HEAD with this GET handler and drops the body.
  new Hono<AppEnv>()
    .get('/:id', doc, async (c) => {
      const id = c.req.param('id')
      if (!MEDIA_ID.test(id)) throw errors.notFound('The media')
      const key = mediaKey(id)
      const meta = await store.head(key)
      if (!meta) throw errors.notFound('The media')

      const headers = responseHeaders(meta)
      if (matchesAny(c.req.header('If-None-Match'), meta.etag)) {
        return c.body(null, 304, headers)
      }

      const wanted = rangeWanted(c, meta)
      if (wanted === 'unsatisfiable') {
        return sendError(
          c,
          new AppError(416, 'range_not_satisfiable', 'The requested byte range is not available.', {
            headers: { 'Content-Range': `bytes */${meta.size}` },
          })
        )
      }
      const length = wanted ? wanted.end - wanted.start + 1 : meta.size
      headers['Content-Length'] = String(length)
      if (wanted) headers['Content-Range'] = `bytes ${wanted.start}-${wanted.end}/${meta.size}`
      const status = wanted ? 206 : 200
      // HEAD needs the headers only; opening the object would download it for nothing.
      if (c.req.method === 'HEAD') return c.body(null, status, headers)

      const object = await store.get(key, wanted)
      if (!object) throw errors.notFound('The media')
      return c.body(object.body, status, headers)
    })
    // Anything else under /media (other methods, nested paths) is a JSON 404, never the SPA page.
    .all('*', (c) => sendError(c, errors.notFound('The media')))

function responseHeaders(meta: BlobMeta): Record<string, string> {
  const type = baseMimeType(meta.contentType)
  const known = isKnownMediaType(type)
  const headers: Record<string, string> = {
    'Content-Type': known ? type : 'application/octet-stream',
    ETag: meta.etag,
    'Last-Modified': new Date(meta.updated).toUTCString(),
    'Cache-Control': IMMUTABLE,
    'Accept-Ranges': 'bytes',
    'X-Content-Type-Options': 'nosniff',
  }
  // Opened directly, an SVG is a document that runs its scripts on our origin: sandbox it and
  // make a direct visit a download (an <img> still shows it). Unknown types are never rendered.
  if (type === 'image/svg+xml') headers['Content-Security-Policy'] = 'sandbox'
  if (type === 'image/svg+xml' || !known) headers['Content-Disposition'] = 'attachment'
  return headers
}

/** `If-None-Match` uses the weak comparison: `W/` prefixes are ignored, `*` matches anything. */
function matchesAny(header: string | undefined, etag: string): boolean {
  if (!header) return false
  const strip = (tag: string) => tag.trim().replace(/^W\//, '')
  return header.split(',').some((tag) => tag.trim() === '*' || strip(tag) === strip(etag))
}

/**
 * The one range to send, `undefined` for the whole object (no or unusable `Range`, several
 * ranges, or an `If-Range` that no longer matches), or `'unsatisfiable'` (416).
 */
function rangeWanted(c: Context<AppEnv>, meta: BlobMeta): ByteRange | 'unsatisfiable' | undefined {
  const header = c.req.header('Range')
  if (!header) return undefined
  const ifRange = c.req.header('If-Range')
  if (ifRange && ifRange.trim() !== meta.etag) return undefined
  return parseRange(header, meta.size)
}

export function parseRange(header: string, size: number): ByteRange | 'unsatisfiable' | undefined {
  const match = /^bytes=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header.trim())
  // Multi-range and malformed headers are ignored: the whole object is a valid answer.
  if (!match || (match[1] === '' && match[2] === '')) return undefined
  const [, first = '', last = ''] = match
  if (first === '') {
    const suffix = Number(last)
    if (suffix === 0 || size === 0) return 'unsatisfiable'
    return { start: Math.max(0, size - suffix), end: size - 1 }
  }
  const start = Number(first)
  if (last !== '' && Number(last) < start) return undefined
  if (start >= size) return 'unsatisfiable'
  return { start, end: last === '' ? size - 1 : Math.min(Number(last), size - 1) }
}
