import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import { ROLES } from '../../../server/ai/models'
import { buildTestApp, postJson } from '../../support/app'
import { redirectFor, renderedContentFor, startFakeGemini } from '../../support/fake-gemini'
import { brief, readSse, SSE, systemText } from './support'

const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
beforeEach(() => gemini.reset())
const { app } = buildTestApp({ geminiUrl: gemini.url })

const sources = [{ url: 'https://coffee.example/espresso' }, { url: 'https://grind.example/guide' }]
const queries = ['espresso at home']
/** What the API answers for those pages (redirect links titled by domain) and queries. */
const grounding = {
  sources: [
    { title: 'coffee.example', url: redirectFor('https://coffee.example/espresso') },
    { title: 'grind.example', url: redirectFor('https://grind.example/guide') },
  ],
  searchQueries: queries,
  searchEntryPoints: [renderedContentFor(queries)],
}

describe('POST /api/seo/web-research', () => {
  test('researches with the Google Search tool and returns the summary with its sources', async () => {
    gemini.enqueue({ text: '  Notes about espresso at home.  ', sources, queries })
    const res = await postJson(app, '/api/seo/web-research', { brief, uiLanguage: 'en' })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ summary: 'Notes about espresso at home.', ...grounding })
    const req = gemini.last()!
    expect(req.model).toBe(ROLES.text.defaultId)
    expect(req.body.tools).toEqual([{ googleSearch: {} }])
    expect(req.body.generationConfig?.responseMimeType).toBeUndefined()
    expect(req.promptText).toContain('Espresso zu Hause')
    expect(req.promptText).toContain('readers in Germany')
    expect(req.promptText).toContain('<brief>')
    expect(systemText(req)).toContain('for the user in English')
  })

  test('notes for the user follow uiLanguage, zh-CN by default', async () => {
    gemini.enqueue({ text: '研究笔记', sources })
    await postJson(app, '/api/seo/web-research', { brief })
    expect(systemText(gemini.last())).toContain('Simplified Chinese')
  })

  test('streams deltas, then the sources, then done with summary and sources', async () => {
    gemini.enqueue({ chunks: ['Espresso ', 'needs ', 'fine grounds.'], sources, queries })
    const res = await postJson(app, '/api/seo/web-research', { brief, uiLanguage: 'en' }, SSE)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/event-stream')
    const frames = await readSse(res)
    expect(frames.map((f) => f.event)).toEqual(['delta', 'delta', 'delta', 'sources', 'done'])
    expect(frames.slice(0, 3).map((f) => f.data.text)).toEqual([
      'Espresso ',
      'needs ',
      'fine grounds.',
    ])
    expect(frames[3]!.data).toEqual(grounding)
    expect(frames[4]!.data).toEqual({ summary: 'Espresso needs fine grounds.', ...grounding })
    const req = gemini.last()!
    expect(req.action).toBe('streamGenerateContent')
    expect(req.body.tools).toEqual([{ googleSearch: {} }])
  })

  test('a brief without a main keyword is a 400 naming the field', async () => {
    const res = await postJson(app, '/api/seo/web-research', {
      brief: { ...brief, mainKeyword: '' },
    })
    expect(res.status).toBe(400)
    const body = await res.json()
    expect(body.error.details.issues.map((i: { field: string }) => i.field)).toContain(
      'brief.mainKeyword'
    )
    expect(gemini.calls()).toHaveLength(0)
  })
})
