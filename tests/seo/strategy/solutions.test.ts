import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import { ROLES } from '../../../server/ai/models'
import { buildTestApp, postJson } from '../../support/app'
import { startFakeGemini } from '../../support/fake-gemini'
import { competitors, profile, seoReport, siteUrl } from '../fixtures'
import { landscapeAnswer, solutionsAnswer } from './answers'
import { expectInvalid, isResearch, isStructured, systemText } from './helpers'

const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
beforeEach(() => gemini.reset())
const { app } = buildTestApp({ geminiUrl: gemini.url })

const analysisReport = {
  competitiveLandscape: landscapeAnswer,
  competitors: [{ ...competitors[0], contentSeoScore: 82, strengths: ['Deep brewing guides'] }],
}

const board = (body: Record<string, unknown> = {}) =>
  postJson(app, '/api/seo/solution-board', {
    url: siteUrl,
    profile,
    analysisReport,
    seoReport,
    userInstructions: 'Focus on espresso',
    ...body,
  })

interface BoardBody {
  solutions: { id: string; strategyName: string }[]
  knowledge: { title: string }[]
}

async function boardOnce() {
  gemini.enqueue({ json: solutionsAnswer() })
  const res = await board()
  expect(res.status).toBe(200)
  return { body: (await res.json()) as BoardBody, req: gemini.last()! }
}

describe('POST /api/seo/solution-board', () => {
  test('returns the three strategies with ids, as the model wrote them', async () => {
    const { body } = await boardOnce()
    expect(body.solutions.map((s) => s.id)).toEqual(['sol-1', 'sol-2', 'sol-3'])
    expect(body.solutions[0]).toEqual({ id: 'sol-1', ...solutionsAnswer().solutions[0]! })
  })

  test('is one ungrounded JSON call on the text model asking for exactly three strategies', async () => {
    const { req } = await boardOnce()
    expect(gemini.calls()).toHaveLength(1)
    expect(req.model).toBe(ROLES.text.defaultId)
    expect(isStructured(req) && !isResearch(req)).toBe(true)
    const schema = req.body.generationConfig.responseJsonSchema
    expect(schema.properties.solutions).toMatchObject({ minItems: 3, maxItems: 3 })
    expect(schema.properties.solutions.items.properties.contentExamples).toMatchObject({
      minItems: 2,
      maxItems: 5,
    })
  })

  test('the analysis, the diagnosis and the target keywords are the material', async () => {
    const { req } = await boardOnce()
    expect(req.promptText).toContain('Deep brewing guides')
    expect(req.promptText).toContain(landscapeAnswer.strategicOpportunity)
    expect(req.promptText).toContain(seoReport.coreInsight)
    expect(req.promptText).toContain('Kaffeebohnen kaufen')
  })

  test('the user’s instructions go in as a data block', async () => {
    const { req } = await boardOnce()
    expect(req.promptText).toContain('<user_instructions>\nFocus on espresso\n</user_instructions>')
  })

  test('analysis for the user in zh-CN, content examples in the project language', async () => {
    const { req } = await boardOnce()
    expect(req.promptText).toContain('meant for the user in Simplified Chinese')
    expect(req.promptText).toContain('contentExamples in German')
  })

  test('knowledge notes are cited and returned as references', async () => {
    const { body, req } = await boardOnce()
    expect(body.knowledge.length).toBeGreaterThan(0)
    expect(req.promptText).toContain('[K1]')
    expect(req.promptText).toContain(body.knowledge[0]!.title)
  })

  test('archetype names are kept out of the answer', async () => {
    const { req } = await boardOnce()
    expect(systemText(req)).toContain('never use archetype names')
  })

  test('the project is the one whose site matches the url', async () => {
    gemini.enqueue({ json: solutionsAnswer() })
    const twoProjects = {
      ...profile,
      projects: [
        {
          ...profile.projects[0]!,
          project_url: 'https://other.example',
          target_language: 'French',
        },
        profile.projects[0]!,
      ],
    }
    await board({ profile: twoProjects, uiLanguage: 'en' })
    const prompt = gemini.last()!.promptText
    expect(prompt).toContain('contentExamples in German')
    expect(prompt).toContain('meant for the user in English')
  })

  test('anything but three strategies is re-asked, then a 502', async () => {
    gemini.enqueue({ json: solutionsAnswer(2) }, { json: solutionsAnswer(4) })
    const res = await board()
    expect(res.status).toBe(502)
    expect(gemini.calls()).toHaveLength(2)
  })

  test('a profile without projects is a 400, and so are other invalid fields', async () => {
    await expectInvalid(await board({ profile: { ...profile, projects: [] } }), [
      'profile.projects',
    ])
    await expectInvalid(await board({ url: undefined }), ['url'])
    const tooMany = Array.from({ length: 11 }, (_, i) => ({ url: `https://r${i}.example` }))
    await expectInvalid(await board({ competitors: tooMany }), ['competitors'])
    expect(gemini.calls()).toHaveLength(0)
  })
})
