import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import { toHeading } from '../../../server/features/seo/writing/outline'
import { buildTestApp, postJson } from '../../support/app'
import { startFakeGemini } from '../../support/fake-gemini'
import { brief, profile, systemText } from './support'

const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
beforeEach(() => gemini.reset())
const { app } = buildTestApp({ geminiUrl: gemini.url })

const body = { researchSummary: 'Crema forms at 9 bar.', brief, profile }

describe('POST /api/seo/generate-outline', () => {
  test('asks in JSON mode with the outline schema, in the content language, with research and brand', async () => {
    gemini.enqueue({
      json: { outline: ['## Ausrüstung', '### Mühle', '## Mahlgrad', '## Extraktion'] },
    })
    const res = await postJson(app, '/api/seo/generate-outline', body)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({
      outline: ['## Ausrüstung', '### Mühle', '## Mahlgrad', '## Extraktion'],
    })
    const req = gemini.last()!
    const schema = req.body.generationConfig.responseJsonSchema
    expect(req.body.generationConfig.responseMimeType).toBe('application/json')
    expect(schema.required).toEqual(['outline'])
    expect(schema.properties.outline.type).toBe('array')
    expect(schema.properties.outline.items.type).toBe('string')
    expect(systemText(req)).toContain(
      'reader-facing content (titles, keywords, outline headings, article text, metadata) in German'
    )
    expect(req.promptText).toContain('<research>\nCrema forms at 9 bar.\n</research>')
    expect(req.promptText).toContain('Voice tone: Warm, expert')
    expect(req.promptText).toContain('"Espresso zu Hause"')
  })

  test('headings are brought to "## " / "### " form', async () => {
    gemini.enqueue({
      json: { outline: ['Ausrüstung', '# Bohnen', '#### Details', '## Extraktion ##'] },
    })
    const res = await postJson(app, '/api/seo/generate-outline', body)
    expect((await res.json()).outline).toEqual([
      '## Ausrüstung',
      '## Bohnen',
      '### Details',
      '## Extraktion',
    ])
  })

  test("a failed model call is an error, not the brief's suggested outline", async () => {
    gemini.enqueue({ text: 'not json' }, { text: 'still not json' })
    const res = await postJson(app, '/api/seo/generate-outline', body)
    expect(res.status).toBe(502)
    const json = await res.json()
    expect(json.error.code).toBe('ai_invalid_output')
    expect(JSON.stringify(json)).not.toContain('Bohnen und Mahlgrad')
  })

  test('missing profile and research are a 400 naming both fields', async () => {
    const res = await postJson(app, '/api/seo/generate-outline', { brief })
    expect(res.status).toBe(400)
    const fields = (await res.json()).error.details.issues.map((i: { field: string }) => i.field)
    expect(fields).toEqual(expect.arrayContaining(['researchSummary', 'profile']))
  })
})

describe('toHeading', () => {
  test('keeps H2/H3 and drops empty lines', () => {
    expect(toHeading('### Sub')).toBe('### Sub')
    expect(toHeading('   ')).toBeUndefined()
    expect(toHeading('##')).toBeUndefined()
  })
})
