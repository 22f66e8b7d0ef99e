/**
 * @module openapi/operation
 * One operation of the document from a route's description: parameters (path, query, the
 * catalogue's headers), the request body, the answers (JSON, other media, Server-Sent Events),
 * the error answers the route's traits imply (shared as components), examples and code samples.
 */
import type { GenericSchema } from 'valibot'
import { ERROR_HEADERS, errorDescription, errorStatuses } from './errors'
import { API_RESPONSE_HEADERS, headerRef, parameterRef } from './headers'
import { type ConvertOptions, convert, type Json } from './json-schema'
import type { RouteDoc, SchemaRef } from './route-doc'
import { codeSamples } from './samples'

const paramNames = (path: string) => [...path.matchAll(/:(\w+)/g)].map((m) => m[1] as string)

const load = async (ref: SchemaRef): Promise<GenericSchema> =>
  typeof ref === 'function' ? await ref() : ref

export interface OperationInput {
  method: string
  /** The Hono path, a fixed parameter already filled in (`/api/library/seo-projects/:id`). */
  path: string
  doc: RouteDoc
  /** The parameter `describeEach` filled in, when it did. */
  fixed?: string
  /** The schemas the route's validators check, and its body limit. */
  body?: SchemaRef
  query?: SchemaRef
  bodyLimit?: number
}

export async function operationOf(
  input: OperationInput,
  options: ConvertOptions & { errorResponses: Record<string, Json> }
): Promise<Json> {
  const { doc, path, fixed, bodyLimit } = input
  const bodyRef = input.body ?? doc.body
  const queryRef = input.query ?? doc.query
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
    method: input.method,
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
