import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import { buildTestApp, postJson } from '../../support/app'
import { type RecordedRequest, startFakeGemini } from '../../support/fake-gemini'
import { competitors, profile, seoReport } from '../fixtures'
import { landscapeAnswer, reviewAnswer } from './answers'
import {
  type ErrorBody,
  expectInvalid,
  grounded,
  isResearch,
  isStructured,
  reportedSource,
  systemText,
} from './helpers'

const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
beforeEach(() => gemini.reset())
const { app } = buildTestApp({ geminiUrl: gemini.url })

const analyze = (body: Record<string, unknown> = {}) =>
  postJson(app, '/api/seo/competitor-analysis', { competitors, seoReport, profile, ...body })

/** The grounded review (Search and the schema in one call) of one competitor site. */
const reviewOf = (site: string) => (r: RecordedRequest) =>
  isResearch(r) && isStructured(r) && r.promptText.includes(site)
const isReview = (r: RecordedRequest) => isResearch(r) && isStructured(r)
const isLandscape = (r: RecordedRequest) =>
  isStructured(r) && r.promptText.includes('<competitor_reviews>')

interface AnalysisBody {
  competitiveLandscape: typeof landscapeAnswer
  competitors: Record<string, unknown>[]
  knowledge: { title: string }[]
  sources: { url: string }[]
  searchEntryPoints: string[]
  warnings: { code: string; params: Record<string, string | number>; message: string }[]
  failures: { id: string; url: string; code: string; message: string }[]
}

function scriptThreeReviews() {
  gemini.enqueueWhen(reviewOf('roastery-one'), grounded(reviewAnswer(), 'https://s.example/1'))
  const { topArticle: _none, ...withoutArticle } = reviewAnswer()
  gemini.enqueueWhen(reviewOf('beans-two'), grounded(withoutArticle, 'https://s.example/2'))
  gemini.enqueueWhen(
    reviewOf('brew-three'),
    grounded(
      reviewAnswer('Elsewhere', 'https://vertexaisearch.example/redirect/abc'),
      'https://s.example/1'
    )
  )
  gemini.enqueueWhen(isLandscape, { json: landscapeAnswer })
}

async function analyseThree() {
  scriptThreeReviews()
  const input = [competitors[0], { ...competitors[1], url: 'beans-two.example' }, competitors[2]]
  const res = await analyze({ competitors: input, uiLanguage: 'en' })
  expect(res.status).toBe(200)
  return (await res.json()) as AnalysisBody
}

describe('POST /api/seo/competitor-analysis', () => {
  test('each competitor gets its review; a missing top article is kept as null, its URL as given', async () => {
    const body = await analyseThree()
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
    expect(body.failures).toEqual([])
  })

  test('a top article that is not on the competitor site is left out with a warning', async () => {
    const body = await analyseThree()
    expect(body.warnings).toEqual([
      {
        code: 'top_article_off_site',
        params: { url: 'https://brew-three.example' },
        message:
          'The top article proposed for https://brew-three.example is not on that site; it was left out.',
      },
    ])
  })

  test('sources of every review are merged once each, with one search suggestion per review', async () => {
    const body = await analyseThree()
    expect(body.sources).toEqual([
      reportedSource('https://s.example/1'),
      reportedSource('https://s.example/2'),
    ])
    expect(body.searchEntryPoints.length).toBeGreaterThanOrEqual(1)
  })

  test('a review is one grounded JSON call with a bounded score and no URL field to invent', async () => {
    await analyseThree()
    const review = gemini.calls().find(reviewOf('roastery-one'))!
    const schema = review.body.generationConfig.responseJsonSchema
    expect(schema.properties.contentSeoScore).toMatchObject({ type: 'integer', maximum: 100 })
    expect(schema.required).toEqual(['contentSeoScore', 'strengths', 'weaknesses'])
    expect(schema.properties.url).toBeUndefined()
    expect(review.promptText).toContain('<competitor>')
    expect(review.promptText).toContain('meant for the user in English')
  })

  test('the landscape sets the diagnosis against the reviews, with knowledge and no presupposed weakness', async () => {
    const body = await analyseThree()
    expect(body.competitiveLandscape).toEqual(landscapeAnswer)
    expect(body.knowledge.length).toBeGreaterThan(0)
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
      if (reviewOf('beans-two')(r)) return { status: 500 }
      if (isLandscape(r)) return { json: landscapeAnswer }
      return grounded(reviewAnswer('A', 'https://www.roastery-one.example/a'))
    })
    const res = await analyze({ competitors: competitors.slice(0, 2) })
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
    const res = await analyze({ competitors: competitors.slice(0, 2) })
    expect(res.status).toBe(429)
    expect(res.headers.get('Retry-After')).toBe('9')
  })

  test('reviews run concurrently: three at once, never more than three', async () => {
    let inFlight = 0
    let peak = 0
    gemini.setHandler(async (r) => {
      if (isLandscape(r)) return { json: landscapeAnswer }
      if (!isReview(r)) return undefined
      inFlight++
      peak = Math.max(peak, inFlight)
      await Bun.sleep(300)
      inFlight--
      return grounded(reviewAnswer('A', 'https://x.example/a'))
    })
    // Counts, not times (time bounds failed on a busy machine): all three at once.
    expect((await analyze()).status).toBe(200)
    expect(peak).toBe(3)

    peak = 0
    const five = [1, 2, 3, 4, 5].map((n) => ({ id: `c${n}`, url: `https://rival-${n}.example` }))
    expect((await analyze({ competitors: five })).status).toBe(200)
    // Five reviews, never more than three at once.
    expect(peak).toBe(3)
  })

  test('duplicates are analyzed once; the own site or a bad URL is a 400', async () => {
    gemini.setHandler((r) =>
      isLandscape(r)
        ? { json: landscapeAnswer }
        : grounded(reviewAnswer('A', 'https://www.roastery-one.example/a'))
    )
    const dup = await analyze({
      competitors: [competitors[0], { id: 'x', url: 'roastery-one.example/about' }],
    })
    const body = (await dup.json()) as AnalysisBody
    expect(body.competitors).toHaveLength(1)
    expect(body.warnings).toContainEqual({
      code: 'competitor_listed_twice',
      params: { url: 'roastery-one.example/about' },
      message: 'roastery-one.example/about was listed twice; it is analyzed once.',
    })
    gemini.reset()

    const own = await analyze({
      competitors: [{ id: 'own', url: 'https://shop.northwind-coffee.example' }],
    })
    const issues: unknown = ((await own.clone().json()) as ErrorBody).error.details?.issues
    expect(issues).toEqual([
      {
        field: 'competitors.0.url',
        message: 'Is your own site, not a competitor',
        rule: { code: 'own_site', params: {} },
      },
    ])
    await expectInvalid(own, ['competitors.0.url'])
    await expectInvalid(await analyze({ competitors: [{ url: 'javascript:alert(1)' }] }), [
      'competitors.0.url',
    ])
    const six = Array.from({ length: 6 }, (_, i) => ({ url: `https://r${i}.example` }))
    await expectInvalid(await analyze({ competitors: six }), ['competitors'])
    await expectInvalid(await analyze({ competitors: [] }), ['competitors'])
    await expectInvalid(
      await postJson(app, '/api/seo/competitor-analysis', { competitors, profile }),
      ['seoReport']
    )
    expect(gemini.calls()).toHaveLength(0)
  })
})
