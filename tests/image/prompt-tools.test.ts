import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import { ROLES } from '../../server/ai/models'
import { SAME_LANGUAGE_RULE } from '../../server/features/image/prompt-language'
import { REFERENCE_RATIO } from '../../server/features/image/reference-image'
import { MAX_TITLE_WORDS, wordCount } from '../../server/features/image/summarize-prompt'
import { startFakeGemini } from '../support/fake-gemini'
import { appFor, brandProfile, KIT, MODES, photo, post } from './support'

const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
beforeEach(() => gemini.reset())

const option = (title: string) => ({
  title,
  description: `${title}, described`,
  tags: ['warm', 'soft', 'film'],
  fullPrompt: `${title}: a detailed prompt`,
})
const plan = (title: string) => ({
  title,
  description: 'A trend-led direction',
  prompt: `${title} final prompt`,
  referenceImagePrompt: `${title} mood board`,
})
const systemText = () =>
  (gemini.last()!.body.systemInstruction?.parts ?? [])
    .map((p: { text: string }) => p.text)
    .join('\n')

describe.each(MODES)('prompt tools (%s)', (mode) => {
  const app = appFor(gemini, mode)

  test('enhance-prompt: three options in JSON mode with a schema, on the fast model', async () => {
    gemini.enqueue({ json: { options: [option('雾'), option('光'), option('影')] } })
    const res = await post(app, 'enhance-prompt', { prompt: '山间的雾' })
    expect(res.status).toBe(200)
    expect((await res.json()).options.map((o: { title: string }) => o.title)).toEqual([
      '雾',
      '光',
      '影',
    ])
    const req = gemini.last()!
    expect(req.model).toBe(ROLES.fast.defaultId)
    expect(req.body.generationConfig.responseMimeType).toBe('application/json')
    expect(req.body.generationConfig.responseJsonSchema.properties.options.minItems).toBe(3)
    expect(systemText()).toContain(SAME_LANGUAGE_RULE)
    expect(req.promptText).toContain('山间的雾')
  })

  test('design-plan: grounded in Google Search; sources, queries and suggestions returned', async () => {
    gemini.enqueue({
      json: { plans: [plan('A'), plan('B'), plan('C')] },
      sources: [{ url: 'https://trends.example/2026-colour' }],
      queries: ['2026 poster design trends'],
    })
    const body = await (
      await post(app, 'design-plan', { topic: 'a coffee festival poster' })
    ).json()
    expect(body.plans).toHaveLength(3)
    expect(body.plans[0].referenceImagePrompt).toBe('A mood board')
    expect(body.sources[0].title).toBe('trends.example')
    expect(body.searchQueries).toEqual(['2026 poster design trends'])
    expect(body.searchEntryPoints[0]).toContain('2026 poster design trends')
    const req = gemini.last()!
    expect(req.model).toBe(ROLES.text.defaultId)
    expect(req.body.tools).toEqual([{ googleSearch: {} }])
    expect(req.body.generationConfig.responseMimeType).toBe('application/json')
  })

  test('reference-image: 16:9 on the image model, stored', async () => {
    gemini.enqueue({ image: { data: photo(32, 18) } })
    const body = await (await post(app, 'reference-image', { prompt: 'a mood board' })).json()
    expect(body.image).toMatchObject({ mimeType: 'image/png', width: 32, height: 18 })
    expect(gemini.last()!.body.generationConfig.imageConfig).toEqual({
      aspectRatio: REFERENCE_RATIO,
    })
    expect(gemini.last()!.model).toBe(ROLES.image.defaultId)
  })

  test('summarize-prompt: a short title in the prompt’s language', async () => {
    gemini.enqueue({ json: { title: '山间晨雾' } })
    const body = await (
      await post(app, 'summarize-prompt', { prompt: '清晨的山谷里弥漫着薄雾，阳光穿过松林' })
    ).json()
    expect(body).toEqual({ title: '山间晨雾' })
    expect(gemini.last()!.model).toBe(ROLES.fast.defaultId)
  })
})

describe('prompt tools refuse invalid answers and inputs', () => {
  const app = appFor(gemini, 'developer')

  test('a title over seven words is re-asked, and the valid second answer is used', async () => {
    const long = 'A very long title that goes on and on'
    expect(wordCount(long)).toBeGreaterThan(MAX_TITLE_WORDS)
    gemini.enqueue({ json: { title: long } }, { json: { title: 'Misty morning valley' } })
    const body = await (await post(app, 'summarize-prompt', { prompt: 'a misty valley' })).json()
    expect(body.title).toBe('Misty morning valley')
  })

  test('Chinese words are counted as words, not characters', () => {
    expect(wordCount('清晨的山谷里弥漫着薄雾')).toBeLessThanOrEqual(MAX_TITLE_WORDS)
    expect(wordCount('Misty morning, valley.')).toBe(3)
  })

  test('two options instead of three is re-asked, then 502', async () => {
    gemini.enqueue(
      { json: { options: [option('a'), option('b')] } },
      { json: { options: [option('a'), option('b')] } }
    )
    const res = await post(app, 'enhance-prompt', { prompt: 'x' })
    expect(res.status).toBe(502)
    expect((await res.json()).error.code).toBe('ai_invalid_output')
  })

  test('a brand kit steers enhance-prompt with its colours and fonts', async () => {
    gemini.enqueue({ json: { options: [option('a'), option('b'), option('c')] } })
    await post(app, 'enhance-prompt', { prompt: 'x', brand: { profile: brandProfile(KIT) } })
    expect(gemini.last()!.promptText).toContain('#1f6f5c')
    expect(gemini.last()!.promptText).toContain('Playfair Display')
  })

  test('an empty topic is 400 and nothing is sent', async () => {
    const res = await post(app, 'design-plan', { topic: '  ' })
    expect(res.status).toBe(400)
    expect(gemini.requests).toHaveLength(0)
  })

  test('a blocked design plan is 502 naming the reason', async () => {
    gemini.enqueue({ promptBlocked: 'PROHIBITED_CONTENT' })
    const res = await post(app, 'design-plan', { topic: 'x' })
    expect(res.status).toBe(502)
    expect((await res.json()).error.details.reason).toBe('PROHIBITED_CONTENT')
  })

  test('a text endpoint keeps the API default body limit', async () => {
    const res = await post(app, 'enhance-prompt', { prompt: 'x', padding: 'a'.repeat(1_100_000) })
    expect(res.status).toBe(413)
  })
})
