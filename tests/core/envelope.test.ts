import { describe, expect, test } from 'bun:test'
import { Hono } from 'hono'
import * as v from 'valibot'
import type { AppEnv } from '../../server/core/context'
import { onError, onNotFound } from '../../server/core/error-handler'
import { errors } from '../../server/core/errors'
import { createLogger } from '../../server/core/logger'
import { requestLog } from '../../server/core/request-log'
import { jsonBody } from '../../server/core/validate'
import { buildTestApp, postJson } from '../support/app'

type Envelope = { error: { code: string; message: string; details?: any }; requestId: string }

async function envelopeOf(res: Response, status: number, code: string): Promise<Envelope> {
  expect(res.status).toBe(status)
  expect(res.headers.get('Content-Type')).toStartWith('application/json')
  const body = (await res.json()) as Envelope
  expect(Object.keys(body).sort()).toEqual(['error', 'requestId'])
  expect(body.error.code).toBe(code)
  expect(body.error.message).toBeString()
  expect(body.requestId).toBe(res.headers.get('X-Request-Id') as string)
  return body
}

// A small app made of the real middleware, for failures no product route produces on demand.
const logLines: string[] = []
const log = createLogger({ format: 'json', write: (l) => logLines.push(l) })
const harness = new Hono<AppEnv>()
harness.onError(onError(log))
harness.notFound(onNotFound)
harness.use(requestLog({ log }))
harness.post(
  '/validate',
  jsonBody(
    v.object({
      url: v.pipe(v.string(), v.url()),
      count: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5)),
      mode: v.picklist(['fast', 'slow']),
      nested: v.object({ title: v.pipe(v.string(), v.minLength(1), v.maxLength(10)) }),
    })
  ),
  (c) => c.json(c.req.valid('json'))
)
harness.get('/boom', () => {
  throw new Error('db password is hunter2 at /srv/app/secret.ts:12')
})
harness.get('/teapot', () => {
  throw errors.upstream('upstream_error', 'The AI service failed (HTTP 500).')
})

describe('validation failures (400)', () => {
  test('list each field with a rule, never the submitted value', async () => {
    const res = await postJson(harness, '/validate', {
      url: 'marker not a url',
      count: 9.5,
      mode: 'warp-marker',
      nested: { title: 'this title is way too long-marker' },
    })
    const body = await envelopeOf(res, 400, 'invalid_input')
    const fields = body.error.details.issues.map((i: { field: string }) => i.field)
    expect(fields).toEqual(expect.arrayContaining(['url', 'count', 'mode', 'nested.title']))
    const text = JSON.stringify(body)
    expect(text).not.toContain('marker')
  })

  test('a missing field says it is required', async () => {
    const res = await postJson(harness, '/validate', {
      count: 1,
      mode: 'fast',
      nested: { title: 'x' },
    })
    const body = await envelopeOf(res, 400, 'invalid_input')
    expect(body.error.details.issues).toEqual([
      { field: 'url', message: 'Required', rule: { code: 'required', params: {} } },
    ])
  })

  test('each broken rule is coded, so the UI can word it in the user’s language', async () => {
    const res = await postJson(harness, '/validate', {
      url: 'not a url',
      count: 9,
      mode: 'warp',
      nested: { title: 'this title is way too long' },
    })
    const body = await envelopeOf(res, 400, 'invalid_input')
    const rules = Object.fromEntries(
      body.error.details.issues.map((i: { field: string; rule: unknown }) => [i.field, i.rule])
    )
    expect(rules).toEqual({
      url: { code: 'url', params: {} },
      count: { code: 'max_value', params: { max: '5' } },
      mode: { code: 'one_of', params: { options: 'fast, slow' } },
      'nested.title': { code: 'max_chars', params: { max: 10 } },
    })
  })

  test('valid input passes through to the handler', async () => {
    const input = { url: 'https://a.example', count: 2, mode: 'fast', nested: { title: 'ok' } }
    const res = await postJson(harness, '/validate', input)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual(input)
  })

  test('malformed JSON is 400 malformed_json', async () => {
    const res = await harness.request('/validate', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"url": ',
    })
    await envelopeOf(res, 400, 'malformed_json')
  })

  test('a body that is not JSON is 415', async () => {
    const res = await harness.request('/validate', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: 'url=x',
    })
    await envelopeOf(res, 415, 'unsupported_media_type')
    const none = await harness.request('/validate', { method: 'POST', body: '{}' })
    expect(none.status).toBe(415)
  })
})

describe('unexpected errors (500)', () => {
  test('answer a plain message; the details go only to the log', async () => {
    const res = await harness.request('/boom')
    const body = await envelopeOf(res, 500, 'internal')
    const text = JSON.stringify(body)
    expect(text).not.toContain('hunter2')
    expect(text).not.toContain('/srv/app')
    expect(logLines.some((l) => l.includes('hunter2') && l.includes('"severity":"ERROR"'))).toBe(
      true
    )
  })

  test('an AppError keeps its status and code', async () => {
    await envelopeOf(await harness.request('/teapot'), 502, 'upstream_error')
  })
})

describe('the product app', () => {
  const { app } = buildTestApp()

  test('404 for an unknown API route, as JSON', async () => {
    await envelopeOf(await app.request('/api/does-not-exist'), 404, 'not_found')
  })

  test('405 with Allow for a known API path and the wrong method', async () => {
    const res = await app.request('/api/capabilities', { method: 'DELETE' })
    await envelopeOf(res, 405, 'method_not_allowed')
    expect(res.headers.get('Allow')).toContain('GET')
  })

  test('413 for a body over 1 MB', async () => {
    const res = await postJson(app, '/api/seo/diagnosis', { url: 'x'.repeat(1_100_000) })
    const body = await envelopeOf(res, 413, 'payload_too_large')
    expect(body.error.details.maxBytes).toBe(1024 * 1024)
  })

  test('a caller request id is kept when it looks like one, replaced otherwise', async () => {
    const kept = await app.request('/api/nope', { headers: { 'X-Request-Id': 'req-12345678' } })
    expect(kept.headers.get('X-Request-Id')).toBe('req-12345678')
    const replaced = await app.request('/api/nope', { headers: { 'X-Request-Id': '<script>' } })
    expect(replaced.headers.get('X-Request-Id')).not.toBe('<script>')
  })

  test('/health is 200 {"status":"ok"}', async () => {
    const res = await app.request('/health')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: 'ok' })
  })

  test('capabilities list the backends and never a secret', async () => {
    const { app: configured } = buildTestApp({
      env: {
        GEMINI_API_KEY: 'super-secret-gemini-key',
        JINA_API_KEY: 'super-secret-jina',
        GCP_CSE_API_KEY: 'super-secret-cse',
        GCP_CSE_ID: 'cx-1',
        API_KEYS: 'super-secret-client-key',
      },
    })
    const res = await configured.request('/api/capabilities')
    const text = await res.text()
    expect(JSON.parse(text)).toEqual({
      ai: 'developer',
      storage: 'local',
      webSearch: true,
      imageSearch: true,
      imageSearchEndsOn: '2027-01-01',
      pageReader: 'jina',
      mediaGeneration: { imagen: false, veo: false, omni: true },
      image: expect.objectContaining({ upscale: expect.objectContaining({ method: 'rerender' }) }),
      video: expect.objectContaining({ defaultModel: 'video' }),
      models: expect.objectContaining({ list: { state: 'unread', readAt: null } }),
      authRequired: true,
      demo: false,
      aiHealth: { failing: false, circuits: [] },
    })
    expect(text).not.toContain('secret')
  })

  test('capabilities say demo answers (and the sample site) only when AIS_DEMO is set', async () => {
    const { app: demo } = buildTestApp({
      env: { AIS_DEMO: 'true', AIS_DEMO_SITE: 'http://northwind.test:4000' },
    })
    const body = await (await demo.request('/api/capabilities')).json()
    expect(body.demo).toBe(true)
    expect(body.demoSite).toBe('http://northwind.test:4000')
    const { app: plain } = buildTestApp({ env: { AIS_DEMO_SITE: 'http://northwind.test:4000' } })
    const normal = await (await plain.request('/api/capabilities')).json()
    expect(normal.demo).toBe(false)
    expect(normal.demoSite).toBeUndefined()
  })
})

describe('API keys (401) and rate limits (429)', () => {
  test('with API_KEYS set, /api needs a key; capabilities and health stay open', async () => {
    const { app } = buildTestApp({ env: { API_KEYS: 'client-key-1,client-key-2' } })
    const denied = await app.request('/api/seo/diagnosis', { method: 'POST' })
    await envelopeOf(denied, 401, 'unauthorized')
    expect(denied.headers.get('WWW-Authenticate')).toBe('Bearer')
    expect(
      (await app.request('/api/nope', { headers: { Authorization: 'Bearer wrong' } })).status
    ).toBe(401)
    expect(
      (await app.request('/api/nope', { headers: { Authorization: 'Bearer client-key-2' } })).status
    ).toBe(404)
    expect(
      (await app.request('/api/nope', { headers: { 'X-Api-Key': 'client-key-1' } })).status
    ).toBe(404)
    expect((await app.request('/api/capabilities')).status).toBe(200)
    expect((await app.request('/health')).status).toBe(200)
  })

  test('over the per-minute limit: 429 with Retry-After', async () => {
    const { app } = buildTestApp({ env: { RATE_LIMIT_PER_MINUTE: '3' } })
    for (let i = 0; i < 3; i++) expect((await app.request('/api/capabilities')).status).toBe(200)
    const res = await app.request('/api/capabilities')
    const body = await envelopeOf(res, 429, 'rate_limited')
    const retryAfter = Number(res.headers.get('Retry-After'))
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(60)
    expect(body.error.details.retryAfterSeconds).toBe(retryAfter)
  })
})

describe('CORS', () => {
  test('only configured origins get CORS headers', async () => {
    const { app } = buildTestApp({ env: { ALLOWED_ORIGINS: 'https://studio.example' } })
    const ok = await app.request('/api/capabilities', {
      headers: { Origin: 'https://studio.example' },
    })
    expect(ok.headers.get('Access-Control-Allow-Origin')).toBe('https://studio.example')
    const other = await app.request('/api/capabilities', {
      headers: { Origin: 'https://evil.example' },
    })
    expect(other.headers.get('Access-Control-Allow-Origin')).toBeNull()
  })

  test('with none configured, no CORS headers at all', async () => {
    const { app } = buildTestApp()
    const res = await app.request('/api/capabilities', {
      headers: { Origin: 'https://evil.example' },
    })
    expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull()
  })
})
