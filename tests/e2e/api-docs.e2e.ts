/**
 * `/api/docs` in Chromium: the reference renders the document (the guide and the operations of
 * every studio) with no console error and no CSP violation, and every request the page makes goes
 * to the app's own origin (route interception refuses anything else and records it).
 */
import { describe, expect, test } from 'bun:test'
import { shot } from './support/studio'
import { demoSuite } from './support/suite'

const suite = demoSuite()

describe('/api/docs', () => {
  test('renders the reference from this server alone, without errors', async () => {
    const { page, problems } = await suite.open()
    const origin = new URL(suite.demo.url).origin
    const elsewhere: string[] = []
    const seen: string[] = []
    await page.route('**/*', (route) => {
      const url = route.request().url()
      if (url.startsWith('data:') || url.startsWith('blob:')) return route.continue()
      if (new URL(url).origin !== origin) {
        elsewhere.push(url)
        return route.abort('blockedbyclient')
      }
      seen.push(new URL(url).pathname)
      return route.continue()
    })
    await page.goto(`${suite.demo.url}/api/docs`)
    await page.getByRole('heading', { name: 'AIS Studio API' }).first().waitFor({ timeout: 30_000 })
    // The guide, the first operation and every studio's group in the sidebar.
    await page.getByText('Saved work with ETags').first().waitFor()
    await page.getByText('Analyse a brand from its website').first().waitFor()
    for (const tag of ['Brand', 'SEO', 'Image', 'Video', 'Saved work', 'Media', 'System']) {
      await page
        .getByRole('button', { name: `Open Group - ${tag}` })
        .or(page.getByRole('button', { name: `Close Group - ${tag}` }))
        .first()
        .waitFor()
    }
    await shot(page, 'api-docs')
    expect(elsewhere).toEqual([])
    expect(seen).toEqual(
      expect.arrayContaining([
        '/api/docs',
        '/api/docs/scalar.js',
        '/api/docs/start.js',
        '/api/openapi.json',
      ])
    )
    expect(problems).toEqual([])
  }, 60_000)
})
