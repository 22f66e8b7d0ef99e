/**
 * Every strategy endpoint maps each upstream fault to its envelope: never a 200 with invented
 * data, never the upstream's own text.
 */
import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import { buildTestApp, postJson } from '../../support/app'
import { type Reply, startFakeGemini } from '../../support/fake-gemini'
import { brief, competitors, profile, seoReport, siteUrl, solution } from '../fixtures'
import { type ErrorBody, isResearch, research } from './helpers'

const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
beforeEach(() => gemini.reset())
const { app } = buildTestApp({ geminiUrl: gemini.url })

type Kind = 'grounded' | 'json' | 'function-any' | 'function-auto'

const endpoints: { path: string; kind: Kind; body: Record<string, unknown> }[] = [
  { path: 'analyze-intent', kind: 'function-any', body: { prompt: 'audit northwind.de' } },
  { path: 'diagnosis', kind: 'grounded', body: { url: siteUrl, profile } },
  { path: 'competitors', kind: 'grounded', body: { url: siteUrl, profile } },
  {
    path: 'competitor-analysis',
    kind: 'grounded',
    body: { competitors: competitors.slice(0, 1), seoReport, profile },
  },
  { path: 'solution-board', kind: 'json', body: { url: siteUrl, profile, seoReport } },
  { path: 'content-brief', kind: 'json', body: { solution, url: siteUrl, profile, seoReport } },
  { path: 'new-content-idea', kind: 'json', body: { profile, previousBrief: brief } },
  { path: 'agent-action', kind: 'function-auto', body: { userText: 'Go back', currentStep: 3 } },
]

/** A reply the endpoint cannot use, per kind of call (research calls still succeed). */
const unusable: Record<Kind, Reply> = {
  grounded: { text: 'this is not JSON' },
  json: { text: '{"solutions": [' },
  'function-any': { text: 'I would say SEO' },
  'function-auto': { functionCall: { name: 'go_to_step', args: { step: 99 } } },
}

const faults: {
  name: string
  reply: (kind: Kind) => Reply
  status: number
  code: (kind: Kind) => string | undefined
}[] = [
  {
    name: '429 -> 429 with Retry-After',
    reply: () => ({ status: 429, retryAfter: 7, message: 'quota secret-detail' }),
    status: 429,
    code: () => 'upstream_rate_limited',
  },
  {
    name: '5xx -> 502',
    reply: () => ({ status: 503, message: 'backend secret-detail' }),
    status: 502,
    code: () => 'upstream_error',
  },
  {
    name: 'an invalid answer twice -> 502',
    reply: (kind) => unusable[kind],
    status: 502,
    code: () => 'ai_invalid_output',
  },
  {
    name: 'an empty answer -> 502',
    reply: () => ({ noCandidates: true }),
    status: 502,
    code: () => 'ai_empty',
  },
  {
    name: 'a safety-blocked answer -> 502',
    reply: () => ({ finishReason: 'SAFETY' }),
    status: 502,
    code: () => 'ai_blocked',
  },
]

describe.each(endpoints)('POST /api/seo/$path upstream faults', ({ path, kind, body }) => {
  for (const fault of faults) {
    test(fault.name, async () => {
      gemini.setHandler((r) => {
        // Only the step's own answer is faulty when the fault is about its content.
        if (fault.name.startsWith('an invalid') && isResearch(r)) return research('notes')
        return fault.reply(kind)
      })
      const res = await postJson(app, `/api/seo/${path}`, body)
      expect(res.status).toBe(fault.status)
      const error = (await res.json()) as ErrorBody
      const code = fault.code(kind)
      if (code) expect(error.error.code).toBe(code)
      expect(JSON.stringify(error)).not.toContain('secret-detail')
      if (fault.status === 429) expect(res.headers.get('Retry-After')).toBe('7')
    })
  }
})

describe('an upstream that does not answer in time', () => {
  test('every endpoint answers 504 (GEMINI_TIMEOUT_MS=1000)', async () => {
    const slow = buildTestApp({ geminiUrl: gemini.url, env: { GEMINI_TIMEOUT_MS: '1000' } })
    gemini.setHandler(() => ({ text: 'late', delayMs: 1_500 }))
    const started = performance.now()
    const statuses = await Promise.all(
      endpoints.map(async ({ path, body }) => {
        const res = await postJson(slow.app, `/api/seo/${path}`, body)
        const error = (await res.json()) as ErrorBody
        return [path, res.status, error.error.code]
      })
    )
    expect(statuses).toEqual(endpoints.map(({ path }) => [path, 504, 'upstream_timeout']))
    expect(performance.now() - started).toBeLessThan(3_000)
  })
})
