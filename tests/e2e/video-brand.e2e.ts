/**
 * The brand check of a finished video, in Chromium against the demo stack: with a brand profile
 * chosen, the finished job is checked once (its first and last frames drawn in the page, the
 * clip uploaded through the Files API and judged), the result is stored on the job and shown
 * after a reload without a new check; the breakdown shows both frames' colours; "Fix it" fills
 * the composer with an edit of the video, which starts only after its estimate is confirmed.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'bun:test'
import type { Browser, Page } from 'playwright-core'
import { en as guardEn } from '../../client/src/features/brand-guard/i18n/en'
import { zhCN as guardZh } from '../../client/src/features/brand-guard/i18n/zh-CN'
import { zhCN } from '../../client/src/features/video/i18n/zh-CN'
import { profileWith } from '../brand-guard/support'
import { type DemoStack, startDemoStack } from '../support/demo/stack'
import { DEMO_VIDEO } from '../support/demo/video-answers'
import { launchBrowser, openPage, type WatchedPage } from './support/browser'
import { DIST_DIR } from './support/server'
import { seriousViolations, shot } from './support/studio'
import { unexpected } from './support/target'

let demo: DemoStack
let browser: Browser
let tab: WatchedPage

beforeAll(async () => {
  demo = await startDemoStack({ distDir: DIST_DIR, env: { VIDEO_EVENTS_POLL_MS: '500' } })
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await demo?.stop()
})
afterEach(async () => {
  await tab?.close()
})

async function open(locale = 'en'): Promise<{ page: Page; checks: string[] }> {
  tab = await openPage(browser)
  const { page } = tab
  const checks: string[] = []
  page.on('request', (r) => {
    if (r.url().endsWith('/brand-check')) checks.push(r.url())
  })
  await page.setViewportSize({ width: 1100, height: 900 })
  await page.goto(`${demo.url}/`)
  await page.getByTestId('language').selectOption(locale)
  await page.goto(`${demo.url}/video`)
  await page.getByTestId('composer').waitFor()
  return { page, checks }
}

async function choose(page: Page, id: string) {
  await page
    .locator(`[data-testid="guard-profile"] option[value="${id}"]`)
    .waitFor({ state: 'attached' })
  await page.getByTestId('guard-profile').selectOption(id)
}

describe('video brand check', () => {
  test('checked once when finished, stored on the job, breakdown of both frames, Fix it, in both languages', async () => {
    const saved = await fetch(`${demo.url}/api/library/brand-profiles/northwind-video`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'If-None-Match': '*' },
      body: JSON.stringify({ title: 'Northwind Coffee', profile: profileWith() }),
    })
    expect(saved.status).toBe(201)
    demo.gemini.video.script({ polls: 2, video: DEMO_VIDEO })
    const { page, checks } = await open()
    await choose(page, 'northwind-video')
    await page.getByTestId('video-prompt').fill('A café at dawn, steam rising')
    await page.getByTestId('video-estimate').click()
    await page.getByTestId('estimate-confirm').click()
    await page.locator('[data-testid=job-card][data-status=succeeded]').waitFor({ timeout: 30_000 })
    const badge = page.locator('[data-testid="brand-badge"][data-state="done"]')
    await badge.waitFor({ timeout: 30_000 })
    expect(checks).toHaveLength(1)
    expect(demo.gemini.calls('uploadFileStart')).toHaveLength(1)

    await badge.click()
    const dialog = page.getByTestId('brand-breakdown')
    await dialog.waitFor()
    const text = (await dialog.textContent()) ?? ''
    expect(text).toContain(guardEn['guard.colors.frame.first'])
    expect(text).toContain(guardEn['guard.colors.frame.last'])
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'brand-4-video-en')

    // Stored on the job: after a reload (in Chinese) it is shown without checking again.
    const { page: again, checks: later } = await open('zh-CN')
    await again.locator('[data-testid="brand-badge"][data-state="done"]').waitFor()
    expect(later).toHaveLength(0)
    // Choosing the brand again asks once, and the server answers what the job holds.
    await choose(again, 'northwind-video')
    await again.waitForTimeout(500)
    expect(later.length).toBeLessThanOrEqual(1)
    expect(demo.gemini.calls('uploadFileStart')).toHaveLength(1)

    await again.locator('[data-testid="brand-badge"][data-state="done"]').click()
    const fixDialog = again.getByTestId('brand-breakdown')
    await fixDialog.waitFor()
    const zhText = (await fixDialog.textContent()) ?? ''
    expect(zhText).toContain(guardZh['guard.title'])
    expect(zhText).toContain(guardZh['guard.colors.frame.last'])
    expect(zhText).toContain(guardZh['guard.fixVideoHint'])
    expect(await fixDialog.getByTestId('brand-fix').textContent()).toContain(guardZh['guard.fix'])
    expect(await seriousViolations(again)).toEqual([])
    // The demo clip's frames are far from the palette, so there is always something to fix.
    expect(await fixDialog.getByTestId('brand-issue').count()).toBeGreaterThan(0)
    const jobsBefore = demo.gemini.video.jobs.length
    await fixDialog.getByTestId('brand-fix').click()
    expect(await again.getByTestId('video-prompt').inputValue()).toContain('Fix these brand issues')
    expect(await again.getByTestId('video-mode').textContent()).toContain(zhCN['video.mode.edit'])
    // Nothing paid starts without its estimate confirmed.
    await again.waitForTimeout(300)
    expect(demo.gemini.video.jobs).toHaveLength(jobsBefore)
    expect(unexpected(tab.problems)).toEqual([])
  }, 90_000)
})
