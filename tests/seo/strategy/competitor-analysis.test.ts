import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import { buildTestApp, postJson } from '../../support/app'
import { type RecordedRequest, startFakeGemini } from '../../support/fake-gemini'
import { competitors, profile, seoReport } from '../fixtures'
import { landscapeAnswer, reviewAnswer } from './answers'
import { expectInvalid, isResearch, isStructured, research, systemText } from './helpers'

const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
beforeEach(() => gemini.reset())
const { app } = buildTestApp({ geminiUrl: gemini.url })

const analyse = (body: Record<string, unknown> = {}) =>
  postJson(app, '/api/seo/competitor-analysis', { competitors, seoReport, profile, ...body })

const researchFor = (site: string) => (r: RecordedRequest) =>
  isResearch(r) && r.promptText.includes(site)
const structureOf = (notes: string) => (r: RecordedRequest) =>
  isStructured(r) && r.promptText.includes(notes)
const isLandscape = (r: RecordedRequest) =>
  isStructured(r) && r.promptText.includes('<competitor_reviews>')

interface AnalysisBody {
  competitiveLandscape: typeof landscapeAnswer
  competitors: Record<string, unknown>[]
  knowledge: { title: string }[]
  sources: { url: string }[]
  warnings: string[]
  failures: { id: string; url: string; code: string; message: string }[]
}

describe('POST /api/seo/competitor-analysis', () => {
  test('reviews each competitor with search, keeps its URL, accepts a missing top article, then builds the landscape', async () => {
    gemini.enqueueWhen(researchFor('roastery-one'), research('R1 notes', 'https://s.example/1'))
    gemini.enqueueWhen(structureOf('R1 notes'), { json: reviewAnswer() })
    gemini.enqueueWhen(researchFor('beans-two'), research('B2 notes', 'https://s.example/2'))
    const { topArticle: _none, ...withoutArticle } = reviewAnswer()
    gemini.enqueueWhen(structureOf('B2 notes'), { json: withoutArticle })
    gemini.enqueueWhen(researchFor('brew-three'), research('B3 notes', 'https://s.example/1'))
    gemini.enqueueWhen(structureOf('B3 notes'), {
      json: reviewAnswer('Elsewhere', 'https://vertexaisearch.example/redirect/abc'),
    })
    gemini.enqueueWhen(isLandscape, { json: landscapeAnswer })

    const input = [competitors[0], { ...competitors[1], url: 'beans-two.example' }, competitors[2]]
    const res = await analyse({ competitors: input, uiLanguage: 'en' })
    expect(res.status).toBe(200)
    const body = (await res.json()) as AnalysisBody
    expect(body.competitiveLandscape).toEqual(landscapeAnswer)
    expect(body.competitors).toEqual([
      {
        ...competitors[0],
        contentSeoScore: 82,
        topArticle: {
          title: 'Espresso guide',
          url: 'https://www.roastery-one.example/guide',
          reason: 'Ranks first for Espresso zu Hause',
        },
        strengths: ['Deep brewing guides'],
        weaknesses: ['No comparison tables'],
      },
      {
        ...competitors[1],
        url: 'beans-two.example',
        contentSeoScore: 82,
        topArticle: null,
        strengths: ['Deep brewing guides'],
        weaknesses: ['No comparison tables'],
      },
      expect.objectContaining({
        id: 'comp-3',
        url: 'https://brew-three.example',
        topArticle: null,
      }),
    ])
    expect(body.warnings).toEqual([
      'The top article proposed for https://brew-three.example is not on that site; it was left out.',
    ])
    expect(body.failures).toEqual([])
    expect(body.sources.map((s) => s.url)).toEqual(['https://s.example/1', 'https://s.example/2'])
    expect(body.knowledge.length).toBeGreaterThan(0)

    const review = gemini.calls().find(structureOf('R1 notes'))!
    const reviewSchema = review.body.generationConfig.responseJsonSchema
    expect(reviewSchema.properties.contentSeoScore).toMatchObject({ type: 'integer', maximum: 100 })
    expect(reviewSchema.required).toEqual(['contentSeoScore', 'strengths', 'weaknesses'])
    expect(reviewSchema.properties.url).toBeUndefined()
    expect(review.promptText).toContain('<competitor>')
    expect(review.promptText).toContain('meant for the user in English')

    const landscape = gemini.calls().find(isLandscape)!
    expect(landscape.promptText).toContain(seoReport.coreInsight)
    expect(landscape.promptText).toContain('Deep brewing guides')
    expect(landscape.promptText).toContain('[K1]')
    expect(landscape.promptText).toContain(body.knowledge[0]!.title)
    expect(systemText(landscape)).toContain('Do not presuppose weaknesses')
    expect(landscape.promptText).not.toContain('struggles with content depth')
  })

  test('a failing competitor is reported in failures, not invented', async () => {
    gemini.setHandler((r) => {
      if (researchFor('beans-two')(r)) return { status: 500 }
      if (isResearch(r)) return research('notes')
      if (isLandscape(r)) return { json: landscapeAnswer }
      return { json: reviewAnswer('A', 'https://www.roastery-one.example/a') }
    })
    const res = await analyse({ competitors: competitors.slice(0, 2) })
    expect(res.status).toBe(200)
    const body = (await res.json()) as AnalysisBody
    expect(body.competitors.map((c) => c.id)).toEqual(['comp-1'])
    expect(body.failures).toEqual([
      {
        id: 'comp-2',
        url: 'https://beans-two.example',
        code: 'upstream_error',
        message: 'The AI service failed (HTTP 500).',
      },
    ])
  })

  test('when every review fails the request fails with that error', async () => {
    gemini.setHandler(() => ({ status: 429, retryAfter: 9 }))
    const res = await analyse({ competitors: competitors.slice(0, 2) })
    expect(res.status).toBe(429)
    expect(res.headers.get('Retry-After')).toBe('9')
  })

  test('reviews run concurrently: three 300 ms reviews take about one, at most three at once', async () => {
    let inFlight = 0
    let peak = 0
    gemini.setHandler(async (r) => {
      if (isLandscape(r)) return { json: landscapeAnswer }
      if (!isResearch(r)) return { json: reviewAnswer('A', 'https://x.example/a') }
      inFlight++
      peak = Math.max(peak, inFlight)
      await Bun.sleep(300)
      inFlight--
      return research('notes')
    })
    let started = performance.now()
    expect((await analyse()).status).toBe(200)
    const threeMs = performance.now() - started
    expect(threeMs).toBeGreaterThanOrEqual(300)
    expect(threeMs).toBeLessThan(750)

    peak = 0
    const five = [1, 2, 3, 4, 5].map((n) => ({ id: `c${n}`, url: `https://rival-${n}.example` }))
    started = performance.now()
    expect((await analyse({ competitors: five })).status).toBe(200)
    expect(peak).toBe(3)
    // Two waves of 300 ms, not five.
    expect(performance.now() - started).toBeLessThan(1_200)
  })

  test('duplicates are analysed once; the own site or a bad URL is a 400', async () => {
    gemini.setHandler((r) =>
      isLandscape(r)
        ? { json: landscapeAnswer }
        : isResearch(r)
          ? research('notes')
          : { json: reviewAnswer('A', 'https://www.roastery-one.example/a') }
    )
    const dup = await analyse({
      competitors: [competitors[0], { id: 'x', url: 'roastery-one.example/about' }],
    })
    const body = (await dup.json()) as AnalysisBody
    expect(body.competitors).toHaveLength(1)
    expect(body.warnings).toContain(
      'roastery-one.example/about was listed twice; it is analysed once.'
    )
    gemini.reset()

    await expectInvalid(
      await analyse({ competitors: [{ id: 'own', url: 'https://shop.northwind-coffee.example' }] }),
      ['competitors.0.url']
    )
    await expectInvalid(await analyse({ competitors: [{ url: 'javascript:alert(1)' }] }), [
      'competitors.0.url',
    ])
    const six = Array.from({ length: 6 }, (_, i) => ({ url: `https://r${i}.example` }))
    await expectInvalid(await analyse({ competitors: six }), ['competitors'])
    await expectInvalid(await analyse({ competitors: [] }), ['competitors'])
    await expectInvalid(
      await postJson(app, '/api/seo/competitor-analysis', { competitors, profile }),
      ['seoReport']
    )
    expect(gemini.calls()).toHaveLength(0)
  })
})
