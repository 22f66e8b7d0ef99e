import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import { buildTestApp, postJson } from '../../support/app'
import { startFakeGemini } from '../../support/fake-gemini'
import { profile, siteUrl } from '../fixtures'
import { expectInvalid, grounded, isResearch, isStructured, reportedSource } from './helpers'

const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
beforeEach(() => gemini.reset())
const { app, config } = buildTestApp({ geminiUrl: gemini.url })

const proposal = (url: string, name = 'Rival') => ({ url, name, reasonText: 'Ranks for Espresso' })

const proposals = {
  competitors: [
    proposal('https://www.roastery-one.example/blog/espresso', 'Roastery One'),
    proposal('northwind-coffee.example', 'Own site'),
    proposal('https://shop.northwind-coffee.example', 'Own shop'),
    proposal('roastery-one.example', 'Roastery One again'),
    proposal('not a url'),
    proposal('https://beans-two.example', 'Beans Two'),
  ],
}

async function findCompetitors() {
  const res = await postJson(app, '/api/seo/competitors', {
    url: siteUrl,
    profile,
    userInstructions: 'Only German shops',
  })
  expect(res.status).toBe(200)
  return {
    body: (await res.json()) as Record<string, unknown>,
    call: gemini.calls('generateContent')[0]!,
  }
}

describe('POST /api/seo/competitors', () => {
  test('keeps only real rival sites: not the own site or its subdomains, one per site, valid URLs', async () => {
    gemini.enqueue(grounded(proposals))
    const { body } = await findCompetitors()
    expect(body.competitors).toEqual([
      {
        id: 'comp-1',
        url: 'https://www.roastery-one.example',
        name: 'Roastery One',
        reasonText: 'Ranks for Espresso',
      },
      {
        id: 'comp-2',
        url: 'https://beans-two.example',
        name: 'Beans Two',
        reasonText: 'Ranks for Espresso',
      },
    ])
  })

  test('searches and structures in one grounded JSON call on the text model', async () => {
    gemini.enqueue(grounded(proposals))
    const { call } = await findCompetitors()
    expect(gemini.calls('generateContent')).toHaveLength(1)
    expect(call.model).toBe(config.ai.models.text)
    expect(isResearch(call) && isStructured(call)).toBe(true)
    const schema = call.body.generationConfig.responseJsonSchema
    expect(schema.properties.competitors).toMatchObject({ type: 'array', minItems: 1, maxItems: 8 })
    expect(schema.properties.competitors.items.required).toEqual(['url', 'name', 'reasonText'])
  })

  test('the site, the industry and the user instructions are in the prompt as data', async () => {
    gemini.enqueue(grounded(proposals))
    const { call } = await findCompetitors()
    expect(call.promptText).toContain(`<site>\n${siteUrl}\n</site>`)
    expect(call.promptText).toContain('Specialty coffee e-commerce')
    expect(call.promptText).toContain(
      '<user_instructions>\nOnly German shops\n</user_instructions>'
    )
    expect(call.promptText).toContain('in Simplified Chinese')
  })

  test('returns the sources the answer was grounded in, as Google reports them', async () => {
    gemini.enqueue(grounded(proposals, 'https://search.example/r1', 'https://search.example/r2'))
    const { body } = await findCompetitors()
    expect(body.sources).toEqual([
      reportedSource('https://search.example/r1'),
      reportedSource('https://search.example/r2'),
    ])
    expect(body.searchEntryPoints).toHaveLength(1)
  })

  test('at most five competitors are returned', async () => {
    const many = Array.from({ length: 8 }, (_, i) => proposal(`https://rival-${i}.example`))
    gemini.enqueue(grounded({ competitors: many }))
    const res = await postJson(app, '/api/seo/competitors', { url: siteUrl, profile })
    const body = (await res.json()) as { competitors: { id: string }[] }
    expect(body.competitors.map((c) => c.id)).toEqual([
      'comp-1',
      'comp-2',
      'comp-3',
      'comp-4',
      'comp-5',
    ])
  })

  test('no usable proposal is a 502, never example sites', async () => {
    gemini.enqueue(
      grounded({ competitors: [proposal('www.northwind-coffee.example'), proposal('nope')] })
    )
    const res = await postJson(app, '/api/seo/competitors', { url: siteUrl, profile })
    expect(res.status).toBe(502)
    const text = await res.text()
    expect(text).toContain('ai_no_competitors')
    expect(text).not.toContain('example1.com')
  })

  test('invalid bodies are 400 with field names', async () => {
    await expectInvalid(await postJson(app, '/api/seo/competitors', { profile }), ['url'])
    await expectInvalid(
      await postJson(app, '/api/seo/competitors', { url: 'javascript:alert(1)', profile }),
      ['url']
    )
    await expectInvalid(await postJson(app, '/api/seo/competitors', { url: siteUrl }), ['profile'])
    await expectInvalid(
      await postJson(app, '/api/seo/competitors', {
        url: siteUrl,
        profile,
        userInstructions: 'x'.repeat(2001),
      }),
      ['userInstructions']
    )
    expect(gemini.calls()).toHaveLength(0)
  })
})
