import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import { buildTestApp, postJson } from '../../support/app'
import { renderedContentFor, startFakeGemini } from '../../support/fake-gemini'
import { profile } from '../fixtures'
import { diagnosisAnswer } from './answers'
import { expectInvalid, grounded, isResearch, isStructured, reportedSource } from './helpers'

const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
beforeEach(() => gemini.reset())
const { app, config } = buildTestApp({ geminiUrl: gemini.url })

interface DiagnosisBody {
  siteUrl: string
  contentSeoHealthScore: number
  keywordTopicFit: { topicalKeywords: string[] }
  contentDiscoverability: unknown
  sources: unknown[]
  searchQueries: string[]
  searchEntryPoints: string[]
  knowledge: { id: string; title: string; summary: string; url: string }[]
}

async function diagnose(
  body: Record<string, unknown> = { url: 'www.northwind-coffee.example/', profile }
) {
  const res = await postJson(app, '/api/seo/diagnosis', body)
  expect(res.status).toBe(200)
  return { body: (await res.json()) as DiagnosisBody, call: gemini.calls('generateContent')[0]! }
}

describe('POST /api/seo/diagnosis', () => {
  test('is one grounded JSON call: the Google Search tool and the response schema together', async () => {
    gemini.enqueue(grounded(diagnosisAnswer))
    const { call } = await diagnose()
    expect(gemini.calls('generateContent')).toHaveLength(1)
    expect(call.model).toBe(config.ai.models.text)
    expect(isResearch(call)).toBe(true)
    expect(isStructured(call)).toBe(true)
    expect(
      call.body.generationConfig.responseJsonSchema.properties.contentSeoHealthScore
    ).toMatchObject({
      type: 'integer',
      minimum: 0,
      maximum: 100,
    })
  })

  test('the site goes into the prompt as a data block, normalised', async () => {
    gemini.enqueue(grounded(diagnosisAnswer))
    const { body, call } = await diagnose()
    expect(body.siteUrl).toBe('https://www.northwind-coffee.example')
    expect(call.promptText).toContain('<site>\nhttps://www.northwind-coffee.example\n</site>')
  })

  test('returns the schema-checked report with topical keywords de-duplicated', async () => {
    gemini.enqueue(grounded(diagnosisAnswer))
    const { body } = await diagnose()
    expect(body.contentSeoHealthScore).toBe(diagnosisAnswer.contentSeoHealthScore)
    expect(body.keywordTopicFit.topicalKeywords).toEqual([
      'Espresso zu Hause',
      'Mahlgrad',
      'Filterkaffee',
    ])
    expect(body.contentDiscoverability).toEqual(diagnosisAnswer.contentDiscoverability)
  })

  test('returns the grounding as Google gives it: redirect sources, queries, search suggestions', async () => {
    gemini.enqueue(grounded(diagnosisAnswer, 'https://www.google.example/s1'))
    const { body } = await diagnose()
    expect(body.sources).toEqual([reportedSource('https://www.google.example/s1')])
    expect(body.searchQueries).toEqual(['search query'])
    expect(body.searchEntryPoints).toEqual([renderedContentFor(['search query'])])
  })

  test('analysis is for the user in zh-CN by default, keywords in the project language', async () => {
    gemini.enqueue(grounded(diagnosisAnswer))
    const { call } = await diagnose()
    expect(call.promptText).toContain('meant for the user in Simplified Chinese')
    expect(call.promptText).toContain('in German')
  })

  test('uiLanguage en switches the analysis language; without a profile keywords follow the market', async () => {
    gemini.enqueue(grounded(diagnosisAnswer))
    const { call } = await diagnose({ url: 'https://northwind-coffee.example', uiLanguage: 'en' })
    expect(call.promptText).toContain('meant for the user in English')
    expect(call.promptText).not.toContain('Simplified Chinese')
    expect(call.promptText).toContain("main language of the site's market")
  })

  test('knowledge notes go in with citation labels and come back as references', async () => {
    gemini.enqueue(grounded(diagnosisAnswer))
    const { body, call } = await diagnose()
    expect(body.knowledge.length).toBeGreaterThan(0)
    for (const ref of body.knowledge)
      expect(Object.keys(ref).sort()).toEqual(['id', 'summary', 'title', 'url'])
    expect(call.promptText).toContain('[K1]')
    expect(call.promptText).toContain(body.knowledge[0]!.title)
  })

  test('a score that is not whole is re-asked once and the valid second answer used', async () => {
    gemini.enqueue(
      grounded({ ...diagnosisAnswer, contentSeoHealthScore: 72.5 }),
      grounded({ ...diagnosisAnswer, contentSeoHealthScore: 72 })
    )
    const { body } = await diagnose({ url: 'northwind-coffee.example' })
    expect(body.contentSeoHealthScore).toBe(72)
  })

  test('two invalid answers are a 502, never a fallback report', async () => {
    gemini.enqueue(
      grounded({ ...diagnosisAnswer, contentSeoHealthScore: 120 }),
      grounded([diagnosisAnswer])
    )
    const refused = await postJson(app, '/api/seo/diagnosis', { url: 'northwind-coffee.example' })
    expect(refused.status).toBe(502)
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
      'ai_invalid_output'
    )
  })

  test('invalid bodies are 400 with field names, and nothing is sent', async () => {
    await expectInvalid(await postJson(app, '/api/seo/diagnosis', {}), ['url'])
    await expectInvalid(await postJson(app, '/api/seo/diagnosis', { url: 'not a site' }), ['url'])
    await expectInvalid(
      await postJson(app, '/api/seo/diagnosis', { url: 'a.example', uiLanguage: 'de' }),
      ['uiLanguage']
    )
    await expectInvalid(
      await postJson(app, '/api/seo/diagnosis', { url: 'a.example', profile: { projects: [] } }),
      ['profile.globalInfo']
    )
    expect(gemini.calls()).toHaveLength(0)
  })
})

describe('POST /api/seo/diagnosis on a model that cannot combine Search with JSON', () => {
  const older = buildTestApp({
    geminiUrl: gemini.url,
    env: { GEMINI_MODEL_TEXT: 'gemini-2.5-flash-lite' },
  })

  test('researches with Search first, then structures the findings with the schema', async () => {
    gemini.enqueue(
      { text: 'site: shows 40 product pages', sources: [{ url: 'https://www.google.example/s1' }] },
      { json: diagnosisAnswer }
    )
    const res = await postJson(older.app, '/api/seo/diagnosis', { url: 'northwind-coffee.example' })
    expect(res.status).toBe(200)
    const [search, structure] = gemini.calls('generateContent')
    expect(isResearch(search!) && !isStructured(search!)).toBe(true)
    expect(isStructured(structure!) && !isResearch(structure!)).toBe(true)
    expect(structure!.promptText).toContain('site: shows 40 product pages')
    expect(((await res.json()) as DiagnosisBody).sources).toEqual([
      reportedSource('https://www.google.example/s1'),
    ])
  })
})
