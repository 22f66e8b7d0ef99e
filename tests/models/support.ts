/**
 * The model-list tests' harness: the real app (Developer API with a key, or Vertex AI with real
 * ADC) against the fake Gemini, whose lists and model line-up the tests change while the app
 * runs, and helpers for a call on the fast role and for `/api/capabilities`.
 */
import { expect } from 'bun:test'
import type { Env } from '../../server/config'
import { buildTestApp, postJson } from '../support/app'
import type { FakeGemini } from '../support/fake-gemini'

export const MODES = ['developer', 'vertex'] as const
export type Mode = (typeof MODES)[number]

export function appOn(gemini: FakeGemini, mode: Mode, env: Env = {}) {
  return buildTestApp({ gemini, vertex: mode === 'vertex', env })
}
export type TestApp = ReturnType<typeof appOn>

/** A call on the fast role (JSON mode): `POST /api/image/summarize-prompt`. */
export async function onFast(gemini: FakeGemini, app: TestApp) {
  gemini.enqueueWhen((r) => r.action === 'generateContent', { json: { title: 'Misty valley' } })
  return postJson(app.app, '/api/image/summarize-prompt', { prompt: 'mist over a valley' })
}

export async function okOnFast(gemini: FakeGemini, app: TestApp) {
  const res = await onFast(gemini, app)
  expect(res.status).toBe(200)
  expect(await res.json()).toEqual({ title: 'Misty valley' })
}

export async function capabilities(app: TestApp): Promise<any> {
  const res = await app.app.request('/api/capabilities')
  expect(res.status).toBe(200)
  return res.json()
}

/** The generateContent calls that named `model`. */
export const asked = (gemini: FakeGemini, model: string) =>
  gemini.calls('generateContent').filter((r) => r.model === model).length

/** Log lines (JSON) whose message contains `text`. */
export const logged = (app: TestApp, text: string) =>
  app.logLines.map((l) => JSON.parse(l)).filter((l) => String(l.message ?? l.msg).includes(text))
