/**
 * Every writing endpoint against every upstream fault, and every body rule, as tables. Faults are
 * answered by the fake Gemini for every call; retries and the circuit breaker are off so each
 * fault shows as itself (the breaker's storms: tests/ai/storms.test.ts).
 */
import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import { MAX_ARTICLE } from '../../../server/features/seo/schemas'
import { buildTestApp, postJson } from '../../support/app'
import { type Reply, startFakeGemini } from '../../support/fake-gemini'
import { germanArticle as article, brief, profile, SSE } from './support'

const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
beforeEach(() => gemini.reset())
const { app } = buildTestApp({
  geminiUrl: gemini.url,
  env: { GEMINI_MAX_RETRIES: '0', GEMINI_TIMEOUT_MS: '1000' },
  circuits: { failureThreshold: Number.POSITIVE_INFINITY },
})

const issues = [{ type: 'SEO', description: 'Missing conclusion.' }]
const endpoints = [
  { path: 'web-research', body: { brief }, jsonMode: false, streams: true },
  { path: 'generate-outline', body: { researchSummary: '', brief, profile }, jsonMode: true },
  {
    path: 'write-article',
    body: { outline: ['## A'], brief, profile },
    jsonMode: false,
    streams: true,
  },
  { path: 'polish-article', body: { article }, jsonMode: false, streams: true, revises: true },
  { path: 'generate-metadata', body: { article, brief }, jsonMode: true },
  { path: 'preflight-check', body: { article, brief, profile }, jsonMode: true },
  { path: 'auto-fix', body: { article, issues }, jsonMode: false, streams: true, revises: true },
  { path: 'generate-images', body: { article }, jsonMode: true },
]

interface Fault {
  name: string
  reply: Reply
  status: number
  code: string
  retryAfter?: string
  jsonModeOnly?: boolean
}
const faults: Fault[] = [
  {
    name: '429',
    reply: { status: 429, retryAfter: 7 },
    status: 429,
    code: 'upstream_rate_limited',
    retryAfter: '7',
  },
  { name: '500', reply: { status: 500 }, status: 502, code: 'upstream_error' },
  { name: '503', reply: { status: 503 }, status: 502, code: 'upstream_error' },
  {
    name: 'timeout',
    reply: { text: 'late', delayMs: 1_500 },
    status: 504,
    code: 'upstream_timeout',
  },
  {
    name: 'invalid JSON twice',
    reply: { text: 'not json {' },
    status: 502,
    code: 'ai_invalid_output',
    jsonModeOnly: true,
  },
  { name: 'empty answer', reply: { noCandidates: true }, status: 502, code: 'ai_empty' },
  {
    name: 'safety-blocked answer',
    reply: { finishReason: 'SAFETY' },
    status: 502,
    code: 'ai_blocked',
  },
  {
    name: 'blocked prompt',
    reply: { promptBlocked: 'PROHIBITED_CONTENT' },
    status: 502,
    code: 'ai_blocked',
  },
]

async function outcome(path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await postJson(app, `/api/seo/${path}`, body, headers)
  const json = await res.json()
  return {
    path,
    status: res.status,
    code: json.error?.code,
    retryAfter: res.headers.get('retry-after') ?? undefined,
    leaked: JSON.stringify(json).includes('fake error'),
  }
}

describe('upstream faults map to the error envelope on every endpoint', () => {
  for (const fault of faults) {
    const targets = endpoints.filter((e) => !fault.jsonModeOnly || e.jsonMode)
    test(`${fault.name} → ${fault.status} ${fault.code} (${targets.length} endpoints)`, async () => {
      gemini.setHandler(() => fault.reply)
      const results = await Promise.all(targets.map((e) => outcome(e.path, e.body)))
      expect(results).toEqual(
        targets.map((e) => ({
          path: e.path,
          status: fault.status,
          code: fault.code,
          retryAfter: fault.retryAfter,
          leaked: false,
        }))
      )
      if (fault.jsonModeOnly) {
        // One re-ask per JSON-mode call, then the 502.
        expect(gemini.calls()).toHaveLength(targets.length * 2)
      }
    })
  }

  for (const fault of faults.filter((f) => !f.jsonModeOnly)) {
    const streaming = endpoints.filter((e) => e.streams)
    test(`as SSE, ${fault.name} before the first delta keeps its HTTP status ${fault.status}`, async () => {
      gemini.setHandler(() => fault.reply)
      const results = await Promise.all(streaming.map((e) => outcome(e.path, e.body, SSE)))
      expect(results.map(({ path, status, code }) => ({ path, status, code }))).toEqual(
        streaming.map((e) => ({ path: e.path, status: fault.status, code: fault.code }))
      )
      // Revisions (polish, auto-fix) re-ask an empty answer once; whole articles always stream.
      const reasked = fault.code === 'ai_empty' ? streaming.filter((e) => e.revises).length : 0
      expect(gemini.calls('streamGenerateContent')).toHaveLength(streaming.length + reasked)
      expect(gemini.calls('generateContent')).toHaveLength(0)
    })
  }
})

describe('request bodies are validated on every endpoint', () => {
  const required: Record<string, string[]> = {
    'web-research': ['brief'],
    'generate-outline': ['researchSummary', 'brief', 'profile'],
    'write-article': ['outline', 'brief', 'profile'],
    'polish-article': ['article'],
    'generate-metadata': ['article', 'brief'],
    'preflight-check': ['article', 'brief', 'profile'],
    'auto-fix': ['article', 'issues'],
    'generate-images': ['article'],
  }

  for (const { path, body } of endpoints) {
    test(`${path}: an empty body is a 400 naming every required field`, async () => {
      const res = await postJson(app, `/api/seo/${path}`, {})
      expect(res.status).toBe(400)
      const json = await res.json()
      expect(json.error.code).toBe('invalid_input')
      const fields = json.error.details.issues.map((i: { field: string }) => i.field)
      expect(fields).toEqual(required[path])
    })

    if ('article' in body) {
      test(`${path}: an article over ${MAX_ARTICLE} characters is a 400 on "article"`, async () => {
        const res = await postJson(app, `/api/seo/${path}`, {
          ...body,
          article: 'a'.repeat(MAX_ARTICLE + 1),
        })
        expect(res.status).toBe(400)
        const issue = (await res.json()).error.details.issues[0]
        expect(issue).toEqual({
          field: 'article',
          message: `Must have at most ${MAX_ARTICLE} characters`,
          rule: { code: 'max_chars', params: { max: MAX_ARTICLE } },
        })
      })
    }

    test(`${path}: a body that is not JSON is a 415`, async () => {
      const res = await app.request(`/api/seo/${path}`, {
        method: 'POST',
        body: 'x=1',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      })
      expect(res.status).toBe(415)
    })
  }

  test('an unknown uiLanguage is a 400', async () => {
    const res = await postJson(app, '/api/seo/web-research', { brief, uiLanguage: 'fr' })
    expect(res.status).toBe(400)
    expect((await res.json()).error.details.issues[0].field).toBe('uiLanguage')
  })

  test('nothing invalid reached the model', () => {
    expect(gemini.calls()).toHaveLength(0)
  })
})
