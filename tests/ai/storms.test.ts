/**
 * Gemini storms under 50 concurrent clients, through the real server over HTTP: every answer is
 * the error envelope with the documented status, retries stay bounded (the fake counts the
 * calls: no layer multiplies another's), the circuit breaker turns a storm into fast failures
 * instead of doomed calls, nothing is left unhandled, and the server recovers by itself when the
 * fake does. Bounded in time by short budgets and fault windows; counts and ratios only.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { createAiGateway } from '../../server/ai/gateway'
import { buildTestApp, testConfig } from '../support/app'
import { type Fault, startFakeGemini } from '../support/fake-gemini'
import { runStorm, type StormRequest, type StormResult } from '../support/storm'
import { log } from './support'

const gemini = await startFakeGemini()
const env = {
  GEMINI_INTERACTIVE_TIMEOUT_MS: '1000',
  GEMINI_TIMEOUT_MS: '1500',
  GEMINI_IDLE_TIMEOUT_MS: '1000',
}
const COOL_DOWN_MS = 600
const config = testConfig({ geminiUrl: gemini.url, env })
const ai = createAiGateway({
  ai: config.ai,
  log,
  retry: { minDelayMs: 5, maxDelayMs: 20, maxWaitMs: 3_000 },
  circuits: { coolDownMs: COOL_DOWN_MS },
})
const { app } = buildTestApp({ geminiUrl: gemini.url, env, deps: { ai } })
const server = Bun.serve({ port: 0, hostname: '127.0.0.1', fetch: app.fetch, idleTimeout: 0 })
const base = `http://127.0.0.1:${server.port}`

const unhandled: unknown[] = []
const onUnhandled = (reason: unknown) => unhandled.push(reason)
beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled)
  gemini.setHandler((r) => {
    if (r.action === 'streamGenerateContent') return { chunks: ['# Espresso\n\n', 'Fein mahlen.'] }
    if (r.body?.tools?.[0]?.functionDeclarations) {
      return { functionCall: { name: 'route_user_request', args: { intent: 'SEO', query: 'x' } } }
    }
    return { json: { outline: ['## Ausrüstung', '## Mahlgrad', '## Extraktion'] } }
  })
  // Loads the SDK and the steps first: on a busy machine that took the whole first storm's
  // window, leaving one wave of requests and no fast failures to count.
  for (const request of [intent, outline, article]) {
    const res = await fetch(base + request.path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request.body),
    })
    expect(res.status).toBe(200)
    await res.arrayBuffer()
  }
})
afterAll(() => {
  process.off('unhandledRejection', onUnhandled)
  server.stop(true)
  gemini.stop()
})

const brief = {
  mainKeyword: 'Espresso zu Hause',
  targetLanguage: 'German',
  targetRegion: 'Germany',
}
const profile = { globalInfo: { brand_name: 'Northwind' }, projects: [] }
const intent: StormRequest = {
  label: 'analyze-intent',
  path: '/api/seo/analyze-intent',
  body: { prompt: 'audit northwind.com' },
}
const outline: StormRequest = {
  label: 'generate-outline',
  path: '/api/seo/generate-outline',
  body: { researchSummary: 'notes', brief, profile },
}
const article: StormRequest = {
  label: 'write-article (SSE)',
  path: '/api/seo/write-article',
  body: { outline: ['## A'], brief, profile },
  stream: true,
}

/** Retries after the first attempt: interactive calls get one, steps the configured two. */
const attemptsPerRequest = (request: StormRequest) => (request === intent ? 2 : 3)

async function storm(fault: Fault, request: StormRequest): Promise<StormResult> {
  const result = await runStorm({ base, gemini, fault, request, faultMs: 1_500, minRequests: 250 })
  // Never a dropped connection or an answer outside the envelope.
  expect(result.dropped).toBe(0)
  expect(result.badEnvelopes).toBe(0)
  // Bounded: never more calls than one request's own retries allow, whatever the layers.
  expect(result.upstreamCalls).toBeLessThanOrEqual(result.requests * attemptsPerRequest(request))
  // The breaker: a storm costs far fewer upstream calls than it gets requests.
  expect(result.upstreamCalls).toBeLessThan(result.requests / 2)
  // Recovers by itself once the fake does.
  expect(result.recoveryMs).toBeDefined()
  expect(unhandled).toEqual([])
  expect((await fetch(`${base}/health`)).status).toBe(200)
  return result
}

/**
 * Only the `allowed` outcomes, besides 504 `upstream_timeout`: on a busy machine a call can
 * outlast its (short, test) budget whatever the fault, and that answer is documented too.
 */
const only = (result: StormResult, allowed: string[]) => {
  expect(Object.keys(result.outcomes).filter((k) => ![...allowed, '504'].includes(k))).toEqual([])
  if (result.outcomes['504']) expect(result.codes.upstream_timeout).toBe(result.outcomes['504'])
}

describe('Gemini storms at 50 connections', () => {
  test('429 with Retry-After on every call: 429s that pass the wait on', async () => {
    const result = await storm({ kind: 'rateLimited', retryAfter: 1 }, intent)
    only(result, ['429'])
    expect(result.missingRetryAfter).toBe(0)
    expect(result.codes.upstream_rate_limited).toBeGreaterThan(result.requests / 2)
  }, 20_000)

  test('503 bursts: 502s, then fast 503s while the circuit is open (retries included)', async () => {
    const result = await storm({ kind: 'unavailable' }, outline)
    only(result, ['502', '503'])
    expect(result.codes.upstream_unavailable).toBeGreaterThan(0)
  }, 20_000)

  test('calls that hang past the deadline: 504, then fast 503s', async () => {
    const result = await storm({ kind: 'hang' }, intent)
    only(result, ['504', '503'])
    expect(result.outcomes['504']).toBeGreaterThan(0)
  }, 20_000)

  test('streams cut mid-answer: an error event, never a stream passed off as complete', async () => {
    const result = await storm({ kind: 'cutStream', frames: 2 }, article)
    only(result, ['sse:upstream_unreachable', 'sse:upstream_invalid', '503'])
    expect(result.outcomes['sse:cut'] ?? 0).toBe(0)
  }, 20_000)

  test('malformed JSON in a 200: 502 upstream_invalid, then fast 503s', async () => {
    const result = await storm({ kind: 'malformed' }, intent)
    only(result, ['502', '503'])
    expect(result.codes.upstream_invalid).toBeGreaterThan(0)
  }, 20_000)
})
