/**
 * The brand check where other assets are made, in Chromium against the demo stack: an article's
 * illustrations each get a badge against the brand the project writes for, the breakdown, and
 * "Fix it", which puts the fixed image in a new version of the article (the old version keeps
 * the original); the launch page's inspiration thumbnails show their score once a brand is
 * chosen, and "Fix it" opens the image studio with the thumbnail and its fix in the edit tree.
 */
import { describe, expect, test } from 'bun:test'
import type { Page } from 'playwright-core'
import { profileWith } from '../brand-guard/support'
import type { WatchedPage } from './support/browser'
import { seriousViolations, shot } from './support/studio'
import { demoSuite } from './support/suite'
import { unexpected } from './support/target'
import { walkTo } from './support/walk'

const suite = demoSuite()
let tab: WatchedPage

async function fresh(locale = 'en'): Promise<{ page: Page; checks: string[] }> {
  tab = await suite.open()
  const { page } = tab
  const checks: string[] = []
  page.on('request', (r) => {
    if (r.url().endsWith('/api/brand/check')) checks.push(r.postDataJSON().imageId)
  })
  await page.setViewportSize({ width: 1100, height: 900 })
  await page.goto(`${suite.demo.url}/`)
  await page.getByTestId('language').selectOption(locale)
  return { page, checks }
}

/** Waits (up to 30 s) until `condition` holds. */
async function until(condition: () => Promise<boolean>) {
  const deadline = Date.now() + 30_000
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('the condition never held')
    await Bun.sleep(200)
  }
}

/** Nothing on the page is working (the article, then its pre-flight check, which moves the layout). */
const settled = (page: Page) =>
  page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), undefined, {
    timeout: 30_000,
  })

describe('brand check of other assets', () => {
  test('article illustrations: badge, breakdown, Fix it as a new article version', async () => {
    const { page, checks } = await fresh()
    await walkTo(page, suite.demo, 'editing')
    await page.getByTestId('illustrate').click()
    await page.getByTestId('preflight').waitFor()
    await settled(page)
    const section = page.getByTestId('article-images')
    await section.waitFor()
    const count = await section.getByTestId('article-image').count()
    expect(count).toBeGreaterThan(0)
    await page.waitForFunction(
      (n) =>
        document.querySelectorAll(
          '[data-testid="article-images"] [data-testid="brand-badge"][data-state="done"]'
        ).length === n,
      count,
      { timeout: 20_000 }
    )
    await settled(page)
    expect(new Set(checks).size).toBe(count)
    expect(checks).toHaveLength(count)

    const before = await page.getByTestId('article-view').locator('img').first().getAttribute('src')
    // From the keyboard: the pre-flight check may still move the layout under a pointer.
    await section.getByTestId('brand-badge').first().focus()
    await page.keyboard.press('Enter')
    const dialog = page.getByTestId('brand-breakdown')
    await dialog.waitFor()
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'brand-5-article-image-en')
    await dialog.getByTestId('brand-fix').click()
    await page.waitForFunction(
      (src) =>
        document.querySelector('[data-testid="article-view"] img')?.getAttribute('src') !== src,
      before,
      { timeout: 20_000 }
    )
    await page.getByTestId('versions').locator('summary').click()
    await page.waitForFunction(
      () =>
        document
          .querySelector('[data-testid="version"]')
          ?.textContent?.includes('Fixed for the brand'),
      undefined,
      { timeout: 20_000 }
    )
    expect(unexpected(tab.problems)).toEqual([])
  }, 120_000)

  test('article illustrations under a threshold are each fixed once by themselves, never their fixes', async () => {
    const { page } = await fresh()
    await page.evaluate(() => localStorage.setItem('ais.brandThreshold', '90'))
    const scores = new Map<string, number>()
    const fixed: string[] = []
    page.on('request', (r) => {
      if (r.url().endsWith('/api/image/generate')) fixed.push(r.postDataJSON().sourceImageId)
    })
    page.on('response', async (r) => {
      if (!r.url().endsWith('/api/brand/check') || !r.ok()) return
      const body = await r.json()
      scores.set(r.request().postDataJSON().imageId, body.score.value)
    })
    await walkTo(page, suite.demo, 'editing')
    // The originals are the images the illustrate step made, from its answer: the page may
    // already show the fix of one of them by the time it could be read (a busy machine).
    const illustrated = page.waitForResponse((r) => r.url().endsWith('/api/seo/generate-images'))
    await page.getByTestId('illustrate').click()
    const answer: { images: { media: { id: string } }[] } = await (await illustrated).json()
    const originals = answer.images.map((image) => image.media.id)
    await page.getByTestId('preflight').waitFor()
    const section = page.getByTestId('article-images')
    await section.waitFor()
    expect(originals.length).toBeGreaterThan(0)
    // Every original checked; those under 90 fixed; every fix checked in turn.
    await until(async () => originals.every((id) => scores.has(id)))
    const low = originals.filter((id) => (scores.get(id) ?? 100) < 90)
    expect(low.length).toBeGreaterThan(0)
    const shown = () =>
      section
        .getByTestId('article-image')
        .locator('img')
        .evaluateAll((els) => els.map((e) => e.getAttribute('src')?.split('/').at(-1) ?? ''))
    // Each low one replaced by its fix (one at a time: each fix saves an article version), and
    // the fixes checked too.
    await until(async () => {
      const now = await shown()
      return fixed.length === low.length && now.every((id) => !low.includes(id) && scores.has(id))
    })
    await settled(page)
    await page.waitForTimeout(500)
    expect(fixed.sort()).toEqual([...low].sort())
    // Nothing more was fixed meanwhile: a fix is never fixed again.
    expect(fixed).toHaveLength(low.length)
    expect(unexpected(tab.problems)).toEqual([])
  }, 120_000)

  test('inspiration thumbnails show their score once a brand is chosen; Fix it opens the studio', async () => {
    const saved = await fetch(`${suite.demo.url}/api/library/brand-profiles/northwind-launch`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'If-None-Match': '*' },
      body: JSON.stringify({ title: 'Northwind Coffee', profile: profileWith() }),
    })
    expect(saved.status).toBe(201)
    const { page } = await fresh('zh-CN')
    // The brand is chosen in a studio; the choice holds for the tab.
    await page.goto(`${suite.demo.url}/image`)
    await page
      .locator('[data-testid="brand-profile"] option[value="northwind-launch"]')
      .waitFor({ state: 'attached' })
    await page.getByTestId('brand-profile').selectOption('northwind-launch')
    await page
      .getByRole('link', { name: /首页|Home/ })
      .first()
      .click()
    await page.getByTestId('inspiration').scrollIntoViewIfNeeded()
    await page.getByTestId('inspiration-thumb').first().waitFor()
    const score = page.getByTestId('inspiration-brand').first()
    await score.waitFor({ timeout: 30_000 })
    expect(await score.textContent()).toContain('品牌')
    expect(await seriousViolations(page)).toEqual([])
    await page.getByTestId('inspiration-fix').first().click()
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="canvas-item"]').length === 2,
      undefined,
      { timeout: 30_000 }
    )
    await page.getByTestId('edit-tree').waitFor()
    expect(await page.getByTestId('tree-node').count()).toBe(2)
    expect(unexpected(tab.problems)).toEqual([])
  }, 120_000)
})
