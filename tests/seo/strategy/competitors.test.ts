import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import { buildTestApp, postJson } from '../../support/app'
import { startFakeGemini } from '../../support/fake-gemini'
import { profile, siteUrl } from '../fixtures'
import { expectInvalid, isResearch, isStructured, research } from './helpers'

const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
beforeEach(() => gemini.reset())
const { app } = buildTestApp({ geminiUrl: gemini.url })

const proposal = (url: string, name = 'Rival') => ({ url, name, reasonText: 'Ranks for Espresso' })

describe('POST /api/seo/competitors', () => {
  test('researches with Google Search, structures with a schema, keeps only real rival sites', async () => {
    gemini.enqueue(
      research(
        'Roastery One and Beans Two rank for Espresso queries in Germany.',
        'https://search.example/r1',
        'https://search.example/r2'
      ),
      {
        json: {
          competitors: [
            proposal('https://www.roastery-one.example/blog/espresso', 'Roastery One'),
            proposal('northwind-coffee.example', 'Own site'),
            proposal('https://shop.northwind-coffee.example', 'Own shop'),
            proposal('roastery-one.example', 'Roastery One again'),
            proposal('not a url'),
            proposal('https://beans-two.example', 'Beans Two'),
          ],
        },
      }
    )
    const res = await postJson(app, '/api/seo/competitors', {
      url: siteUrl,
      profile,
      userInstructions: 'Only German shops',
    })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({
      competitors: [
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
      ],
      sources: [
        { title: 'Source 1', url: 'https://search.example/r1' },
        { title: 'Source 2', url: 'https://search.example/r2' },
      ],
    })

    const [search, structure] = gemini.calls('generateContent')
    expect(isResearch(search!)).toBe(true)
    expect(search!.model).toBe('gemini-2.5-flash')
    expect(search!.promptText).toContain(`<site>\n${siteUrl}\n</site>`)
    expect(search!.promptText).toContain('Specialty coffee e-commerce')
    expect(search!.promptText).toContain(
      '<user_instructions>\nOnly German shops\n</user_instructions>'
    )
    expect(isStructured(structure!)).toBe(true)
    expect(structure!.body.tools).toBeUndefined()
    const schema = structure!.body.generationConfig.responseJsonSchema
    expect(schema.properties.competitors).toMatchObject({ type: 'array', minItems: 1, maxItems: 8 })
    expect(schema.properties.competitors.items.required).toEqual(['url', 'name', 'reasonText'])
    expect(structure!.promptText).toContain('Roastery One and Beans Two rank')
    expect(structure!.promptText).toContain('in Simplified Chinese')
  })

  test('at most five competitors are returned', async () => {
    const many = Array.from({ length: 8 }, (_, i) => proposal(`https://rival-${i}.example`))
    gemini.enqueue(research('notes'), { json: { competitors: many } })
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
    gemini.enqueue(research('nothing found'), {
      json: { competitors: [proposal('www.northwind-coffee.example'), proposal('nope')] },
    })
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
