import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import { buildTestApp, postJson } from '../../support/app'
import { startFakeGemini } from '../../support/fake-gemini'
import { brief, competitors, profile, seoReport, siteUrl, solution } from '../fixtures'
import { briefAnswer } from './answers'
import { expectInvalid, isStructured } from './helpers'

const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
beforeEach(() => gemini.reset())
const { app } = buildTestApp({ geminiUrl: gemini.url })

interface BriefBody {
  titleSuggestion: string
  mainKeyword: string
  secondaryKeywords: string[]
  targetRegion: string
  targetLanguage: string
  knowledge: { title: string }[]
}

async function writeBrief() {
  gemini.enqueue({ json: briefAnswer() })
  const analyzed = [{ ...competitors[0], weaknesses: ['No grind-size chart'] }]
  const res = await postJson(app, '/api/seo/content-brief', {
    solution,
    url: siteUrl,
    profile,
    seoReport,
    competitors: analyzed,
  })
  expect(res.status).toBe(200)
  return { body: (await res.json()) as BriefBody, req: gemini.last()! }
}

describe('POST /api/seo/content-brief', () => {
  test('returns the brief in the project’s market, the main keyword out of the secondary ones', async () => {
    const { body } = await writeBrief()
    expect(body).toMatchObject({
      titleSuggestion: 'Der perfekte Mahlgrad für Espresso',
      mainKeyword: 'Espresso Mahlgrad',
      secondaryKeywords: ['Espressomühle', 'Extraktion', 'Brühzeit'],
      estimatedWordcount: 1400,
      targetRegion: 'Germany',
      targetLanguage: 'German',
    })
  })

  test('asks in JSON mode with bounded keyword, outline and recommendation lists', async () => {
    const { req } = await writeBrief()
    expect(isStructured(req)).toBe(true)
    const schema = req.body.generationConfig.responseJsonSchema
    expect(schema.properties.secondaryKeywords).toMatchObject({ minItems: 3, maxItems: 5 })
    expect(schema.properties.suggestedOutline).toMatchObject({ minItems: 5 })
    expect(schema.properties.aiRecommendations).toMatchObject({ minItems: 2, maxItems: 3 })
    expect(schema.properties.estimatedWordcount.type).toBe('integer')
  })

  test('the strategy, the diagnosis and the competitors’ weaknesses are the material', async () => {
    const { req } = await writeBrief()
    expect(req.promptText).toContain(solution.strategyName)
    expect(req.promptText).toContain('<diagnosis>')
    expect(req.promptText).toContain(seoReport.coreInsight)
    expect(req.promptText).toContain('Filterkaffee Anleitung')
    expect(req.promptText).toContain('No grind-size chart')
  })

  test('reader fields in the project language, recommendations in the UI language', async () => {
    const { req } = await writeBrief()
    expect(req.promptText).toContain(
      'titleSuggestion, topicSummary, mainKeyword, secondaryKeywords and suggestedOutline in German; aiRecommendations in Simplified Chinese'
    )
  })

  test('knowledge notes are cited and returned as references', async () => {
    const { body, req } = await writeBrief()
    expect(body.knowledge.length).toBeGreaterThan(0)
    expect(req.promptText).toContain('[K1]')
    expect(req.promptText).toContain(body.knowledge[0]!.title)
  })

  test('invalid bodies are 400 with field names', async () => {
    const base = { solution, url: siteUrl, profile }
    await expectInvalid(
      await postJson(app, '/api/seo/content-brief', {
        ...base,
        profile: { ...profile, projects: [] },
      }),
      ['profile.projects']
    )
    await expectInvalid(
      await postJson(app, '/api/seo/content-brief', { ...base, solution: { strategyName: '' } }),
      ['solution.strategyName']
    )
    await expectInvalid(await postJson(app, '/api/seo/content-brief', { ...base, url: 42 }), [
      'url',
    ])
    expect(gemini.calls()).toHaveLength(0)
  })
})

describe('POST /api/seo/new-content-idea', () => {
  test('proposes a complementary brief with a new main keyword and knowledge', async () => {
    gemini.enqueue({ json: briefAnswer('Espresso Mahlgrad') })
    const res = await postJson(app, '/api/seo/new-content-idea', {
      profile,
      previousBrief: brief,
      uiLanguage: 'en',
    })
    expect(res.status).toBe(200)
    const body = (await res.json()) as BriefBody
    expect(body.mainKeyword).toBe('Espresso Mahlgrad')
    expect(body.targetLanguage).toBe('German')
    expect(body.knowledge.length).toBeGreaterThan(0)
    const req = gemini.last()!
    expect(req.promptText).toContain('<previous_brief>')
    expect(req.promptText).toContain(brief.mainKeyword)
    expect(req.promptText).toContain('aiRecommendations in English')
    expect(req.promptText).toContain('[K1]')
  })

  test('the same main keyword again is re-asked, then refused', async () => {
    gemini.enqueue(
      { json: briefAnswer('espresso zu hause') },
      { json: briefAnswer('Espresso zu Hause') }
    )
    const res = await postJson(app, '/api/seo/new-content-idea', { profile, previousBrief: brief })
    expect(res.status).toBe(502)
    expect(gemini.calls()).toHaveLength(2)
  })

  test('without a project the previous brief sets the language', async () => {
    gemini.enqueue({ json: briefAnswer() })
    const res = await postJson(app, '/api/seo/new-content-idea', {
      profile: { ...profile, projects: [] },
      previousBrief: { ...brief, targetLanguage: 'Spanish', targetRegion: 'Spain' },
    })
    const body = (await res.json()) as BriefBody
    expect(body).toMatchObject({ targetLanguage: 'Spanish', targetRegion: 'Spain' })
    expect(gemini.last()!.promptText).toContain('suggestedOutline in Spanish')
  })

  test('a missing previous brief is a 400', async () => {
    await expectInvalid(await postJson(app, '/api/seo/new-content-idea', { profile }), [
      'previousBrief',
    ])
    await expectInvalid(
      await postJson(app, '/api/seo/new-content-idea', {
        profile,
        previousBrief: { ...brief, mainKeyword: '' },
      }),
      ['previousBrief.mainKeyword']
    )
  })
})
