/**
 * @module docs/routes
 * `GET /api/openapi.json`: the OpenAPI 3.1 document of every route, built from the route tables
 * on its first request and kept. `GET /api/docs`: the interactive reference with the guide, its
 * script served from here (`/api/docs/:asset`). All open, like `/api/capabilities`.
 */
import { Hono } from 'hono'
import * as v from 'valibot'
import type { AppEnv } from '../../core/context'
import { errors } from '../../core/errors'
import { once } from '../../core/lazy'
import type { RouteEntry } from '../../core/openapi/build'
import { describe } from '../../core/openapi/route-doc'

const ASSETS = ['scalar.js', 'start.js'] as const
const gunzip = (bytes: Uint8Array) => Bun.gunzipSync(bytes as Uint8Array<ArrayBuffer>)

export interface DocsOptions {
  /** Every route of the app (the API's and the media routes). */
  routes: () => readonly RouteEntry[]
  distDir?: string
}

export const docsRoutes = (options: DocsOptions) => {
  const document = once(async () => {
    const { apiDocument } = await import('./document')
    return JSON.stringify(await apiDocument(options.routes()))
  })
  const scalar = once(async () => {
    const asset = await (await import('./asset')).loadScalar(options.distDir)
    if (!asset) throw errors.notFound('The reference page script (run `bun run build:client`)')
    return {
      ...asset,
      plain: once(async () => (asset.gzipped ? gunzip(asset.bytes) : asset.bytes)),
    }
  })
  return new Hono<AppEnv>()
    .get(
      '/openapi.json',
      describe({
        operationId: 'getOpenApiDocument',
        summary: 'This document',
        description:
          'The OpenAPI 3.1 description of every route, generated from the schemas the routes validate with.',
        tag: 'System',
        public: true,
        responses: {
          200: { description: 'The OpenAPI document', contentType: 'application/json' },
        },
        examples: [{ summary: 'The document', status: 200 }],
      }),
      async (c) =>
        c.body(await document(), 200, {
          'Content-Type': 'application/json; charset=utf-8',
          'Cache-Control': 'public, max-age=300',
        })
    )
    .get(
      '/docs',
      describe({
        operationId: 'getApiReference',
        summary: 'The interactive reference',
        description:
          'This document as a page, with the guide; everything it loads comes from this server.',
        tag: 'System',
        public: true,
        responses: { 200: { description: 'An HTML page', contentType: 'text/html' } },
        examples: [{ summary: 'The page', status: 200 }],
      }),
      async (c) => c.html((await import('./page')).PAGE, 200, { 'Cache-Control': 'no-cache' })
    )
    .get(
      '/docs/:asset',
      describe({
        operationId: 'getApiReferenceAsset',
        summary: 'A script of the reference page',
        tag: 'System',
        public: true,
        params: { asset: v.picklist(ASSETS) },
        responses: { 200: { description: 'JavaScript', contentType: 'text/javascript' } },
        examples: [{ summary: 'The start script', params: { asset: 'start.js' }, status: 200 }],
      }),
      async (c) => {
        const asset = c.req.param('asset')
        const headers = {
          'Content-Type': 'text/javascript; charset=utf-8',
          'Cache-Control': 'public, max-age=3600',
        }
        if (asset === 'start.js') return c.body((await import('./page')).START_SCRIPT, 200, headers)
        if (asset !== 'scalar.js') throw errors.notFound('The asset')
        const file = await scalar()
        const gzip = /\bgzip\b/i.test(c.req.header('Accept-Encoding') ?? '')
        if (file.gzipped && gzip) {
          return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
            ...headers,
            'Content-Encoding': 'gzip',
            Vary: 'Accept-Encoding',
          })
        }
        return c.body((await file.plain()) as Uint8Array<ArrayBuffer>, 200, {
          ...headers,
          Vary: 'Accept-Encoding',
        })
      }
    )
}
