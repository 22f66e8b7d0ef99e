import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import { buildTestApp, postJson } from '../../support/app'
import { startFakeGemini } from '../../support/fake-gemini'
import { profile } from '../fixtures'
import { diagnosisAnswer } from './answers'
import { expectInvalid, isResearch, isStructured, research } from './helpers'

const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
beforeEach(() => gemini.reset())
const { app } = buildTestApp({ geminiUrl: gemini.url })

interface KnowledgeRef {
  id: string
  title: string
  summary: string
  url: string
}

describe('POST /api/seo/diagnosis', () => {
  test('researches the site with Google Search, then structures a schema-checked report', async () => {
    gemini.enqueue(
      research(
        'site:northwind-coffee.example shows 40 product pages',
        'https://www.google.example/s1'
      ),
      { json: diagnosisAnswer }
    )
    const res = await postJson(app, '/api/seo/diagnosis', {
      url: 'www.northwind-coffee.example/',
      profile,
    })
    expect(res.status).toBe(200)
    const body = (await res.json()) as typeof diagnosisAnswer & {
      siteUrl: string
      sources: unknown[]
      knowledge: KnowledgeRef[]
    }
    expect(body.siteUrl).toBe('https://www.northwind-coffee.example')
    expect(body.contentSeoHealthScore).toBe(61)
    expect(body.coreInsight).toBe('Strong products, no guides [K1].')
    expect(body.keywordTopicFit.topicalKeywords).toEqual([
      'Espresso zu Hause',
      'Mahlgrad',
      'Filterkaffee',
    ])
    expect(body.contentDiscoverability).toEqual(diagnosisAnswer.contentDiscoverability)
    expect(body.sources).toEqual([{ title: 'Source 1', url: 'https://www.google.example/s1' }])

    const [search, structure] = gemini.calls('generateContent')
    expect(isResearch(search!)).toBe(true)
    expect(search!.model).toBe('gemini-2.5-flash')
    expect(search!.promptText).toContain('<site>\nhttps://www.northwind-coffee.example\n</site>')
    expect(isStructured(structure!)).toBe(true)
    const schema = structure!.body.generationConfig.responseJsonSchema
    expect(schema.properties.contentSeoHealthScore).toMatchObject({
      type: 'integer',
      minimum: 0,
      maximum: 100,
    })
    expect(schema.properties.keywordTopicFit.properties.topicalKeywords).toMatchObject({
      minItems: 3,
      maxItems: 15,
    })
    // One language rule: analysis for the user in zh-CN (default), keywords in the project's language.
    expect(structure!.promptText).toContain(
      'Write every analysis, insight, reason or explanation meant for the user in Simplified Chinese'
    )
    expect(structure!.promptText).toContain('reader-facing content (titles, keywords')
    expect(structure!.promptText).toContain('in German')
    // Knowledge notes are in the prompt with citation labels and come back as references.
    expect(body.knowledge.length).toBeGreaterThan(0)
    for (const ref of body.knowledge)
      expect(Object.keys(ref).sort()).toEqual(['id', 'summary', 'title', 'url'])
    expect(structure!.promptText).toContain('[K1]')
    expect(structure!.promptText).toContain(body.knowledge[0]!.title)
    expect(structure!.promptText).toContain('never invent a label')
  })

  test('uiLanguage en switches the analysis language; without a profile keywords follow the market', async () => {
    gemini.enqueue(research('notes'), { json: diagnosisAnswer })
    const res = await postJson(app, '/api/seo/diagnosis', {
      url: 'https://northwind-coffee.example',
      uiLanguage: 'en',
    })
    expect(res.status).toBe(200)
    const structure = gemini.calls('generateContent')[1]!
    expect(structure.promptText).toContain('meant for the user in English')
    expect(structure.promptText).not.toContain('Simplified Chinese')
    expect(structure.promptText).toContain("main language of the site's market")
  })

  test('a score outside 0-100 or not whole is re-asked, then refused (no fallback report)', async () => {
    gemini.enqueue(
      research('notes'),
      { json: { ...diagnosisAnswer, contentSeoHealthScore: 72.5 } },
      { json: { ...diagnosisAnswer, contentSeoHealthScore: 72 } }
    )
    const ok = await postJson(app, '/api/seo/diagnosis', { url: 'northwind-coffee.example' })
    expect(((await ok.json()) as { contentSeoHealthScore: number }).contentSeoHealthScore).toBe(72)

    gemini.enqueue(
      research('notes'),
      { json: { ...diagnosisAnswer, contentSeoHealthScore: 120 } },
      { json: [diagnosisAnswer] }
    )
    const refused = await postJson(app, '/api/seo/diagnosis', { url: 'northwind-coffee.example' })
    expect(refused.status).toBe(502)
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
      'ai_invalid_output'
    )
  })

  test('invalid bodies are 400 with field names', async () => {
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
