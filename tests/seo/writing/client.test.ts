/** The writing routes through the typed hono client: request and response types flow from the server. */
import { afterAll, expect, test } from 'bun:test'
import { hc } from 'hono/client'
import type { AppType } from '../../../server/app'
import { buildTestApp } from '../../support/app'
import { startFakeGemini } from '../../support/fake-gemini'
import { germanArticle } from './support'

const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
const { app } = buildTestApp({ geminiUrl: gemini.url })
const client = hc<AppType>('http://studio.test', {
  fetch: async (input: RequestInfo | URL, init?: RequestInit) => app.request(input, init),
})

test('generate-metadata is typed end to end', async () => {
  gemini.enqueue({
    json: {
      seoTitle: 'Espresso zu Hause',
      seoDescription: 'Der Leitfaden.',
      slug: 'espresso',
      tags: ['a', 'b', 'c'],
    },
  })
  const res = await client.api.seo['generate-metadata'].$post({
    // Defaulted fields (uiLanguage, brief defaults) may be left out: the input type is the schema's input.
    json: { article: germanArticle, brief: { mainKeyword: 'Espresso zu Hause' } },
  })
  expect(res.status).toBe(200)
  if (res.status !== 200) throw new Error('unexpected status')
  const meta = await res.json()
  const slug: string = meta.slug
  expect(slug).toBe('espresso')
})
