/**
 * A refused request corrects itself, once, and remembers: a model the catalogue does not know
 * yet refuses the thinking level it was sent, with each backend's own words; the request goes
 * again with the nearest level it takes, and the next request is sent right the first time.
 */
import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import * as v from 'valibot'
import { gatewayFor } from '../ai/support'
import { startFakeGemini } from '../support/fake-gemini'
import { appOn, logged, MODES, okOnFast, onFast } from './support'

const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
beforeEach(() => gemini.reset())

/** A Flash model Google launched after the catalogue was written: it refuses `minimal`. */
const NEW_FLASH = 'gemini-3.9-flash'
const launch = (levels = ['medium', 'low', 'high']) =>
  gemini.models.launch(NEW_FLASH, { family: 'gemini-3', levels })
const levelsSent = () =>
  gemini.calls('generateContent').map((r) => r.body.generationConfig?.thinkingConfig?.thinkingLevel)

describe.each(MODES)('a refused thinking level (%s)', (mode) => {
  test('goes again once with the nearest level the model takes, and is remembered', async () => {
    launch()
    const app = appOn(gemini, mode, { GEMINI_MODEL_FAST: NEW_FLASH })
    await okOnFast(gemini, app)
    expect(levelsSent()).toEqual(['MINIMAL', 'LOW'])
    await okOnFast(gemini, app)
    expect(levelsSent()).toEqual(['MINIMAL', 'LOW', 'LOW'])
    expect(logged(app, 'request corrected')).toMatchObject([
      { model: NEW_FLASH, from: 'minimal', to: 'low' },
    ])
  })

  test('is never retried in a loop: a second refusal fails the request', async () => {
    // Takes `high` only: Vertex AI does not list it, so the step up (`low`) is refused too.
    launch(['high'])
    const app = appOn(gemini, mode, { GEMINI_MODEL_FAST: NEW_FLASH })
    const res = await onFast(gemini, app)
    if (mode === 'developer') {
      // The Developer API's refusal lists the allowed values: one correction is enough.
      expect(res.status).toBe(200)
      expect(levelsSent()).toEqual(['MINIMAL', 'HIGH'])
    } else {
      expect(res.status).toBe(502)
      expect((await res.json()).error.code).toBe('upstream_rejected')
      expect(levelsSent()).toEqual(['MINIMAL', 'LOW'])
    }
  })
})

describe('streams', () => {
  test('a stream refused before its first byte is corrected the same way', async () => {
    launch()
    const ai = gatewayFor(gemini, { GEMINI_MODEL_TEXT: NEW_FLASH })
    gemini.enqueueWhen((r) => r.action === 'streamGenerateContent', { chunks: ['Hello', ' world'] })
    let text = ''
    for await (const event of ai.stream({ prompt: 'x', thinking: 'minimal' })) {
      if (event.type === 'delta') text += event.text
    }
    expect(text).toBe('Hello world')
    expect(
      gemini
        .calls('streamGenerateContent')
        .map((r) => r.body.generationConfig.thinkingConfig.thinkingLevel)
    ).toEqual(['MINIMAL', 'LOW'])
  })
})

describe('a model the service takes out mid-stream', () => {
  test('a stream whose model is gone before its first byte runs on the successor', async () => {
    const ai = gatewayFor(gemini)
    gemini.models.retire('gemini-3.8-flash')
    // The list was not read yet when the model went: the gateway learns it from the 404.
    gemini.models.failLists({ status: 503, message: 'The service is currently unavailable.' })
    gemini.enqueueWhen((r) => r.action === 'streamGenerateContent', { chunks: ['ok'] })
    const events = []
    for await (const event of ai.stream({ prompt: 'x' })) events.push(event)
    expect(events).toEqual([{ type: 'delta', text: 'ok' }])
    expect(gemini.calls('streamGenerateContent').map((r) => r.model)).toEqual([
      'gemini-3.8-flash',
      'gemini-3.6-flash',
    ])
    expect(ai.models().roles.text).toMatchObject({ inUse: 'gemini-3.6-flash', reason: 'not_found' })
  })
})

describe('Google Search with a JSON schema, refused in one call', () => {
  test('goes again as research, then structure, and the model keeps that rule', async () => {
    // Named like Gemini 3 (one call expected), but it refuses Search with JSON as 2.5 does.
    gemini.models.launch(NEW_FLASH, { family: 'gemini-2.5' })
    const ai = gatewayFor(gemini, { GEMINI_MODEL_TEXT: NEW_FLASH })
    gemini.setHandler((r) =>
      r.body.generationConfig?.responseMimeType === 'application/json'
        ? { json: { answer: 'forty-two' } }
        : { text: 'Research notes', sources: [{ url: 'https://facts.example/42' }] }
    )
    const schema = v.object({ answer: v.string() })
    for (let i = 0; i < 2; i++) {
      const result = await ai.json({ prompt: 'the answer?', schema, grounded: true })
      expect(result.data).toEqual({ answer: 'forty-two' })
      expect(result.grounding.sources.map((s) => s.title)).toEqual(['facts.example'])
    }
    const shapes = gemini.calls('generateContent').map((r) => ({
      search: Boolean(r.body.tools?.length),
      json: r.body.generationConfig?.responseMimeType === 'application/json',
    }))
    expect(shapes).toEqual([
      { search: true, json: true }, // refused
      { search: true, json: false },
      { search: false, json: true },
      { search: true, json: false },
      { search: false, json: true },
    ])
  })
})
