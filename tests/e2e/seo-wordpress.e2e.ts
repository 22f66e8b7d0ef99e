/**
 * Publishing to a REAL WordPress from the SEO workspace, in Chromium: Debian's WordPress started on
 * loopback (scripts/wordpress-test-site.ts), the demo stack allowed to reach it. In each language:
 * a wrong application password is refused with a message naming the site, the right one
 * connects (and is never shown again), the article goes out as a draft and a second publish
 * updates the same draft (read back from WordPress's REST API); in English the published page
 * is then followed in search (position chart and sparkline from the fake Search Console, with
 * their text alternatives). Axe-clean throughout. When WordPress cannot start, every test fails.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import type { Page } from 'playwright-core'
import { startWordPressTestSite, type WordPressTestSite } from '../../scripts/wordpress-test-site'
import { periods } from '../../server/features/seo/search-console/periods'
import { demoFacts } from '../support/demo/search-console-data'
import { DEMO_PROPERTY } from '../support/demo/stack'
import { spread } from '../support/fake-search-console'
import { getJson, untilJson } from './support/server-json'
import { seriousViolations, shot } from './support/studio'
import { demoSuite } from './support/suite'
import { at, walkTo } from './support/walk'

const HOST = 'wordpress.test'
let wp: WordPressTestSite | undefined
let wpError: unknown

// Before the demo stack starts: it is told WordPress's port.
beforeAll(async () => {
  try {
    wp = await startWordPressTestSite({ host: HOST })
  } catch (error) {
    wpError = error
  }
}, 60_000)
afterAll(async () => {
  await wp?.stop()
})
const suite = demoSuite(() => ({ extraPorts: wp ? [wp.port] : [] }))

function site(): WordPressTestSite {
  if (!wp) throw new Error(`The real WordPress did not start: ${String(wpError)}`)
  return wp
}

async function wpGet<T>(route: string): Promise<T> {
  const { port, username, applicationPassword } = site()
  const auth = Buffer.from(`${username}:${applicationPassword}`).toString('base64')
  return getJson<T>(`http://127.0.0.1:${port}/wp-json${route}`, {
    headers: { Authorization: `Basic ${auth}`, Host: `${HOST}:${port}` },
  })
}

/** The draft's page as the project saved it (the workspace autosaves shortly after a change). */
async function savedPageUrl(projectId: string): Promise<string> {
  type Saved = { document: { publication?: { wordpress?: { pageUrl: string } } } }
  const saved = await untilJson<Saved>(
    `${suite.demo.url}/api/library/seo-projects/${projectId}`,
    (body) => Boolean(body.document.publication?.wordpress?.pageUrl)
  )
  return saved.document.publication?.wordpress?.pageUrl ?? ''
}

const COPY = {
  en: {
    refused: 'refused the user name or application password',
    created: 'created on',
    updated: 'updated on',
  },
  'zh-CN': { refused: '拒绝了用户', created: '创建草稿', updated: '更新草稿' },
} as const

async function open(locale: keyof typeof COPY): Promise<Page> {
  const tab = await suite.open()
  await tab.page.setViewportSize({ width: 1280, height: 900 })
  await tab.page.goto(`${suite.demo.url}/`)
  await tab.page.getByTestId('language').selectOption(locale)
  return tab.page
}

describe('publishing to a real WordPress', () => {
  for (const locale of ['en', 'zh-CN'] as const) {
    test(`connect, publish a draft, publish again to update it (${locale})`, async () => {
      const { url, port, username, applicationPassword } = site()
      const copy = COPY[locale]
      // The workspace's connection is shared by the file's tests: start unconnected.
      await fetch(`${suite.demo.url}/api/seo/wordpress/connection`, { method: 'DELETE' })
      const page = await open(locale)
      await walkTo(page, suite.demo, 'publish')
      const card = page.getByTestId('wordpress')
      await card.getByTestId('wp-connect').waitFor()

      await card.getByTestId('wp-site').fill(url)
      await card.getByTestId('wp-username').fill(username)
      await card.getByTestId('wp-password').fill('abcd efgh ijkl mnop qrst uvwx')
      await card.getByTestId('wp-connect-submit').click()
      const refused = card.getByTestId('wp-error')
      await refused.waitFor()
      expect(await refused.textContent()).toContain(copy.refused)
      expect(await refused.textContent()).toContain(`${HOST}:${port}`)
      expect(await seriousViolations(page)).toEqual([])

      await card.getByTestId('wp-password').fill(applicationPassword)
      await card.getByTestId('wp-connect-submit').click()
      await card.getByTestId('wp-connected').waitFor()
      expect(await page.content()).not.toContain(applicationPassword)

      await card.getByTestId('wp-categories').locator('input').fill('Brewing Guides')
      await card.getByTestId('wp-categories').locator('input').press('Enter')
      await card.getByTestId('wp-publish').click()
      const result = card.getByTestId('wp-result')
      await result.waitFor()
      expect(await result.textContent()).toContain(copy.created)
      const postId = Number((await result.textContent())?.match(/#(\d+)/)?.[1])
      type Post = { status: string; title: { raw: string }; categories: number[]; slug: string }
      const post = await wpGet<Post>(`/wp/v2/posts/${postId}?context=edit`)
      expect(post.status).toBe('draft')
      expect(post.title.raw).toBe((await page.getByTestId('seo-title').textContent()) ?? '-')
      // WordPress keeps slugs unique: the other language's draft may already hold this one.
      expect(post.slug).toStartWith((await page.getByTestId('seo-slug').textContent()) ?? '-')
      expect(await seriousViolations(page)).toEqual([])
      await shot(page, `wp-published-${locale}`)

      const draftIds = async () =>
        (await wpGet<{ id: number }[]>('/wp/v2/posts?status=draft&per_page=100&context=edit')).map(
          (d) => d.id
        )
      const before = await draftIds()
      await card.getByTestId('wp-publish').click()
      await page.waitForFunction(
        (text) => document.querySelector('[data-testid="wp-result"]')?.textContent?.includes(text),
        copy.updated
      )
      expect(await result.textContent()).toContain(`#${postId}`)
      // The same draft, updated: no new one.
      expect(await draftIds()).toEqual(before)
      expect(before.filter((id) => id === postId)).toHaveLength(1)
    }, 120_000)
  }

  test('the published page followed in search: position chart and sparkline with text alternatives', async () => {
    const { url, username, applicationPassword } = site()
    const connected = await fetch(`${suite.demo.url}/api/seo/wordpress/connection`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ siteUrl: url, username, applicationPassword }),
    })
    expect(connected.status).toBe(200)
    const page = await open('en')
    await walkTo(page, suite.demo, 'publish')
    await page.getByTestId('wp-connected').waitFor()
    await page.getByTestId('wp-publish').click()
    await page.getByTestId('wp-result').waitFor()
    const projectUrl = new URL(page.url())
    // The page where the draft will live gets search data (as once Google has found it).
    const pageUrl = await savedPageUrl(projectUrl.searchParams.get('project') ?? '')
    expect(pageUrl).toStartWith(`${site().url}/`)
    const { current } = periods(new Date())
    suite.demo.searchConsole.addProperty(DEMO_PROPERTY, [
      ...demoFacts(),
      ...spread(current.endDate, 14, [
        { query: 'pour over coffee', page: pageUrl, clicks: 70, impressions: 1400, position: 9.5 },
      ]),
    ])
    expect(await page.getByTestId('track-no-property').textContent()).toContain(
      'Connect Search Console'
    )

    await page.goto(
      `${suite.demo.url}/seo/diagnosis?project=${projectUrl.searchParams.get('project')}`
    )
    await at(page, 'diagnosis')
    await page.getByTestId('sc-connect').click()
    await page.getByTestId('sc-data').waitFor()
    await page.goto(
      `${suite.demo.url}/seo/publish?project=${projectUrl.searchParams.get('project')}`
    )
    const chart = page.getByTestId('position-chart')
    await chart.waitFor()
    await chart.locator('canvas').waitFor()
    expect(await page.getByTestId('track-clicks').textContent()).toBe('70')
    const label = await chart.locator('[role="img"]').getAttribute('aria-label')
    expect(label).toContain(pageUrl)
    expect(label).toContain('14 days')
    expect(await chart.locator('table.visually-hidden tbody tr').count()).toBe(14)
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'wp-tracking-en')
  }, 120_000)
})
