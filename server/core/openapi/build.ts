/**
 * @module openapi/build
 * Builds the OpenAPI 3.1 document from Hono route tables: every route whose handlers carry a
 * description (`route-doc.ts`) becomes an operation, with the schemas its validators use. Run
 * once, on the first request for the document (it loads every feature's schemas).
 */
import { COMPOSED_HANDLER } from 'hono/utils/constants'
import type { GenericSchema } from 'valibot'
import { ERROR_ENVELOPE, ERROR_HEADERS, errorDescription, errorStatuses } from './errors'
import {
  API_RESPONSE_HEADERS,
  headerRef,
  parameterRef,
  REQUEST_HEADERS,
  RESPONSE_HEADERS,
} from './headers'
import { type ConvertOptions, convert, type Json } from './json-schema'
import { type DocPart, partsOf, type RouteDoc, type SchemaRef } from './route-doc'
import { codeSamples } from './samples'

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
const paramNames = (path: string) => [...path.matchAll(/:(\w+)/g)].map((m) => m[1] as string)

const load = async (ref: SchemaRef): Promise<GenericSchema> =>
  typeof ref === 'function' ? await ref() : ref

export async function buildDocument(entries: readonly RouteEntry[], options: BuildOptions) {
  const paths: Record<string, Record<string, Json>> = {}
  const usedTags = new Set<string>()
  const errorResponses: Record<string, Json> = {}
  for (const route of routesOf(entries)) {
    for (const { doc, path, fixed } of expand(route)) {
      const operation = await operationOf(route, doc, path, fixed, { ...options, errorResponses })
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

async function operationOf(
  route: DescribedRoute,
  doc: RouteDoc,
  path: string,
  fixed: string | undefined,
  options: ConvertOptions & { errorResponses: Record<string, Json> }
): Promise<Json> {
  const bodyRef = route.parts.findLast((p) => p.body)?.body ?? doc.body
  const queryRef = route.parts.findLast((p) => p.query)?.query ?? doc.query
  const bodyLimit = route.parts.findLast((p) => p.bodyLimit)?.bodyLimit
  const secured = path.startsWith('/api/') && !doc.public
  const params = paramNames(path)
  const first = doc.examples[0]

  const parameters: Json[] = []
  for (const name of params) {
    const ref = doc.params?.[name]
    const schema = ref ? convert(await load(ref), 'request') : { type: 'string' }
    const example = doc.examples.find((e) => e.params?.[name])?.params?.[name]
    parameters.push({ name, in: 'path', required: true, schema, ...(example ? { example } : {}) })
  }
  if (queryRef) {
    const query = convert(await load(queryRef), 'request')
    const required = new Set((query.required as string[] | undefined) ?? [])
    for (const [name, schema] of Object.entries((query.properties ?? {}) as Record<string, Json>)) {
      const example = doc.examples.find((e) => e.query?.[name])?.query?.[name]
      parameters.push({
        name,
        in: 'query',
        required: required.has(name),
        schema,
        ...(example ? { example } : {}),
      })
    }
  }
  for (const header of doc.requestHeaders ?? []) parameters.push(parameterRef(header))
  // A step that answers JSON or, when asked, a stream.
  if (doc.events && doc.responses[200]?.schema) parameters.push(acceptHeader())

  const operation: Json = {
    operationId: doc.operationId,
    summary: doc.summary,
    ...(describeOperation(doc, bodyLimit)
      ? { description: describeOperation(doc, bodyLimit) }
      : {}),
    tags: [doc.tag],
    ...(doc.public ? { security: [] } : {}),
    ...(parameters.length ? { parameters } : {}),
  }
  if (bodyRef) {
    const examples = Object.fromEntries(
      doc.examples
        .filter((e) => e.body !== undefined)
        .map((e, i) => [`example${i + 1}`, { summary: e.summary, value: e.body }])
    )
    operation.requestBody = {
      required: true,
      content: {
        'application/json': { schema: convert(await load(bodyRef), 'request'), examples },
      },
    }
  } else if (doc.rawBody) {
    operation.requestBody = {
      required: true,
      description: doc.rawBody.description,
      content: { [doc.rawBody.contentType]: { schema: { type: 'string', format: 'binary' } } },
    }
  }
  const apiHeaders = path.startsWith('/api/') ? API_RESPONSE_HEADERS : []
  const responses: Json = {}
  for (const [status, answer] of Object.entries(doc.responses)) {
    const headers = Object.fromEntries(
      [...(answer.headers ?? []), ...apiHeaders].map((h) => [h, headerRef(h)])
    )
    const content: Json = {}
    if (answer.schema)
      content['application/json'] = {
        schema: convert(await load(answer.schema), 'response', options),
      }
    if (answer.contentType)
      content[answer.contentType] = { schema: { type: 'string', format: 'binary' } }
    if (doc.events && status === '200')
      content['text/event-stream'] = { schema: await eventsSchema(doc, options) }
    responses[status] = {
      description: answer.description,
      ...(Object.keys(headers).length ? { headers } : {}),
      ...(Object.keys(content).length ? { content } : {}),
    }
  }
  const traits = {
    api: path.startsWith('/api/'),
    secured,
    hasBody: Boolean(bodyRef || doc.rawBody),
    jsonBody: Boolean(bodyRef),
    hasParams: params.some((p) => p !== fixed),
    hasQuery: Boolean(queryRef),
  }
  // Error answers are shared: one component per status, codes and kind of path.
  for (const [status, codes] of errorStatuses(doc, traits)) {
    const name = [`Error${status}`, ...codes, ...(traits.api ? [] : ['media'])].join('-')
    const headers = [...(ERROR_HEADERS[status] ?? []), ...apiHeaders]
    options.errorResponses[name] ??= {
      description: errorDescription(status, codes),
      headers: Object.fromEntries([...new Set(headers)].map((h) => [h, headerRef(h)])),
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorEnvelope' } } },
    }
    responses[String(status)] = { $ref: `#/components/responses/${name}` }
  }
  operation.responses = responses
  // Every example as a request with the status it gets (tests/openapi runs each of them).
  operation['x-examples'] = doc.examples
  operation['x-codeSamples'] = codeSamples({
    method: route.method,
    path,
    example: first,
    secured,
    rawContentType: doc.rawBody?.contentType,
  })
  return operation
}

function describeOperation(doc: RouteDoc, bodyLimit: number | undefined): string | undefined {
  const limit = bodyLimit
    ? `The body may be at most ${(bodyLimit / 1024 / 1024).toFixed(bodyLimit % (1024 * 1024) ? 1 : 0)} MB (else 413).`
    : ''
  const text = [doc.description, limit].filter(Boolean).join('\n\n')
  return text || undefined
}

const acceptHeader = (): Json => ({
  name: 'Accept',
  in: 'header',
  description: '`text/event-stream` for Server-Sent Events instead of one JSON answer.',
  schema: { type: 'string', enum: ['application/json', 'text/event-stream'] },
})

/** A stream's frames: `event: <name>`, `id: <n>`, `data: <JSON>`, one schema per event name. */
async function eventsSchema(doc: RouteDoc, options: ConvertOptions): Promise<Json> {
  const frames: Json[] = []
  for (const [name, event] of Object.entries(doc.events ?? {})) {
    frames.push({
      title: name,
      description: event.description,
      type: 'object',
      properties: {
        event: { const: name },
        id: { type: 'string' },
        data: convert(await load(event.schema), 'response', options),
      },
      required: ['event', 'data'],
    })
  }
  return {
    description:
      'Server-Sent Events: each frame is `event: <name>`, `id: <n>` and one `data:` line of JSON, as below.',
    oneOf: frames,
  }
}
