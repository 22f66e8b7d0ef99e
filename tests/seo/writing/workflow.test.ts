/**
 * The writing half of the workflow end to end, as the client runs it: each step's response is the
 * next step's request, images survive every later step, and nothing in the article is base64.
 */
import { afterAll, expect, test } from 'bun:test'
import { mediaKey } from '../../../server/storage/media'
import { buildTestApp, postJson } from '../../support/app'
import { redirectFor, startFakeGemini } from '../../support/fake-gemini'
import { workflowModel } from '../workflow-model'
import { brief, profile } from './support'

const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
const { app, deps } = buildTestApp({ geminiUrl: gemini.url })

/** A model that answers each step in kind. */
gemini.setHandler(workflowModel('https://www.northwind-coffee.example'))

test('research → outline → article → polish → images → pre-flight → auto-fix → metadata', async () => {
  const step = async (path: string, body: unknown) => {
    const res = await postJson(app, `/api/seo/${path}`, body)
    expect({ path, status: res.status }).toEqual({ path, status: 200 })
    return res.json()
  }
  const research = await step('web-research', { brief })
  const { outline } = await step('generate-outline', {
    researchSummary: research.summary,
    brief,
    profile,
  })
  const written = await step('write-article', {
    outline,
    brief,
    profile,
    researchSummary: research.summary,
  })
  const polished = await step('polish-article', { article: written.article, brief, profile })
  const illustrated = await step('generate-images', { article: polished.article, brief, profile })
  const report = await step('preflight-check', { article: illustrated.article, brief, profile })
  const issues = report.issues.length
    ? report.issues
    : [{ type: 'SEO', description: 'Tighten the intro.' }]
  const fixed = await step('auto-fix', { article: illustrated.article, issues, brief, profile })
  const metadata = await step('generate-metadata', { article: fixed.article, brief })

  expect(research.sources).toEqual([
    { title: 'source.example', url: redirectFor('https://source.example/a') },
  ])
  expect(illustrated.images).toHaveLength(2)
  expect(fixed.article).toContain('Achte besonders auf')
  for (const image of illustrated.images) {
    expect(fixed.article).toContain(`](${image.media.url})`)
    expect(await deps.store.head(mediaKey(image.media.id))).toBeDefined()
  }
  expect(fixed.article).not.toMatch(/base64|data:image/)
  expect(report.checks.find((c: { id: string }) => c.id === 'image_alt').passed).toBe(true)
  expect(metadata.slug).toBe('espresso-zu-hause')
})
