/**
 * @module openapi/route-doc
 * How a route describes itself for `/api/openapi.json`: the description rides on the handlers of
 * Hono's route table, so the document is read from the same table that serves requests. A route
 * adds `describe({...})` beside its handler (step routes pass the same fields to `step()`); the
 * validators add the schemas they validate with (`jsonBody`, `queryParams`), `limitBody` its
 * limit. `openapi/build.ts` walks the table and merges the parts of each route.
 *
 * Nothing here runs per request or loads a schema: schemas are given as loaders, called when the
 * document is first built.
 *
 * @example
 * .get('/jobs/:id', describe({ operationId: 'getVideoJob', summary: 'A video job', tag: 'Video',
 *   responses: { 200: { description: 'The job', schema: () => jobSchemas().VideoJob } },
 *   examples: [{ params: { id: 'vj_…' }, status: 404 }] }), handler)
 */
import type { MiddlewareHandler } from 'hono'
import type { GenericSchema } from 'valibot'

/** A schema, or a loader for one in a module loaded on first use. */
export type SchemaRef = GenericSchema | (() => GenericSchema | Promise<GenericSchema>)

/** Named headers of the document's catalogue (`openapi/headers.ts`). */
export type ResponseHeader =
  | 'ETag'
  | 'Location'
  | 'Idempotent-Replayed'
  | 'Content-Range'
  | 'Accept-Ranges'
  | 'Content-Disposition'
  | 'Last-Modified'
export type RequestHeader =
  | 'If-Match'
  | 'If-None-Match'
  | 'Idempotency-Key'
  | 'Last-Event-ID'
  | 'Range'
  | 'If-Range'

export interface ResponseDoc {
  description: string
  /** The JSON body. */
  schema?: SchemaRef
  /** A body that is not JSON (an image, an attachment): its media type, described as bytes. */
  contentType?: string
  headers?: readonly ResponseHeader[]
}

/** One Server-Sent Event: `event: <name>` with JSON `data`. */
export interface EventDoc {
  description: string
  schema: SchemaRef
}

export interface ExampleDoc {
  /** What the example shows (its title in the reference). */
  summary: string
  body?: unknown
  /** Path parameters by name. */
  params?: Record<string, string>
  query?: Record<string, string>
  headers?: Record<string, string>
  /** The status this example gets from a fresh server (tests/openapi runs every example). */
  status: number
}

export interface RouteDoc {
  operationId: string
  summary: string
  /** Markdown. */
  description?: string
  /** The studio: Brand, SEO, Image, Video, Saved work, Media, System. */
  tag: string
  /** Open without an API key. */
  public?: boolean
  /** The JSON body, when no validator on the route names it. */
  body?: SchemaRef
  /** A body that is not JSON (e.g. an uploaded image). */
  rawBody?: { contentType: string; description: string }
  query?: SchemaRef
  /** Path parameters (default: a string). */
  params?: Record<string, SchemaRef>
  requestHeaders?: readonly RequestHeader[]
  /** Success (and 304) answers by status. */
  responses: Record<number, ResponseDoc>
  /** Server-Sent Events answered for `Accept: text/event-stream`, by event name. */
  events?: Record<string, EventDoc>
  /** Error answers besides those every route has, with the codes each may carry. */
  errors?: Record<number, readonly string[]>
  /** Calls a model or another service: 502, 503 and 504 are documented. */
  upstream?: boolean
  /** Its model calls count against the workspace's budget: 402 `budget_exceeded` is documented. */
  metered?: boolean
  examples: readonly [ExampleDoc, ...ExampleDoc[]]
}

/** Parts of a route's description that its handlers carry; merged in table order. */
export interface DocPart {
  doc?: RouteDoc
  /** The same route for each value of a path parameter (one operation per value). */
  each?: { param: string; values: readonly string[]; doc: (value: string) => RouteDoc }
  body?: SchemaRef
  query?: SchemaRef
  bodyLimit?: number
}

const DOC_PART = Symbol.for('ais.openapi.part')

type Annotated = { [DOC_PART]?: DocPart[] }

/** Adds `part` to what `handler` says about its route; returns the handler itself. */
export function annotate<H extends object>(handler: H, part: DocPart): H {
  const target = handler as H & Annotated
  target[DOC_PART] = [...(target[DOC_PART] ?? []), part]
  return handler
}

/** What a handler of the route table says about its route. */
export const partsOf = (handler: unknown): readonly DocPart[] =>
  (typeof handler === 'function' && (handler as Annotated)[DOC_PART]) || []

const passThrough = (): MiddlewareHandler => (_c, next) => next()

/** A route's description, as a middleware placed before its handler (it only calls `next`). */
export const describe = (doc: RouteDoc): MiddlewareHandler => annotate(passThrough(), { doc })

/** One operation per value of the path parameter `param` (e.g. each kind of saved work). */
export const describeEach = <V extends string>(
  param: string,
  values: readonly V[],
  doc: (value: V) => RouteDoc
): MiddlewareHandler =>
  annotate(passThrough(), { each: { param, values, doc: doc as (value: string) => RouteDoc } })
