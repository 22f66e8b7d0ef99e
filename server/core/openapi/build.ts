/**
 * @module openapi/build
 * Builds the OpenAPI 3.1 document from Hono route tables: every route whose handlers carry a
 * description (`route-doc.ts`) becomes an operation, with the schemas its validators use. Run
 * once, on the first request for the document (it loads every feature's schemas).
 */
import { COMPOSED_HANDLER } from 'hono/utils/constants'
import { ERROR_ENVELOPE } from './errors'
import { REQUEST_HEADERS, RESPONSE_HEADERS } from './headers'
import type { ConvertOptions, Json } from './json-schema'
import { operationOf } from './operation'
import { type DocPart, partsOf, type RouteDoc } from './route-doc'

/** One entry of a Hono route table (`app.routes`). */
export interface RouteEntry {
  method: string
  path: string
  handler: unknown
}

export interface BuildOptions extends ConvertOptions {
  title: string
  version: string
  /** Markdown: the guide shown above the operations. */
  description: string
  /** Descriptions of the tags, in the order they are listed. */
  tags: readonly { name: string; description: string }[]
}

/** A route with what its handlers say, in table order. */
export interface DescribedRoute {
  method: string
  path: string
  parts: DocPart[]
}

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'])

const partsOfEntry = (entry: RouteEntry) => {
  const handler = entry.handler as Record<string, unknown> | undefined
  return partsOf(handler?.[COMPOSED_HANDLER] ?? handler)
}

/** Whether a middleware path (`/api/library/*`) covers a route path. */
const covers = (pattern: string, path: string) =>
  pattern.endsWith('/*') ? path.startsWith(pattern.slice(0, -1)) : pattern === path

/**
 * Routes of the tables by method and path. Middleware for all methods is not a route; what it
 * says (a sub-app's own body limit) goes to the routes it covers.
 */
export function routesOf(entries: readonly RouteEntry[]): DescribedRoute[] {
  const routes = new Map<string, DescribedRoute>()
  const shared = entries.filter((e) => !METHODS.has(e.method))
  for (const entry of entries) {
    if (!METHODS.has(entry.method)) continue
    const key = `${entry.method} ${entry.path}`
    let route = routes.get(key)
    if (!route) {
      const inherited = shared.filter((m) => covers(m.path, entry.path)).flatMap(partsOfEntry)
      route = { method: entry.method, path: entry.path, parts: [...inherited] }
      routes.set(key, route)
    }
    route.parts.push(...partsOfEntry(entry))
  }
  return [...routes.values()]
}

/** `/api/jobs/:id` -> `/api/jobs/{id}` (a param's own pattern, `:id{…}`, dropped). */
export const openApiPath = (path: string) => path.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}')

export async function buildDocument(entries: readonly RouteEntry[], options: BuildOptions) {
  const paths: Record<string, Record<string, Json>> = {}
  const usedTags = new Set<string>()
  const errorResponses: Record<string, Json> = {}
  for (const route of routesOf(entries)) {
    for (const { doc, path, fixed } of expand(route)) {
      const operation = await operationOf(
        {
          method: route.method,
          path,
          doc,
          fixed,
          body: route.parts.findLast((p) => p.body)?.body,
          query: route.parts.findLast((p) => p.query)?.query,
          bodyLimit: route.parts.findLast((p) => p.bodyLimit)?.bodyLimit,
        },
        { ...options, errorResponses }
      )
      const key = openApiPath(path)
      paths[key] ??= {}
      ;(paths[key] as Record<string, Json>)[route.method.toLowerCase()] = operation
      usedTags.add(doc.tag)
    }
  }
  const known = new Set(options.tags.map((t) => t.name))
  return {
    openapi: '3.1.0',
    info: {
      title: options.title,
      version: options.version,
      description: options.description,
      license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
    },
    servers: [{ url: '/', description: 'This server' }],
    security: [{ bearer: [] }, { apiKey: [] }],
    tags: [
      ...options.tags.filter((t) => usedTags.has(t.name)),
      ...[...usedTags]
        .filter((t) => !known.has(t))
        .map((name) => ({ name, description: `${name} operations.` })),
    ],
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: "One of the server's `API_KEYS` as `Authorization: Bearer <key>`.",
        },
        apiKey: {
          type: 'apiKey',
          in: 'header',
          name: 'X-Api-Key',
          description:
            'The same key as `X-Api-Key: <key>`, for callers whose `Authorization` header carries something else (a Cloud Run identity token).',
        },
      },
      schemas: { ErrorEnvelope: ERROR_ENVELOPE },
      responses: errorResponses,
      headers: RESPONSE_HEADERS,
      parameters: REQUEST_HEADERS,
    },
  }
}

export type OpenApiDocument = Awaited<ReturnType<typeof buildDocument>>

/** The operations of a route: one, or one per value of an expanded path parameter. */
function expand(route: DescribedRoute): { doc: RouteDoc; path: string; fixed?: string }[] {
  const each = route.parts.findLast((p) => p.each)?.each
  if (each) {
    return each.values.map((value) => ({
      doc: each.doc(value),
      path: route.path.replace(new RegExp(`:${each.param}(\\{[^}]*\\})?`), value),
      fixed: each.param,
    }))
  }
  const doc = route.parts.findLast((p) => p.doc)?.doc
  return doc ? [{ doc, path: route.path }] : []
}
