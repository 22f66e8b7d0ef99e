/**
 * The circuit breaker per backend and model: what opens it (outages, not refusals of our
 * request), what an open circuit answers, the probe after the cool-down, one log line per opening,
 * and its state in `/api/capabilities`. The classification is tested through the real gateway
 * and SDK against the fake Gemini; the timing with a clock of our own.
 */
import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import { circuitBreaker } from '../../server/ai/circuit-breaker'
import { createAiGateway } from '../../server/ai/gateway'
import type { AppError } from '../../server/core/errors'
import { createLogger } from '../../server/core/logger'
import { buildTestApp, testConfig } from '../support/app'
import { startFakeGemini } from '../support/fake-gemini'
import { failure } from './support'

const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
beforeEach(() => gemini.reset())

function clocked(options: { coolDownMs?: number } = {}) {
  let t = 1_000_000
  const lines: string[] = []
  const log = createLogger({ write: (l) => lines.push(l) })
  const breaker = circuitBreaker({ now: () => t, log, coolDownMs: 5_000, ...options })
  return { breaker, lines, advance: (ms: number) => (t += ms) }
}

const refusal = (run: () => void): AppError => {
  try {
    run()
  } catch (error) {
    return error as AppError
  }
  throw new Error('expected a refusal')
}

describe('the breaker', () => {
  test('opens after five outages in a row, fails fast with 503 and Retry-After, logs once', () => {
    const { breaker, lines } = clocked()
    for (let i = 0; i < 20; i++) breaker.failed('developer', 'm', { code: 'upstream_error' })
    const error = refusal(() => breaker.admit('developer', 'm'))
    expect([error.status, error.code, error.headers['Retry-After']]).toEqual([
      503,
      'upstream_unavailable',
      '5',
    ])
    expect(lines.filter((l) => l.includes('opened'))).toHaveLength(1)
    expect(breaker.status()).toEqual([
      expect.objectContaining({ model: 'm', state: 'open', reason: 'upstream_error' }),
    ])
  })

  test('a success in between starts the count again', () => {
    const { breaker } = clocked()
    for (let i = 0; i < 4; i++) breaker.failed('developer', 'm', { code: 'upstream_error' })
    breaker.succeeded('developer', 'm')
    for (let i = 0; i < 4; i++) breaker.failed('developer', 'm', { code: 'upstream_error' })
    expect(() => breaker.admit('developer', 'm')).not.toThrow()
  })

  test("opened by the quota, it answers 429 for the service's wait when that is longer", () => {
    const { breaker } = clocked()
    for (let i = 0; i < 5; i++) {
      breaker.failed('developer', 'm', { code: 'upstream_rate_limited', retryAfterSeconds: 10 })
    }
    const error = refusal(() => breaker.admit('developer', 'm'))
    expect([error.status, error.code, error.headers['Retry-After']]).toEqual([
      429,
      'upstream_rate_limited',
      '10',
    ])
  })

  test('after the cool-down one probe goes through; its success closes the circuit', () => {
    const { breaker, lines, advance } = clocked()
    for (let i = 0; i < 5; i++) breaker.failed('developer', 'm', { code: 'upstream_timeout' })
    advance(5_000)
    expect(breaker.status()[0]?.state).toBe('half-open')
    breaker.admit('developer', 'm')
    expect(() => breaker.admit('developer', 'm')).toThrow()
    breaker.succeeded('developer', 'm')
    expect(breaker.status()).toEqual([])
    expect(() => breaker.admit('developer', 'm')).not.toThrow()
    expect(lines.filter((l) => l.includes('closed'))).toHaveLength(1)
  })

  test('a failed probe opens it for another cool-down; late failures of older calls do not', () => {
    const { breaker, advance } = clocked()
    for (let i = 0; i < 5; i++) breaker.failed('developer', 'm', { code: 'upstream_error' })
    advance(5_000)
    breaker.failed('developer', 'm', { code: 'upstream_error' })
    expect(breaker.status()[0]?.state).toBe('half-open')
    breaker.admit('developer', 'm')
    breaker.failed('developer', 'm', { code: 'upstream_error' })
    expect(breaker.status()[0]).toMatchObject({ state: 'open', retryAfterSeconds: 5 })
  })

  test('circuits are per backend and model', () => {
    const { breaker } = clocked()
    for (let i = 0; i < 5; i++) breaker.failed('developer', 'a', { code: 'upstream_error' })
    expect(() => breaker.admit('developer', 'b')).not.toThrow()
    expect(() => breaker.admit('vertex', 'a')).not.toThrow()
    expect(() => breaker.admit('developer', 'a')).toThrow()
  })
})

describe('what counts, through the gateway and the SDK', () => {
  const gateway = () =>
    createAiGateway({
      ai: testConfig({ gemini }).ai,
      log: createLogger({ write: () => {} }),
      retry: { retries: 0, minDelayMs: 5, maxDelayMs: 20 },
    })

  test('400s from a bad request never open it: every call still reaches the service', async () => {
    const ai = gateway()
    gemini.setHandler(() => ({ status: 400, message: 'bad input' }))
    for (let i = 0; i < 8; i++) expect((await failure(ai.text({ prompt: 'x' }))).status).toBe(502)
    expect(gemini.calls()).toHaveLength(8)
    expect(ai.circuits()).toEqual([])
  })

  test('an answer that fails our schema is not an outage', async () => {
    const ai = gateway()
    gemini.setHandler(() => ({ noCandidates: true }))
    for (let i = 0; i < 6; i++) await failure(ai.text({ prompt: 'x' }))
    expect(ai.circuits()).toEqual([])
  })

  test('a cancelled call is not an outage', async () => {
    const ai = gateway()
    gemini.setHandler(() => ({ hang: true }))
    for (let i = 0; i < 6; i++) {
      const controller = new AbortController()
      const call = ai.text({ prompt: 'x', signal: controller.signal })
      setTimeout(() => controller.abort(), 20)
      await failure(call)
    }
    expect(ai.circuits()).toEqual([])
  })

  test('five 503s open it: the sixth call is not sent', async () => {
    const ai = gateway()
    gemini.setHandler(() => ({ status: 503 }))
    for (let i = 0; i < 5; i++) expect((await failure(ai.text({ prompt: 'x' }))).status).toBe(502)
    const fast = await failure(ai.text({ prompt: 'x' }))
    expect([fast.status, fast.code]).toEqual([503, 'upstream_unavailable'])
    expect(gemini.calls()).toHaveLength(5)
    // Another role's model has its own circuit.
    gemini.setHandler(() => ({ text: 'fine' }))
    expect((await ai.text({ prompt: 'x', model: 'fast' })).text).toBe('fine')
  })
})

test('an open circuit shows in /api/capabilities, and then closes by itself', async () => {
  const { app } = buildTestApp({
    gemini,
    env: { GEMINI_MAX_RETRIES: '0' },
    circuits: { coolDownMs: 200 },
  })
  const intent = () =>
    app.request('/api/seo/analyze-intent', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ prompt: 'audit northwind.com' }),
    })
  gemini.setHandler(() => ({ status: 500 }))
  for (let i = 0; i < 6; i++) await intent()
  const open = await (await app.request('/api/capabilities')).json()
  expect(open.aiHealth).toMatchObject({
    failing: true,
    circuits: [{ backend: 'developer', state: 'open', reason: 'upstream_error' }],
  })
  gemini.setHandler(() => ({
    functionCall: { name: 'route_user_request', args: { intent: 'SEO', query: 'audit' } },
  }))
  await Bun.sleep(250)
  expect((await intent()).status).toBe(200)
  const closed = await (await app.request('/api/capabilities')).json()
  expect(closed.aiHealth).toEqual({ failing: false, circuits: [] })
})
