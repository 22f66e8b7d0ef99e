/**
 * Every model call a request makes is metered by the gateway, whichever feature makes it: what
 * each kind of answer reports (images made, search queries, a stream's last frame), the model
 * really used, estimates and `AI_PRICES`, a refusal before anything is sent for an image the
 * budget cannot pay for, an answer that never waits for the store, and batches an instance left
 * behind folded once.
 */
import { afterAll, beforeEach, expect, test } from 'bun:test'
import { encodeJson } from '../../server/storage/cas'
import { photo } from '../image/support'
import { postJson } from '../support/app'
import { startFakeGemini } from '../support/fake-gemini'
import { at, instance, localSite, OUTLINE, outline, usage } from './support'

const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
beforeEach(() => gemini.reset())

const plan = (title: string) => ({
  title,
  description: 'A direction',
  prompt: `${title} prompt`,
  referenceImagePrompt: `${title} mood board`,
})

test('an image is priced per image made (an estimate) under the image studio', async () => {
  const { app } = instance(localSite(), gemini, at('2026-12-10T09:00:00Z'))
  gemini.enqueue({ image: { data: photo() }, usage: { promptTokenCount: 400 } })
  expect((await postJson(app, '/api/image/generate', { prompt: 'a red ball' })).status).toBe(200)
  const report = await usage(app)
  expect(report.day.byStudio.image).toMatchObject({ calls: 1, images: 1, estimatedCalls: 1 })
  // gemini-3.1-flash-image (estimate): $0.50 per million input tokens, $0.05 per image.
  expect(report.day.byModel['gemini-3.1-flash-image'].usd).toBe(400 * 0.5e-6 + 0.05)
  expect(report.day.calls[0]).toMatchObject({ images: 1, estimated: true })
})

test('a grounded answer counts its search queries at the paid rate', async () => {
  const { app } = instance(localSite(), gemini, at('2026-12-10T09:00:00Z'))
  gemini.enqueue({
    json: { plans: [plan('A'), plan('B'), plan('C')] },
    sources: [{ url: 'https://trends.example/2026' }],
    queries: ['poster trends 2026', 'coffee festival posters'],
    usage: { promptTokenCount: 0, candidatesTokenCount: 0 },
  })
  const res = await postJson(app, '/api/image/design-plan', { topic: 'a coffee festival poster' })
  expect(res.status).toBe(200)
  const report = await usage(app)
  expect(report.day.byStudio.image).toMatchObject({ calls: 1, searchQueries: 2, usd: 0.028 })
})

test('a streamed answer is recorded once, from the usage of its last frame', async () => {
  const { app } = instance(localSite(), gemini, at('2026-12-10T09:00:00Z'))
  gemini.enqueue({
    chunks: ['# Espresso\n\n', 'Grind fine.', ' Water at 93 °C.'],
    usage: { promptTokenCount: 2000, candidatesTokenCount: 4000 },
  })
  const res = await postJson(
    app,
    '/api/seo/write-article',
    {
      outline: ['## A'],
      brief: { mainKeyword: 'espresso', targetLanguage: 'English', targetRegion: 'US' },
      profile: { globalInfo: { brand_name: 'Northwind' }, projects: [] },
    },
    { Accept: 'text/event-stream' }
  )
  expect(await res.text()).toContain('event: done')
  const report = await usage(app)
  expect(report.day.byStudio.seo).toMatchObject({
    calls: 1,
    inputTokens: 2000,
    outputTokens: 4000,
    usd: (2000 * 0.75 + 4000 * 3.75) / 1e6,
  })
})

test('the model really used is recorded; one the table does not know is an estimate', async () => {
  // A model Google launched after the price table was written.
  gemini.models.launch('gemini-3.9-flash', {
    family: 'gemini-3',
    levels: ['low', 'medium', 'high'],
  })
  const env = { GEMINI_MODEL_TEXT: 'gemini-3.9-flash' }
  const { app } = instance(localSite(), gemini, at('2026-12-10T09:00:00Z'), env)
  gemini.setHandler(() => ({
    ...OUTLINE,
    usage: { promptTokenCount: 1000, candidatesTokenCount: 1000 },
  }))
  await outline(app)
  gemini.setHandler(undefined)
  const model = (await usage(app)).day.byModel['gemini-3.9-flash']
  // Priced as the dearest Gemini 3 text row (gemini-3.1-pro-preview, $2 / $12), marked estimated.
  expect(model).toMatchObject({ calls: 1, usd: 0.014, estimatedCalls: 1 })
})

test('AI_PRICES replaces the rows of the items it names, with their dates', async () => {
  const env = {
    AI_PRICES: JSON.stringify({
      'gemini-3.8-flash': [
        { inputPerMillion: 1, outputPerMillion: 1 },
        { from: '2026-12-20', inputPerMillion: 10, outputPerMillion: 10 },
      ],
    }),
  }
  const clock = at('2026-12-10T09:00:00Z')
  const { app } = instance(localSite(), gemini, clock, env)
  gemini.setHandler(() => ({
    ...OUTLINE,
    usage: { promptTokenCount: 1000, candidatesTokenCount: 1000 },
  }))
  await outline(app)
  clock.advance(10 * 24 * 3600_000)
  await outline(app)
  gemini.setHandler(undefined)
  const report = await usage(app)
  expect(report.day.spentUsd).toBe(0.02)
  expect(report.month.spentUsd).toBe(0.022)
})

test('an image the budget cannot pay for is refused before anything is sent', async () => {
  const env = { BUDGET_USD_PER_DAY: '0.03' }
  const { app } = instance(localSite(), gemini, at('2026-12-10T09:00:00Z'), env)
  const res = await postJson(app, '/api/image/generate', { prompt: 'a red ball' })
  expect(res.status).toBe(402)
  const body = await res.json()
  expect(body.error).toMatchObject({
    code: 'budget_exceeded',
    details: { remainingUsd: 0.03, requiredUsd: 0.05, period: 'day' },
  })
  expect(gemini.requests).toEqual([])
})

test('an answer never waits for the ledger: the calls are written after it, in one batch', async () => {
  const site = localSite()
  const { app, store } = instance(site, gemini, at('2026-12-10T09:00:00Z'))
  gemini.setHandler(() => OUTLINE)
  const writes: string[] = []
  const put = store.put
  store.put = (key, data, options) => {
    writes.push(key)
    return put(key, data, options)
  }
  const answers = await Promise.all(Array.from({ length: 5 }, () => outline(app)))
  expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200])
  expect(writes.filter((k) => k.startsWith('ledger/'))).toEqual([])
  await usage(app)
  gemini.setHandler(undefined)
  const ledger = writes.filter((k) => k.startsWith('ledger/'))
  expect(ledger.filter((k) => k.includes('/calls/'))).toHaveLength(1)
})

test('a batch its instance never folded (it stopped) is found and counted once', async () => {
  const site = localSite()
  const { app, store } = instance(site, gemini, at('2026-12-10T09:00:00Z'))
  gemini.setHandler(() => ({
    ...OUTLINE,
    usage: { promptTokenCount: 1000, candidatesTokenCount: 0 },
  }))
  await outline(app)
  gemini.setHandler(undefined)
  await usage(app)
  const call = {
    at: '2026-12-10T08:00:00.000Z',
    studio: 'brand',
    model: 'gemini-3.8-flash',
    inputTokens: 1000,
    outputTokens: 0,
    images: 0,
    searchQueries: 0,
    micros: 750,
  }
  for (const seq of [1, 2]) {
    await store.put(
      `ledger/default/2026-12/10/calls/gone0instance-0000000${seq}.json`,
      encodeJson({ format: 1, instance: 'gone0instance', seq, calls: [call] }),
      { contentType: 'application/json', ifGenerationMatch: '0' }
    )
  }
  const other = instance(site, gemini, at('2026-12-10T09:00:00Z'))
  const report = await usage(other.app)
  expect(report.day.byStudio.brand).toMatchObject({ calls: 2, usd: 0.0015 })
  expect(report.day.spentUsd).toBe(0.00225)
  // Looked over again later, by yet another instance: still counted once.
  expect((await usage(instance(site, gemini, at('2026-12-10T09:00:00Z')).app)).day.spentUsd).toBe(
    0.00225
  )
})
