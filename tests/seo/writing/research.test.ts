import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import { buildTestApp, postJson } from '../../support/app'
import { startFakeGemini } from '../../support/fake-gemini'
import { brief, readSse, SSE, systemText } from './support'

const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
beforeEach(() => gemini.reset())
const { app } = buildTestApp({ geminiUrl: gemini.url })

const sources = [
  { title: 'Espresso basics', url: 'https://coffee.example/espresso' },
  { title: 'Grind guide', url: 'https://grind.example/guide' },
]

describe('POST /api/seo/web-research', () => {
  test('researches with the Google Search tool and returns the summary with its sources', async () => {
    gemini.enqueue({ text: '  Notes about espresso at home.  ', sources })
    const res = await postJson(app, '/api/seo/web-research', { brief, uiLanguage: 'en' })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ summary: 'Notes about espresso at home.', sources })
    const req = gemini.last()!
    expect(req.model).toBe('gemini-2.5-flash')
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
    gemini.enqueue({ chunks: ['Espresso ', 'needs ', 'fine grounds.'], sources })
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
    expect(frames[3]!.data).toEqual({ sources })
    expect(frames[4]!.data).toEqual({ summary: 'Espresso needs fine grounds.', sources })
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
