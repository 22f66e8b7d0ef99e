/** polish-article and auto-fix: real rewrites that keep every image of the article. */
import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import { ROLES } from '../../../server/ai/models'
import type { PreflightIssue } from '../../../server/features/seo/schemas'
import { protectImages } from '../../../server/features/seo/writing/images-in-markdown'
import { buildTestApp, postJson } from '../../support/app'
import { type RecordedRequest, startFakeGemini } from '../../support/fake-gemini'
import { brief, illustratedArticle, profile, readSse, SSE, systemText } from './support'

const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
beforeEach(() => gemini.reset())
const { app } = buildTestApp({ geminiUrl: gemini.url })

/** The protected article the model was given. */
const articleIn = (req: RecordedRequest) =>
  req.promptText.match(/<article>\n([\s\S]*)\n<\/article>/)?.[1] ?? ''

/** A model that really edits: it rewrites one sentence and keeps the placeholders. */
const editing = (req: RecordedRequest) => ({
  text: articleIn(req).replace(
    'Probiere und passe danach an.',
    'Probiere, notiere und passe danach an.'
  ),
})

// A large base64 image makes the article many times longer than its text.
const article = illustratedArticle(96)
const images = article.match(/!\[[^\]]*\]\([^)]*\)/g) ?? []
const issues: PreflightIssue[] = [
  { type: 'SEO', description: 'The conclusion is missing.', suggestion: 'Add a short conclusion.' },
]

for (const [path, model, extra] of [
  ['/api/seo/polish-article', ROLES.writing.defaultId, {}],
  ['/api/seo/auto-fix', ROLES.writing.defaultId, { issues }],
] as const) {
  describe(`POST ${path}`, () => {
    test(`rewrites with ${model} and keeps every image (no image data sent to the model)`, async () => {
      expect(article.length).toBeGreaterThan(60_000)
      gemini.setHandler(editing)
      const res = await postJson(app, path, { article, brief, profile, ...extra })
      expect(res.status).toBe(200)
      const fixed = (await res.json()).article as string
      expect(fixed).not.toBe(article)
      expect(fixed).toContain('Probiere, notiere und passe danach an.')
      for (const image of images) expect(fixed).toContain(image)
      expect(fixed).toBe(article.replace('Probiere und passe', 'Probiere, notiere und passe'))
      const req = gemini.last()!
      expect(req.model).toBe(model)
      expect(req.promptText).toContain('[[IMAGE_1]]')
      expect(req.promptText).toContain('[[IMAGE_2]]')
      expect(req.promptText).not.toContain('data:image')
      expect(req.promptText).not.toContain('/media/abc.png')
      expect(systemText(req)).toContain('article text, metadata) in German')
      if ('issues' in extra) {
        expect(req.promptText).toContain(
          '<issues>\n1. [SEO] The conclusion is missing.\n   Suggested fix: Add a short conclusion.\n</issues>'
        )
      }
    })

    test('images the model dropped are put back in their sections', async () => {
      gemini.setHandler((req) => ({ text: articleIn(req).replace(/\[\[IMAGE_\d\]\]\n\n/g, '') }))
      const res = await postJson(app, path, { article, ...extra })
      const fixed = (await res.json()).article as string
      expect(fixed.indexOf(images[0]!)).toBeGreaterThan(fixed.indexOf('## Ausrüstung'))
      expect(fixed.indexOf(images[0]!)).toBeLessThan(fixed.indexOf('Eine gute Espressomaschine'))
      expect(fixed.indexOf(images[1]!)).toBeGreaterThan(fixed.indexOf('## Extraktion'))
    })

    test('a far shorter answer is re-asked once and the complete second answer used', async () => {
      gemini.enqueue({ text: '# Espresso\n\nKurz. [[IMAGE_1]] [[IMAGE_2]]' })
      gemini.setHandler(editing)
      const res = await postJson(app, path, { article, ...extra })
      expect(res.status).toBe(200)
      expect((await res.json()).article).toContain('Probiere, notiere')
      // A whole-article rewrite streams internally even when the client does not stream.
      const calls = gemini.calls('streamGenerateContent')
      expect(calls).toHaveLength(2)
      expect(calls[1]!.promptText).toContain('previous answer was incomplete')
    })

    test('an empty answer is re-asked once too', async () => {
      gemini.enqueue({ noCandidates: true })
      gemini.setHandler(editing)
      const res = await postJson(app, path, { article, ...extra })
      expect(res.status).toBe(200)
      expect((await res.json()).article).toContain('Probiere, notiere')
      expect(gemini.calls('streamGenerateContent')).toHaveLength(2)
    })

    test('an empty stream is re-asked before the first frame, and done holds the article', async () => {
      gemini.enqueue({ noCandidates: true })
      gemini.setHandler(editing)
      const res = await postJson(app, path, { article, ...extra }, SSE)
      expect(res.status).toBe(200)
      const frames = await readSse(res)
      expect(frames.map((f) => f.event)).toEqual(['delta', 'done'])
      expect(frames[1]!.data.article).toBe(article.replace('Probiere und', 'Probiere, notiere und'))
      expect(gemini.calls().map((r) => r.action)).toEqual([
        'streamGenerateContent',
        'streamGenerateContent',
      ])
    })

    test('two incomplete answers are a 502, never the original passed off as the result', async () => {
      gemini.enqueue({ text: 'Kurz.' }, { text: '# Nur ein Titel' })
      const res = await postJson(app, path, { article, ...extra })
      expect(res.status).toBe(502)
      const body = await res.json()
      expect(body.error.code).toBe('ai_incomplete_revision')
      expect(JSON.stringify(body)).not.toContain('data:image')
    })

    test('streams deltas with the images restored and a done frame with the whole article', async () => {
      const small = illustratedArticle(1)
      const answer = protectImages(small).text
      const cut = answer.indexOf('[[IMAGE_1]]') + 5
      gemini.enqueue({ chunks: [answer.slice(0, cut), answer.slice(cut)] })
      const res = await postJson(app, path, { article: small, ...extra }, SSE)
      expect(res.status).toBe(200)
      const frames = await readSse(res)
      expect(frames.map((f) => f.event)).toEqual(['delta', 'delta', 'done'])
      const streamed = frames
        .slice(0, 2)
        .map((f) => f.data.text)
        .join('')
      expect(streamed).not.toContain('[[IMAGE')
      expect(frames[0]!.data.text).not.toContain('[[')
      expect(frames[2]!.data.article).toBe(small)
      expect(streamed).toBe(small)
      expect(gemini.last()!.model).toBe(model)
    })

    test('a streamed answer that is too short is completed by one re-ask before done', async () => {
      gemini.enqueue({ chunks: ['Kurz.'] })
      gemini.setHandler(editing)
      const res = await postJson(app, path, { article, ...extra }, SSE)
      const frames = await readSse(res)
      expect(frames.map((f) => f.event)).toEqual(['delta', 'done'])
      expect(frames[1]!.data.article).toContain('Probiere, notiere')
      for (const image of images) expect(frames[1]!.data.article).toContain(image)
    })
  })
}

describe('request limits', () => {
  test('auto-fix needs 1–40 issues of a known type', async () => {
    const tooMany = Array.from({ length: 41 }, () => issues[0])
    for (const bad of [[], tooMany, [{ type: 'Other', description: 'x' }]]) {
      const res = await postJson(app, '/api/seo/auto-fix', { article, issues: bad })
      expect(res.status).toBe(400)
      const fields = (await res.json()).error.details.issues.map((i: { field: string }) => i.field)
      expect(fields.some((f: string) => f.startsWith('issues'))).toBe(true)
    }
    expect(gemini.calls()).toHaveLength(0)
  })
})
