/**
 * The studios that came after the meter are metered by it like every other: a campaign's model
 * calls count under `campaigns`, a brand check's under `brand`, and both are refused with a 402
 * before anything is sent once the day's budget is spent. Through the real app and SDK against
 * the fake Gemini.
 */
import { afterAll, beforeEach, expect, test } from 'bun:test'
import { saveMedia } from '../../server/storage/media'
import { ALL_PASS, onPalettePng, profileWith } from '../brand-guard/support'
import { PLAN, SOURCE } from '../campaigns/support'
import { postJson } from '../support/app'
import { startFakeGemini } from '../support/fake-gemini'
import { at, type Instance, instance, localSite, OUTLINE, outline, usage } from './support'

const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
beforeEach(() => gemini.reset())

const TOKENS = { promptTokenCount: 1000, candidatesTokenCount: 2000 }
const USD = (1000 * 0.75 + 2000 * 3.75) / 1e6

const plan = (app: Instance['app']) =>
  postJson(app, '/api/campaigns/plan', { source: SOURCE, languages: ['en'], uiLanguage: 'en' })

const brandCheck = async ({ app, deps }: Instance) => {
  const imageId = (await saveMedia(deps.store, onPalettePng(), 'image/png')).id
  return postJson(app, '/api/brand/check', { imageId, profile: profileWith() })
}

/** Spends the day's budget with one SEO step priced at more than it. */
async function spend(app: Instance['app']) {
  gemini.enqueue({ ...OUTLINE, usage: { promptTokenCount: 0, candidatesTokenCount: 1_000_000 } })
  expect((await outline(app)).status).toBe(200)
}

test('a campaign plan is counted under campaigns, then refused once the budget is spent', async () => {
  const i = instance(localSite(), gemini, at('2026-12-10T09:00:00Z'), { BUDGET_USD_PER_DAY: '1' })
  gemini.enqueue({ json: PLAN, usage: TOKENS })
  expect((await plan(i.app)).status).toBe(200)
  expect((await usage(i.app)).day.byStudio.campaigns).toMatchObject({ calls: 1, usd: USD })
  await spend(i.app)
  const sent = gemini.requests.length
  const refused = await plan(i.app)
  expect(refused.status).toBe(402)
  expect((await refused.json()).error).toMatchObject({ code: 'budget_exceeded' })
  expect(gemini.requests).toHaveLength(sent)
})

test('a brand check is counted under brand, then refused once the budget is spent', async () => {
  const i = instance(localSite(), gemini, at('2026-12-10T09:00:00Z'), { BUDGET_USD_PER_DAY: '1' })
  gemini.enqueue({ json: ALL_PASS, usage: TOKENS })
  expect((await brandCheck(i)).status).toBe(200)
  expect((await usage(i.app)).day.byStudio.brand).toMatchObject({ calls: 1, usd: USD })
  await spend(i.app)
  const sent = gemini.requests.length
  const refused = await brandCheck(i)
  expect(refused.status).toBe(402)
  expect((await refused.json()).error).toMatchObject({ code: 'budget_exceeded' })
  expect(gemini.requests).toHaveLength(sent)
})

test('the API document gives these routes their 402, and the video job start and its brand check', async () => {
  const { app } = instance(localSite(), gemini, at('2026-12-10T09:00:00Z'))
  const doc = await (await app.request('/api/openapi.json')).json()
  const refusal = (path: string) => JSON.stringify(doc.paths[path]?.post?.responses?.['402'] ?? '')
  for (const path of [
    '/api/campaigns/plan',
    '/api/campaigns/posts',
    '/api/campaigns/key-visual',
    '/api/campaigns/recompose',
    '/api/brand/check',
    '/api/video/jobs',
    '/api/video/jobs/{id}/brand-check',
  ])
    expect(refusal(path), path).toContain('budget_exceeded')
})
