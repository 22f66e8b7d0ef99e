/**
 * Spend where it is made, in Chromium against the demo stack with a daily budget of $1: the
 * header's meter follows a paid video job (held, then charged for the seconds delivered), the
 * estimate dialog says what is left, a job the budget cannot hold is refused with a clear
 * message in English and in Chinese (nothing sent to the video service), and the usage page
 * lists the day's calls by studio and the paid jobs. axe-core on every state; screenshots go to
 * test-artifacts/screenshots/.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'bun:test'
import type { Browser, Page } from 'playwright-core'
import { en } from '../../client/src/features/usage/i18n/en'
import { zhCN } from '../../client/src/features/usage/i18n/zh-CN'
import { en as shellEn } from '../../client/src/i18n/en'
import { errorsEn } from '../../client/src/i18n/server-codes/errors.en'
import { errorsZhCN } from '../../client/src/i18n/server-codes/errors.zh-CN'
import { zhCN as shellZh } from '../../client/src/i18n/zh-CN'
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
  demo = await startDemoStack({
    distDir: DIST_DIR,
    env: { VIDEO_EVENTS_POLL_MS: '500', BUDGET_USD_PER_DAY: '1' },
  })
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await demo?.stop()
})
afterEach(async () => {
  await tab?.close()
  // Deleting a job that has not ended releases what it held.
  const { items } = await (await fetch(`${demo.url}/api/video/jobs`)).json()
  for (const job of items) await fetch(`${demo.url}/api/video/jobs/${job.id}`, { method: 'DELETE' })
})

async function open(path: string, locale = 'en'): Promise<Page> {
  tab = await openPage(browser)
  await tab.page.setViewportSize({ width: 1280, height: 800 })
  await tab.page.goto(`${demo.url}/`)
  await tab.page.getByTestId('language').selectOption(locale)
  await tab.page.goto(`${demo.url}${path}`)
  return tab.page
}

const meterText = (page: Page) => page.getByTestId('spend-meter-value').textContent()

/** Waits until the meter shows `text` (it reads the usage shortly after each studio answer). */
async function meterShows(page: Page, text: string) {
  await page.waitForFunction(
    (want) =>
      document.querySelector('[data-testid=spend-meter-value]')?.textContent?.includes(want),
    text,
    { timeout: 10_000 }
  )
}

async function estimate(page: Page, prompt: string) {
  await page.getByTestId('composer').waitFor()
  await page.getByTestId('video-prompt').fill(prompt)
  await page.getByTestId('video-estimate').click()
  await page.getByTestId('estimate').waitFor()
}

async function today(): Promise<{ spentUsd: number; reservedUsd: number; remainingUsd: number }> {
  return (await (await fetch(`${demo.url}/api/usage`)).json()).day
}

describe('the spend meter', () => {
  test('shows today against the budget and follows a paid job: held, then charged', async () => {
    demo.gemini.video.script({ polls: 2, video: DEMO_VIDEO })
    const page = await open('/video')
    const before = await today()
    await page.getByTestId('spend-meter').waitFor()
    expect(await meterText(page)).toBe(`$${before.spentUsd.toFixed(2)} / $1.00`)
    await estimate(page, 'A lighthouse at dusk, slow dolly in')
    expect(await page.getByTestId('estimate-budget').textContent()).toContain(
      `$${before.remainingUsd.toFixed(2)} of $1.00 today`
    )
    expect(await seriousViolations(page)).toEqual([])
    await page.getByTestId('estimate-confirm').click()
    await page.getByTestId('estimate').waitFor({ state: 'hidden' })
    // $0.80 held for the 8-second job.
    await meterShows(page, `$${(before.spentUsd + 0.8).toFixed(2)} / $1.00`)
    await shot(page, 'spend-1-meter-held-en')
    await page.locator('[data-testid=job-card][data-status=succeeded]').waitFor({ timeout: 20_000 })
    // The demo video lasts four seconds: $0.40 charged, the rest released.
    await meterShows(page, `$${(before.spentUsd + 0.4).toFixed(2)} / $1.00`)
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'spend-2-meter-charged-en')
    expect(unexpected(tab.problems)).toEqual([])
  }, 40_000)
})

describe('a job the budget cannot hold', () => {
  for (const locale of ['en', 'zh-CN'] as const) {
    test(`is refused with a clear message (${locale}), and nothing is sent`, async () => {
      // Hold what it takes (a job that never ends) until $0.80 no longer fits.
      demo.gemini.video.script({ outcome: 'never' })
      if ((await today()).remainingUsd >= 0.8) {
        const held = await fetch(`${demo.url}/api/video/jobs`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ mode: 'text', prompt: 'held', durationSeconds: 8 }),
        })
        expect(held.status).toBe(202)
      }
      const left = (await today()).remainingUsd
      const page = await open('/video', locale)
      await estimate(page, 'A city at night, neon reflections')
      await page.getByTestId('estimate-over-budget').waitFor()
      const started = demo.gemini.video.jobs.length
      await page.getByTestId('estimate-confirm').click()
      const notice = page.getByTestId('estimate').getByTestId('api-error')
      await notice.waitFor()
      const text = (await notice.textContent()) ?? ''
      if (locale === 'en') {
        expect(text).toContain(errorsEn['error.cause.budget'])
        expect(text).toContain(`$${left.toFixed(2)} left of $1.00`)
        expect(text).toContain('nothing was sent to the AI service')
      } else {
        expect(text).toContain(errorsZhCN['error.cause.budget'])
        expect(text).toContain('今日的 AI 预算不足')
        expect(text).toContain(`剩余 US$${left.toFixed(2)}`)
      }
      expect(demo.gemini.video.jobs).toHaveLength(started)
      expect(await seriousViolations(page)).toEqual([])
      await shot(page, `spend-3-refused-${locale}`)
      expect(unexpected(tab.problems, [/status of 402/])).toEqual([])
    }, 30_000)
  }
})

describe('the usage page', () => {
  test('lists the day’s calls by studio and the paid jobs, in both languages', async () => {
    const enhanced = await fetch(`${demo.url}/api/video/enhance-prompt`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ prompt: 'a coffee shop at dawn', uiLanguage: 'en' }),
    })
    expect(enhanced.status).toBe(200)
    const page = await open('/video')
    await page.getByTestId('spend-meter').click()
    await page.getByTestId('usage-page').waitFor()
    expect(new URL(page.url()).pathname).toBe('/usage')
    await page.getByTestId('totals-studio').first().waitFor()
    const studios = page.getByTestId('totals-studio').first()
    expect(await studios.locator('tr[data-row=video]').textContent()).toContain(
      shellEn['nav.video']
    )
    const calls = page.getByTestId('usage-calls')
    expect(await calls.textContent()).toContain(en['usage.calls.title'])
    expect(await calls.locator('[data-studio=video] li').count()).toBeGreaterThan(0)
    expect(await page.getByTestId('usage-jobs').locator('li').count()).toBeGreaterThan(0)
    expect(await page.getByTestId('budget-limit').first().textContent()).toBe('$1.00')
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'spend-4-usage-en')

    await page.getByTestId('language').selectOption('zh-CN')
    await page.getByRole('heading', { level: 1, name: shellZh['nav.usage'] }).waitFor()
    expect(await calls.textContent()).toContain(zhCN['usage.calls.title'])
    expect(await page.title()).toContain(shellZh['nav.usage'])
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'spend-5-usage-zh-CN')
    expect(unexpected(tab.problems)).toEqual([])
  }, 30_000)
})
