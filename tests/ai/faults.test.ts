import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import { createAiGateway } from '../../server/ai/gateway'
import { testConfig } from '../support/app'
import { startFakeGemini } from '../support/fake-gemini'
import { collect, failure, gatewayFor, log } from './support'

const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
beforeEach(() => gemini.reset())
const gateway = (env: Record<string, string> = {}) => gatewayFor(gemini, env)

describe('retries', () => {
  test('429 is retried, honouring Retry-After, then succeeds', async () => {
    gemini.enqueue({ status: 429, retryAfter: 1 }, { text: 'ok' })
    const started = Date.now()
    expect((await gateway().text({ prompt: 'x' })).text).toBe('ok')
    expect(Date.now() - started).toBeGreaterThanOrEqual(950)
    expect(gemini.calls()).toHaveLength(2)
  })

  test('429 that persists maps to 429 with Retry-After from RetryInfo', async () => {
    gemini.enqueue(
      { status: 429, retryDelay: '0.01s' },
      { status: 429, retryDelay: '0.01s' },
      { status: 429, retryDelay: '7s' }
    )
    const error = await failure(gateway().text({ prompt: 'x' }))
    expect(error.status).toBe(429)
    expect(error.headers['Retry-After']).toBe('7')
    expect(gemini.calls()).toHaveLength(3)
  })

  test('with no retries left, Retry-After is passed on without waiting', async () => {
    gemini.enqueue({ status: 429, retryAfter: 2 })
    const started = Date.now()
    const error = await failure(gateway({ GEMINI_MAX_RETRIES: '0' }).text({ prompt: 'x' }))
    expect(error.headers['Retry-After']).toBe('2')
    expect(Date.now() - started).toBeLessThan(1_000)
  })

  test('a long Retry-After is not waited for', async () => {
    gemini.enqueue({ status: 429, retryAfter: 120 })
    const error = await failure(gateway().text({ prompt: 'x' }))
    expect(error.headers['Retry-After']).toBe('120')
    expect(gemini.calls()).toHaveLength(1)
  })

  for (const status of [500, 502, 503]) {
    test(`${status} is retried (bounded) and then a 502`, async () => {
      gemini.enqueue({ status }, { status }, { status })
      const error = await failure(gateway().text({ prompt: 'x' }))
      expect([error.status, error.code]).toEqual([502, 'upstream_error'])
      expect(gemini.calls()).toHaveLength(3)
    })
  }

  test('a transient 503 followed by success succeeds', async () => {
    gemini.enqueue({ status: 503 }, { text: 'recovered' })
    expect((await gateway().text({ prompt: 'x' })).text).toBe('recovered')
  })

  test('400 is not retried and maps to 502 without upstream text', async () => {
    gemini.enqueue({ status: 400, message: 'secret internal detail' })
    const error = await failure(gateway().text({ prompt: 'x' }))
    expect([error.status, error.code]).toEqual([502, 'upstream_rejected'])
    expect(error.message).not.toContain('secret internal detail')
    expect(gemini.calls()).toHaveLength(1)
  })

  test('403 maps to an auth failure', async () => {
    gemini.enqueue({ status: 403 })
    expect((await failure(gateway().text({ prompt: 'x' }))).code).toBe('upstream_auth')
  })
})

describe('deadlines that fit the work', () => {
  test('an interactive call gets one retry at most', async () => {
    gemini.setHandler(() => ({ status: 503 }))
    const error = await failure(
      gateway().callFunction({ prompt: 'x', functions: [], deadline: 'interactive' })
    )
    expect(error.status).toBe(502)
    expect(gemini.calls()).toHaveLength(2)
  })

  test('an interactive call that hangs is a 504 within its budget', async () => {
    gemini.setHandler(() => ({ hang: true }))
    const started = Date.now()
    const error = await failure(
      gateway({ GEMINI_INTERACTIVE_TIMEOUT_MS: '1000' }).text({
        prompt: 'x',
        deadline: 'interactive',
      })
    )
    expect([error.status, error.code]).toEqual([504, 'upstream_timeout'])
    expect(Date.now() - started).toBeLessThan(1_800)
  })

  test('a step budget covers its retries: slow failures do not add up past it', async () => {
    gemini.setHandler(() => ({ status: 503, delayMs: 400 }))
    const started = Date.now()
    const error = await failure(gateway({ GEMINI_TIMEOUT_MS: '1000' }).text({ prompt: 'x' }))
    expect(error.status).toBeGreaterThanOrEqual(502)
    expect(Date.now() - started).toBeLessThan(1_600)
  })

  test('a Retry-After longer than the budget left is not waited for', async () => {
    gemini.enqueue({ status: 429, retryAfter: 5 })
    const started = Date.now()
    const error = await failure(gateway({ GEMINI_TIMEOUT_MS: '2000' }).text({ prompt: 'x' }))
    expect(error.status).toBe(429)
    expect(Date.now() - started).toBeLessThan(1_000)
  })

  test('a slow answer past an explicit deadline is a 504', async () => {
    gemini.enqueue({ text: 'late', delayMs: 1_500 })
    const error = await failure(gateway().text({ prompt: 'x', timeoutMs: 200 }))
    expect([error.status, error.code]).toEqual([504, 'upstream_timeout'])
  })

  test('a stream is cut by silence, not by its length', async () => {
    gemini.enqueue({ chunks: ['a', 'b', 'c'] })
    const env = { GEMINI_IDLE_TIMEOUT_MS: '1000' }
    expect(await collect(gateway(env).stream({ prompt: 'x' }))).toHaveLength(3)
    gemini.enqueue({ hang: true })
    expect((await failure(collect(gateway(env).stream({ prompt: 'x' })))).code).toBe(
      'upstream_timeout'
    )
  })
})

describe('answers that are not answers', () => {
  test('a malformed body is a 502', async () => {
    gemini.enqueue({ malformed: '{"candidates": [' })
    const error = await failure(gateway().text({ prompt: 'x' }))
    expect([error.status, error.code]).toEqual([502, 'upstream_invalid'])
  })

  test('no candidates is a 502 empty answer', async () => {
    gemini.enqueue({ noCandidates: true })
    expect((await failure(gateway().text({ prompt: 'x' }))).code).toBe('ai_empty')
  })

  test('a safety-blocked answer is reported as blocked, with its reason', async () => {
    gemini.enqueue({ finishReason: 'SAFETY' })
    const error = await failure(gateway().text({ prompt: 'x' }))
    expect([error.status, error.code, error.details]).toEqual([
      502,
      'ai_blocked',
      { reason: 'SAFETY' },
    ])
  })

  test('a blocked prompt is reported as blocked', async () => {
    gemini.enqueue({ promptBlocked: 'PROHIBITED_CONTENT' })
    expect((await failure(gateway().text({ prompt: 'x' }))).code).toBe('ai_blocked')
  })

  test('an image answer without an image names the finish reason', async () => {
    gemini.enqueue({ finishReason: 'NO_IMAGE' })
    const error = await failure(gateway().image({ prompt: 'x' }))
    expect([error.code, error.details]).toEqual(['ai_no_image', { reason: 'NO_IMAGE' }])
  })

  test('an error frame mid-stream becomes a mapped error', async () => {
    gemini.enqueue({ chunks: ['partial'], errorAfter: { code: 503, message: 'overloaded' } })
    expect((await failure(collect(gateway().stream({ prompt: 'x' })))).status).toBe(502)
  })

  test('an unreachable service is a 502', async () => {
    const config = testConfig({ geminiUrl: 'http://127.0.0.1:9' })
    const ai = createAiGateway({ ai: config.ai, log, retry: { retries: 0 } })
    expect((await failure(ai.text({ prompt: 'x' }))).code).toBe('upstream_unreachable')
  })
})

describe('without configuration', () => {
  test('every call is a 503 naming the variable to set, and nothing is sent', async () => {
    const ai = createAiGateway({ ai: testConfig().ai, log })
    expect(ai.backend).toBe('none')
    const error = await failure(ai.text({ prompt: 'x' }))
    expect(error.status).toBe(503)
    expect(error.message).toContain('GEMINI_API_KEY')
    expect(gemini.calls()).toHaveLength(0)
  })
})
