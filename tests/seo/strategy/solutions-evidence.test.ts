/**
 * The strategy board on the site's own Search Console rows: the rows go into the prompt by id,
 * the response schema makes each strategy cite one to five of those ids (an enum), and the
 * answer carries the cited rows themselves; an id the rows do not have is refused, then 502.
 */
import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import { buildTestApp, postJson } from '../../support/app'
import { startFakeGemini } from '../../support/fake-gemini'
import { profile, seoReport, siteUrl } from '../fixtures'
import { solutionsAnswer } from './answers'

const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
beforeEach(() => gemini.reset())
const { app } = buildTestApp({ geminiUrl: gemini.url })

const rows = [
  {
    id: 'w1',
    kind: 'quickWin',
    label: 'pour over coffee',
    clicks: 36,
    impressions: 1600,
    position: 8.15,
  },
  {
    id: 'c1',
    kind: 'cannibalisation',
    label: 'pour over coffee',
    pages: [
      'https://northwind.test/pour-over-guide/',
      'https://northwind.test/blog/pour-over-coffee-ratio/',
    ],
    clicks: 36,
    impressions: 1600,
    position: 8.15,
  },
  {
    id: 'g1',
    kind: 'gap',
    label: 'how to grind coffee',
    clicks: 2,
    impressions: 250,
    position: 18,
  },
  {
    id: 'q1',
    kind: 'query',
    label: 'coffee beans online',
    clicks: 120,
    impressions: 900,
    position: 2.1,
  },
]
const searchConsole = {
  property: 'sc-domain:northwind.test',
  startDate: '2026-11-07',
  endDate: '2026-12-04',
  rows,
}

const withEvidence = (ids: string[][]) => ({
  solutions: solutionsAnswer().solutions.map((s, i) => ({ ...s, evidence: ids[i] ?? [] })),
})

describe('the strategy board cites the site’s Search Console rows', () => {
  test('rows in the prompt by id, an enum of their ids in the schema, the cited rows in the answer', async () => {
    gemini.enqueue({ json: withEvidence([['w1', 'c1'], ['g1'], ['q1', 'w1']]) })
    const response = await postJson(app, '/api/seo/solution-board', {
      url: siteUrl,
      profile,
      seoReport,
      searchConsole,
    })
    expect(response.status).toBe(200)
    const body = await response.json()
    expect(body.solutions[0].evidence.map((r: { id: string }) => r.id)).toEqual(['w1', 'c1'])
    expect(body.solutions[1].evidence[0]).toEqual(rows[2])
    const request = gemini.last()!
    expect(request.promptText).toContain('sc-domain:northwind.test')
    expect(request.promptText).toContain('"id": "g1"')
    const evidence =
      request.body.generationConfig.responseJsonSchema.properties.solutions.items.properties
        .evidence
    expect(evidence).toMatchObject({ minItems: 1, maxItems: 5 })
    expect(evidence.items.enum).toEqual(['w1', 'c1', 'g1', 'q1'])
  })

  test('an id that is not a row is refused: asked again, then 502', async () => {
    gemini.enqueue(
      { json: withEvidence([['w9'], ['g1'], ['q1']]) },
      { json: withEvidence([['w9'], ['g1'], ['q1']]) }
    )
    const response = await postJson(app, '/api/seo/solution-board', {
      url: siteUrl,
      profile,
      seoReport,
      searchConsole,
    })
    expect(response.status).toBe(502)
    expect(gemini.calls()).toHaveLength(2)
  })

  test('without Search Console rows the board asks for no evidence', async () => {
    gemini.enqueue({ json: solutionsAnswer() })
    const response = await postJson(app, '/api/seo/solution-board', {
      url: siteUrl,
      profile,
      seoReport,
    })
    expect(response.status).toBe(200)
    const schema = gemini.last()!.body.generationConfig.responseJsonSchema
    expect(schema.properties.solutions.items.properties.evidence).toBeUndefined()
    expect((await response.json()).solutions[0].evidence).toBeUndefined()
  })
})
