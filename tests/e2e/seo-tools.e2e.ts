/**
 * The workspace's tools in Chromium against the demo stack: the stop button mid-stream (the
 * text written so far can be kept), a model rate limit (429) shown with its wait and retried,
 * polish and illustrations as new article versions, restoring a version from the library (and
 * undoing it), and a re-run of an earlier step keeping the later results, marked out of date.
 */
import { describe, expect, test } from 'bun:test'
import type { Page } from 'playwright-core'
import type { RecordedRequest } from '../support/fake-gemini'
import type { WatchedPage } from './support/browser'
import { seriousViolations, shot } from './support/studio'
import { demoSuite } from './support/suite'
import { unexpected } from './support/target'
import { at, walkTo } from './support/walk'

const suite = demoSuite()
let tab: WatchedPage

async function fresh(): Promise<Page> {
  tab = await suite.open()
  await tab.page.setViewportSize({ width: 1024, height: 800 })
  await tab.page.goto(`${suite.demo.url}/`)
  await tab.page.getByTestId('language').selectOption('en')
  return tab.page
}

const schemaKeys = (r: RecordedRequest) =>
  Object.keys(r.body?.generationConfig?.responseJsonSchema?.properties ?? {})
const isArticleStream = (r: RecordedRequest) =>
  r.action === 'streamGenerateContent' && !r.body?.tools && r.promptText.includes('<outline')

const notBusy = (page: Page, testid: string) =>
  page.waitForFunction(
    (id) => !document.querySelector(`[data-testid="${id}"][aria-busy="true"]`),
    testid,
    { timeout: 30_000 }
  )

describe('workspace tools', () => {
  test('the stop button ends the article mid-stream and the text so far can be kept', async () => {
    const page = await fresh()
    // A long answer in many small pieces, so it is still arriving when the button is pressed.
    const words = Array.from({ length: 20_000 }, (_, i) => `word${i} `)
    suite.demo.gemini.enqueueWhen(isArticleStream, { chunks: ['# A long article\n\n', ...words] })
    await walkTo(page, suite.demo, 'brief')
    await page.getByTestId('brief-confirm').click()
    await at(page, 'editing')
    const live = page.getByTestId('article-live')
    await page.waitForFunction(() =>
      (document.querySelector('[data-testid="article-live"]')?.textContent ?? '').includes('word20')
    )
    await page.getByTestId('article').getByTestId('stop').click()
    await page.getByTestId('article-stopped').waitFor()
    expect(await live.count()).toBe(0)
    const kept = (await page.getByTestId('article-stopped').textContent()) ?? ''
    expect(kept).toContain('A long article')
    expect(kept).not.toContain('word19999')
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'seo-6-article-stopped')
    await page.getByTestId('keep-draft').click()
    await page.getByTestId('article-view').waitFor()
    expect(await page.getByTestId('article-view').textContent()).toContain('A long article')
    expect(unexpected(tab.problems)).toEqual([])
  }, 90_000)

  test('a model rate limit shows its wait, then the retry runs the step', async () => {
    const page = await fresh()
    suite.demo.gemini.enqueueWhen((r) => schemaKeys(r).includes('contentSeoHealthScore'), {
      status: 429,
      retryAfter: 3,
    })
    await page.goto(
      `${suite.demo.url}/seo/diagnosis?url=${encodeURIComponent(suite.demo.sampleSite)}`
    )
    const error = page.getByTestId('diagnosis-card').getByTestId('api-error')
    await error.waitFor()
    expect(await error.textContent()).toContain('Too many requests')
    expect(await error.textContent()).toContain('Try again in 3 s.')
    const retry = error.getByTestId('error-retry')
    expect(await retry.isDisabled()).toBe(true)
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'seo-1-diagnosis-rate-limited')
    await page.waitForFunction(
      () => !(document.querySelector('[data-testid="error-retry"]') as HTMLButtonElement)?.disabled,
      undefined,
      { timeout: 10_000 }
    )
    await retry.click()
    await page.getByTestId('core-insight').waitFor()
    expect(unexpected(tab.problems, [/status of 429/])).toEqual([])
  }, 60_000)

  test('polish and illustrations make new versions; a version restores from the library and the restore undoes', async () => {
    const page = await fresh()
    await walkTo(page, suite.demo, 'editing')
    const view = page.getByTestId('article-view')
    const written = (await view.textContent()) ?? ''

    await page.getByTestId('polish').click()
    await notBusy(page, 'article')
    await page.getByTestId('preflight').waitFor()
    expect(await view.textContent()).not.toBe(written)
    await shot(page, 'seo-6-polished')

    await page.getByTestId('illustrate').click()
    await notBusy(page, 'article')
    await view.locator('img').first().waitFor()
    expect(await view.locator('img').first().getAttribute('src')).toStartWith('/media/')
    expect(await view.locator('img').first().getAttribute('alt')).toContain('Illustration')
    await shot(page, 'seo-6-illustrated')

    // The search suggestions' frame put where the summary will be once scrolled into view: a
    // click there once went to the frame (see LAUNCH_ARGS in support/browser).
    await page
      .getByTestId('search-suggestions')
      .first()
      .evaluate((frame) => frame.scrollIntoView({ block: 'center' }))
    await page.getByTestId('versions').locator('summary').click()
    await page.locator('[data-testid="versions"][open]').waitFor()
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="version"]').length >= 3
    )
    const versions = page.getByTestId('version')
    expect(await versions.first().textContent()).toContain('Illustrated')
    expect(await versions.last().textContent()).toContain('Written')
    await versions.last().getByTestId('restore-version').click()
    await page.getByTestId('restored').waitFor()
    expect(await view.locator('img').count()).toBe(0)
    expect(await page.getByTestId('version').first().textContent()).toContain('Restored')
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'seo-6-version-restored')

    await page.getByTestId('undo-restore').click()
    await view.locator('img').first().waitFor()
    expect(unexpected(tab.problems)).toEqual([])
  }, 120_000)

  test('running an earlier step again keeps the later results and marks them out of date', async () => {
    const page = await fresh()
    await walkTo(page, suite.demo, 'strategy')
    await page.getByTestId('step-competitors').click()
    await at(page, 'competitors')
    await page.getByTestId('competitors-card').getByTestId('search-again').click()
    await notBusy(page, 'competitors-card')
    await page.getByTestId('step-stale').first().waitFor()
    expect(await page.getByTestId('step-stale').count()).toBe(2)

    await page.getByTestId('step-analysis').click()
    await at(page, 'analysis')
    await page.getByTestId('stale-notice').waitFor()
    expect(await page.getByTestId('competitor-review').count()).toBe(3)
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'seo-3-analysis-out-of-date')
    await page.getByTestId('stale-rerun').click()
    await page.getByTestId('stale-notice').waitFor({ state: 'detached', timeout: 30_000 })
    expect(await page.getByTestId('step-stale').count()).toBe(1)
    expect(unexpected(tab.problems)).toEqual([])
  }, 90_000)
})
