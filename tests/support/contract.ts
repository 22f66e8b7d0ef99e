/**
 * The API contract in the tests: every answer the in-process app gives (`app.request`,
 * `app.fetch`) is checked against `/api/openapi.json` — the operation must exist, the status
 * must be documented, a JSON body must match the documented schema and each Server-Sent Event
 * its event's schema. Objects are checked closed (a field the document does not name fails),
 * loose objects (capabilities) excepted. `buildTestApp` hooks it in for every test; a test that
 * sends what no client would (`{ contract: false }`) opts out.
 */
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import { createApi, routeTable } from '../../server/api'
import type { Config } from '../../server/config'
import { createLogger } from '../../server/core/logger'
import { createDeps } from '../../server/deps'
import { apiDocument } from '../../server/features/docs/document'

type Json = Record<string, unknown>
type Doc = Awaited<ReturnType<typeof apiDocument>>

export class ContractError extends Error {
  override name = 'ContractError'
}

let built: Promise<Doc> | undefined

/** The document with closed response objects, built once per test process. */
export function contractDocument(config: Config): Promise<Doc> {
  built ??= (async () => {
    const deps = createDeps(config, { log: createLogger({ level: 'error', write: () => {} }) })
    return apiDocument(routeTable(createApi(deps), deps), { closed: true })
  })()
  return built
}

interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: Json }> }>
}

const ajv = new Ajv2020({ strict: false, allErrors: true })
addFormats(ajv)
const compiled = new Map<string, ValidateFunction>()

function deref(value: unknown, doc: Doc): unknown {
  if (Array.isArray(value)) return value.map((v) => deref(v, doc))
  if (!value || typeof value !== 'object') return value
  const ref = (value as Json).$ref
  if (typeof ref === 'string' && ref.startsWith('#/components/schemas/')) {
    const name = ref.slice('#/components/schemas/'.length)
    return deref((doc.components.schemas as Json)[name], doc)
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deref(v, doc)]))
}

function validator(key: string, schema: Json, doc: Doc): ValidateFunction {
  let fn = compiled.get(key)
  if (!fn) {
    fn = ajv.compile(deref(schema, doc) as Json)
    compiled.set(key, fn)
  }
  return fn
}

const patterns = new WeakMap<Doc, { path: string; regex: RegExp; literal: number }[]>()

/** The document path a request path falls under (literal segments win over parameters). */
function documentPath(doc: Doc, path: string): string | undefined {
  let list = patterns.get(doc)
  if (!list) {
    list = Object.keys(doc.paths).map((p) => ({
      path: p,
      regex: new RegExp(
        `^${p.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+')}$`
      ),
      literal: p.split('/').filter((s) => s && !s.startsWith('{')).length,
    }))
    list.sort((a, b) => b.literal - a.literal)
    patterns.set(doc, list)
  }
  return list.find((p) => p.regex.test(path))?.path
}

const describeErrors = (fn: ValidateFunction) =>
  (fn.errors ?? [])
    .slice(0, 5)
    .map(
      (e) =>
        `${e.instancePath || '(root)'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`
    )
    .join('; ')

/** Checks `response` to `request` against the document; answers it unchanged (SSE: checked as read). */
export async function checkAnswer(
  doc: Doc,
  request: Request,
  response: Response
): Promise<Response> {
  const url = new URL(request.url)
  if (!url.pathname.startsWith('/api/') && !url.pathname.startsWith('/media/')) return response
  const where = `${request.method} ${url.pathname} -> ${response.status}`
  const path = documentPath(doc, url.pathname)
  const method = request.method === 'HEAD' ? 'get' : request.method.toLowerCase()
  const operation = path
    ? (doc.paths as unknown as Record<string, Record<string, Operation>>)[path]?.[method]
    : undefined
  const type = (response.headers.get('Content-Type') ?? '').split(';')[0]?.trim() ?? ''
  if (!operation) {
    // No such route: only the generic answers (key, not found, method, CORS preflight).
    if ([401, 404, 405].includes(response.status) || request.method === 'OPTIONS') {
      if (type === 'application/json')
        await checkJson(
          doc,
          `envelope`,
          { $ref: '#/components/schemas/ErrorEnvelope' },
          response,
          where
        )
      return response
    }
    throw new ContractError(`${where}: no operation in the API document`)
  }
  const listed = operation.responses[String(response.status)] as Json | undefined
  // Error answers are shared components.
  const ref = typeof listed?.$ref === 'string' ? listed.$ref.split('/').pop() : undefined
  const shared = doc.components.responses as Record<string, Operation['responses'][string]>
  const answer =
    ref === undefined ? (listed as Operation['responses'][string] | undefined) : shared[ref]
  if (!answer)
    throw new ContractError(
      `${where}: status not documented (${Object.keys(operation.responses).join(', ')})`
    )
  if (request.method === 'HEAD' || response.status === 204 || response.status === 304)
    return response
  const content = answer.content ?? {}
  if (type === 'text/event-stream') {
    const events = content['text/event-stream']?.schema
    if (!events) throw new ContractError(`${where}: an event stream is not documented`)
    return checkEvents(doc, `${path} ${method} ${response.status}`, events, response, where)
  }
  if (
    !(type in content) &&
    !Object.keys(content).some((t) => t.endsWith('/*') || t === 'application/octet-stream')
  ) {
    throw new ContractError(
      `${where}: Content-Type ${type || '(none)'} not documented (${Object.keys(content).join(', ')})`
    )
  }
  const schema = content[type]?.schema
  if (type === 'application/json' && schema && !('format' in schema)) {
    await checkJson(doc, `${path} ${method} ${response.status}`, schema, response, where)
  }
  return response
}

async function checkJson(doc: Doc, key: string, schema: Json, response: Response, where: string) {
  const text = await response.clone().text()
  const fn = validator(key, schema, doc)
  if (!fn(JSON.parse(text)))
    throw new ContractError(`${where}: body does not match the document: ${describeErrors(fn)}`)
}

/** Passes the stream through, failing it at the first frame the document does not describe. */
function checkEvents(
  doc: Doc,
  key: string,
  schema: Json,
  response: Response,
  where: string
): Response {
  const frames = new Map<string, ValidateFunction>()
  for (const [i, frame] of ((schema.oneOf as Json[]) ?? []).entries()) {
    const props = frame.properties as Record<string, Json>
    frames.set(String(props.event?.const), validator(`${key} event ${i}`, props.data ?? {}, doc))
  }
  if (!response.body) return response
  let buffer = ''
  const decoder = new TextDecoder()
  const check = (block: string, controller: TransformStreamDefaultController<Uint8Array>) => {
    const lines = block.split('\n')
    const event =
      lines
        .find((l) => l.startsWith('event:'))
        ?.slice(6)
        .trim() ?? 'message'
    const data = lines
      .filter((l) => l.startsWith('data:'))
      .map((l) => l.slice(5).replace(/^ /, ''))
      .join('\n')
    if (!data && lines.every((l) => l.startsWith(':') || l === '')) return
    const fn = frames.get(event)
    if (!fn) return controller.error(new ContractError(`${where}: event "${event}" not documented`))
    if (!fn(JSON.parse(data)))
      controller.error(
        new ContractError(`${where}: event "${event}" does not match: ${describeErrors(fn)}`)
      )
  }
  const checked = response.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        controller.enqueue(chunk)
        buffer += decoder.decode(chunk, { stream: true })
        let end = buffer.indexOf('\n\n')
        while (end >= 0) {
          check(buffer.slice(0, end), controller)
          buffer = buffer.slice(end + 2)
          end = buffer.indexOf('\n\n')
        }
      },
    })
  )
  return new Response(checked, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  })
}

type Fetcher = {
  request: (...args: never[]) => Response | Promise<Response>
  fetch: (...args: never[]) => Response | Promise<Response>
}

/** `app` whose `request` and `fetch` answers are checked against the document. */
export function withContract<A extends Fetcher>(app: A, config: Config): A {
  // Built from now on, so the first request does not wait for every feature's schemas to load;
  // a failure is reported by the requests that await it.
  contractDocument(config).catch(() => {})
  // Method and URL only: the body stays the app's to read.
  const requestOf = (input: unknown, init?: RequestInit): Request =>
    input instanceof Request
      ? new Request(input.url, { method: input.method })
      : new Request(new URL(String(input), 'http://localhost'), { method: init?.method ?? 'GET' })
  return new Proxy(app, {
    get(target, prop, receiver) {
      if (prop === 'request') {
        return async (input: RequestInfo | URL, init?: RequestInit, ...rest: unknown[]) => {
          const request = requestOf(input, init)
          const response = await (target.request as (...a: unknown[]) => Promise<Response>)(
            input,
            init,
            ...rest
          )
          return checkAnswer(await contractDocument(config), request, response)
        }
      }
      if (prop === 'fetch') {
        return async (request: Request, ...rest: unknown[]) => {
          const response = await (target.fetch as (...a: unknown[]) => Promise<Response>)(
            request,
            ...rest
          )
          return checkAnswer(await contractDocument(config), request, response)
        }
      }
      return Reflect.get(target, prop, receiver)
    },
  })
}
