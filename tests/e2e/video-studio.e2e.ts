/**
 * The video studio in Chromium against the demo stack (the built app, the fake Gemini, local
 * storage): a job from its price estimate through confirmation and progress to a playable
 * video, a captured frame as the next first frame, download and delete; a reload during a
 * running job resumes its progress; a failed job shows its reason in both languages; a blocked
 * event stream falls back to polling; the prompt tools with sources and Google's suggestions.
 * axe-core runs on every state, at 1024 px; screenshots go to test-artifacts/screenshots/.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'bun:test'
import { readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { en } from '../../client/src/features/video/i18n/en'
import { zhCN } from '../../client/src/features/video/i18n/zh-CN'
import { type DemoStack, startDemoStack } from '../support/demo/stack'
import { DEMO_VIDEO } from '../support/demo/video-answers'
import { pngRgba } from '../support/fake-site'
import { launchBrowser, openPage, type WatchedPage } from './support/browser'
import { DIST_DIR } from './support/server'
import { getJson } from './support/server-json'
import { seriousViolations, shot } from './support/studio'
import { unexpected } from './support/target'

let demo: DemoStack
let browser: Browser
let tab: WatchedPage

beforeAll(async () => {
  // The event stream looks every half second, so a demo job is ready in about two.
  demo = await startDemoStack({ distDir: DIST_DIR, env: { VIDEO_EVENTS_POLL_MS: '500' } })
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await demo?.stop()
})
afterEach(async () => {
  await tab?.close()
  // Every test starts from an empty job list.
  const { items } = await getJson<{ items: { id: string }[] }>(`${demo.url}/api/video/jobs`)
  for (const job of items) {
    const res = await fetch(`${demo.url}/api/video/jobs/${job.id}`, { method: 'DELETE' })
    // Gone already (another device's delete) is as good as deleted.
    if (res.status !== 204 && res.status !== 404) throw new Error(`DELETE: HTTP ${res.status}`)
  }
})

async function open(path: string, locale = 'en'): Promise<Page> {
  tab = await openPage(browser)
  await tab.page.setViewportSize({ width: 1024, height: 800 })
  await tab.page.goto(`${demo.url}/`)
  await tab.page.getByTestId('language').selectOption(locale)
  await tab.page.goto(`${demo.url}${path}`)
  await tab.page.getByTestId('composer').waitFor()
  return tab.page
}

const card = (page: Page, status?: string) =>
  page.locator(status ? `[data-testid=job-card][data-status=${status}]` : '[data-testid=job-card]')

/** Estimate, check the dialog, confirm: the job's card appears. */
async function startJob(page: Page, prompt: string): Promise<void> {
  await page.getByTestId('video-prompt').fill(prompt)
  await page.getByTestId('video-estimate').click()
  await page.getByTestId('estimate').waitFor()
  await page.getByTestId('estimate-confirm').click()
  await page.getByTestId('estimate').waitFor({ state: 'hidden' })
  await card(page).first().waitFor()
}

const progressOf = async (page: Page) =>
  Number(await page.getByRole('progressbar').first().getAttribute('aria-valuenow'))

describe('a video job end to end', () => {
  test('estimate → confirm → progress → playable → download → capture frame → delete', async () => {
    demo.gemini.video.script({ polls: 6, video: DEMO_VIDEO })
    const startedBefore = demo.gemini.video.jobs.length
    const page = await open(`/video?prompt=${encodeURIComponent('A café at dawn, steam rising')}`)
    // The list loads after the composer shows: wait for its empty state, never glance at it.
    await page.getByTestId('jobs-empty').waitFor()
    expect(await page.getByTestId('video-mode').textContent()).toContain(en['video.mode.text'])
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'video-1-composer-en')

    await page.getByTestId('video-estimate').click()
    await page.getByTestId('estimate').waitFor()
    expect(await page.getByTestId('estimate-price').textContent()).toMatch(/\$\d+\.\d\d/)
    expect(await page.getByTestId('estimate-duration').textContent()).toBe('8 s')
    expect(await page.getByTestId('estimate-model').textContent()).toContain('gemini-omni')
    // Nothing is started (or paid) before the confirmation.
    expect(demo.gemini.video.jobs).toHaveLength(startedBefore)
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'video-2-estimate-en')
    await page.getByTestId('estimate-confirm').click()

    await card(page, 'running').waitFor()
    await page.getByTestId('job-elapsed').waitFor()
    expect(await page.getByTestId('job-follow').textContent()).toContain(en['video.job.live'])
    expect(demo.gemini.video.jobs).toHaveLength(startedBefore + 1)
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'video-3-running-en')

    await card(page, 'succeeded').waitFor({ timeout: 20_000 })
    const video = page.getByTestId('job-video')
    await video.evaluate((v: HTMLVideoElement) => {
      v.muted = true
      return v.play()
    })
    await page.waitForFunction(() => {
      const v = document.querySelector<HTMLVideoElement>('[data-testid=job-video]')
      return (v?.currentTime ?? 0) > 0.2
    })
    const played = await video.evaluate((v: HTMLVideoElement) => {
      v.pause()
      return { width: v.videoWidth, height: v.videoHeight }
    })
    expect([played.width, played.height]).toEqual([384, 216])
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'video-4-ready-en')

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('job-download').click(),
    ])
    expect(download.suggestedFilename()).toMatch(/^ais-video-v[0-9a-z]{21}\.mp4$/)
    const bytes = readFileSync((await download.path()) as string)
    expect(bytes.subarray(4, 8).toString('latin1')).toBe('ftyp')

    await page.getByTestId('job-capture').click()
    await page.getByTestId('capture-note').waitFor()
    const frame = page.getByTestId('first-frame').locator('img')
    await frame.waitFor()
    expect(
      await frame.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])
    ).toEqual([384, 216])
    expect(await page.getByTestId('video-mode').textContent()).toContain(en['video.mode.image'])
    await shot(page, 'video-5-frame-captured-en')

    const videoUrl = (await video.getAttribute('src')) ?? ''
    await page.getByTestId('job-delete').click()
    const dialog = page.locator('dialog[open]')
    await dialog.waitFor()
    expect(await dialog.textContent()).toContain(en['video.job.deleteTitle'])
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'video-6-delete-confirm-en')
    await dialog.getByRole('button', { name: en['video.job.deleteConfirm'] }).click()
    await page.getByTestId('jobs-empty').waitFor()
    expect((await getJson<{ items: unknown[] }>(`${demo.url}/api/video/jobs`)).items).toEqual([])
    expect((await fetch(`${demo.url}${videoUrl}`)).status).toBe(404)
    // The captured frame stays for the next job.
    expect(await frame.isVisible()).toBe(true)
    expect(unexpected(tab.problems)).toEqual([])
  }, 60_000)

  test('cancelling the estimate starts nothing', async () => {
    const startedBefore = demo.gemini.video.jobs.length
    const page = await open('/video')
    await page.getByTestId('video-prompt').fill('Waves at dusk')
    await page.getByTestId('video-estimate').click()
    await page.getByTestId('estimate').waitFor()
    await page.keyboard.press('Escape')
    await page.getByTestId('estimate').waitFor({ state: 'hidden' })
    expect(demo.gemini.video.jobs).toHaveLength(startedBefore)
    expect(await card(page).count()).toBe(0)
    expect(unexpected(tab.problems)).toEqual([])
  })
})

describe('following jobs', () => {
  test('a reload during a running job resumes its progress, which then reaches the video', async () => {
    demo.gemini.video.script({ polls: 24, video: DEMO_VIDEO })
    const page = await open('/video')
    await startJob(page, 'A lighthouse at night, slow orbit')
    await card(page, 'running').waitFor()
    await page.waitForFunction(() => {
      const bar = document.querySelector('[role=progressbar]')
      return Number(bar?.getAttribute('aria-valuenow')) > 0
    })
    const before = await progressOf(page)
    await page.reload()
    await card(page, 'running').waitFor()
    await page.getByTestId('job-follow').getByText(en['video.job.live']).waitFor()
    expect(await progressOf(page)).toBeGreaterThanOrEqual(before)
    expect(await page.getByTestId('job-elapsed').textContent()).not.toContain('0:00')
    await shot(page, 'video-7-resumed-after-reload-en')
    await card(page, 'succeeded').waitFor({ timeout: 30_000 })
    expect(unexpected(tab.problems)).toEqual([])
  }, 60_000)

  test('a job started on another device shows up in the list, and its video can be extended', async () => {
    const page = await open('/video')
    const res = await fetch(`${demo.url}/api/video/jobs`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ mode: 'text', prompt: 'Started elsewhere', aspectRatio: '9:16' }),
    })
    expect(res.status).toBe(202)
    await page.getByTestId('jobs-refresh').click()
    await card(page).getByText('Started elsewhere').waitFor()
    await card(page, 'succeeded').waitFor({ timeout: 20_000 })

    await page.getByTestId('job-extend').click()
    await page.getByTestId('source-video').waitFor()
    expect(await page.getByTestId('video-mode').textContent()).toContain(en['video.mode.extend'])
    expect(await page.getByTestId('option-ratio').isDisabled()).toBe(true)
    expect(await page.getByTestId('option-ratio').inputValue()).toBe('9:16')
    await startJob(page, 'The camera keeps rising over the city')
    await card(page).first().getByText(en['video.mode.extend'], { exact: false }).waitFor()
    await card(page, 'succeeded').nth(1).waitFor({ timeout: 20_000 })
    expect(demo.gemini.video.jobs.at(-1)?.body?.previous_interaction_id).toBeString()
    expect(unexpected(tab.problems)).toEqual([])
  }, 60_000)

  test('when the event stream is blocked, polling brings the job to its end', async () => {
    demo.gemini.video.script({ polls: 1, video: DEMO_VIDEO })
    const page = await open('/video')
    await page.route('**/api/video/jobs/*/events', (route) =>
      route.fulfill({ status: 502, contentType: 'text/plain', body: 'bad gateway' })
    )
    await startJob(page, 'Rain on a neon street')
    await page
      .getByTestId('job-follow')
      .getByText('Checking every 5 s')
      .waitFor({ timeout: 20_000 })
    await card(page, 'succeeded').waitFor({ timeout: 30_000 })
    expect(unexpected(tab.problems, [/status of 502/])).toEqual([])
  }, 60_000)

  test('a failed job shows its reason, in English and in Chinese', async () => {
    demo.gemini.video.script({ outcome: 'fail' })
    let page = await open('/video')
    await startJob(page, 'A red bicycle in the rain')
    await card(page, 'failed').waitFor({ timeout: 20_000 })
    expect(await page.getByTestId('job-reason').textContent()).toBe(
      en['video.failure.video_failed']
    )
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'video-8-failed-en')
    await tab.close()

    page = await open('/video', 'zh-CN')
    await card(page, 'failed').waitFor()
    expect(await page.getByTestId('job-reason').textContent()).toBe(
      zhCN['video.failure.video_failed']
    )
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'video-9-failed-zh-CN')
    await page.getByTestId('job-reuse').click()
    expect(await page.getByTestId('video-prompt').inputValue()).toBe('A red bicycle in the rain')
    expect(unexpected(tab.problems)).toEqual([])
  }, 60_000)
})

describe('input images', () => {
  const file = (name: string, bytes: Uint8Array) => {
    const path = join(tmpdir(), name)
    writeFileSync(path, bytes)
    return path
  }
  const warm = pngRgba(64, 36, (x) => [240, 120 + x, 60, 255])
  const cool = pngRgba(64, 36, (x) => [40, 90, 160 + x, 255])

  test('the mode follows the images given; a file of another type is refused before sending', async () => {
    const page = await open('/video?prompt=Sunrise%20over%20the%20roastery')
    const mode = () => page.getByTestId('video-mode').textContent()
    await page.getByTestId('first-frame-file').setInputFiles(file('first.png', warm))
    await page.getByTestId('first-frame').locator('img').waitFor()
    expect(await mode()).toContain(en['video.mode.image'])
    await page.getByTestId('last-frame-file').setInputFiles(file('last.png', cool))
    await page.getByTestId('last-frame').locator('img').waitFor()
    expect(await mode()).toContain(en['video.mode.firstLast'])
    expect(await page.getByTestId('reference-add-pick').isDisabled()).toBe(true)
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'video-12-first-last-frames-en')

    await page.getByTestId('first-frame-remove').click()
    expect(await page.getByTestId('last-frame').locator('img').count()).toBe(0)
    expect(await mode()).toContain(en['video.mode.text'])

    await page
      .getByTestId('reference-add-file')
      .setInputFiles(file('logo.gif', new Uint8Array([71, 73, 70])))
    expect(await page.getByTestId('input-problems').textContent()).toContain('logo.gif')
    await page.getByTestId('reference-add-file').setInputFiles(file('ref-1.png', warm))
    await page.getByTestId('reference-0').locator('img').waitFor()
    expect(await mode()).toContain(en['video.mode.reference'])
    await page.getByTestId('video-estimate').click()
    await page.getByTestId('estimate').waitFor()
    expect(await page.getByTestId('estimate').textContent()).toContain(en['video.mode.reference'])
    await page.keyboard.press('Escape')
    expect(unexpected(tab.problems)).toEqual([])
  })
})

describe('prompt tools', () => {
  test('enhanced descriptions go into the composer', async () => {
    const page = await open('/video?prompt=coffee%20shop%20morning')
    await page.getByTestId('tool-enhance').click()
    await page.getByTestId('enhance-option').nth(2).waitFor()
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'video-10-enhanced-en')
    const chosen =
      (await page.getByTestId('enhance-option').first().locator('.prompt').textContent()) ?? ''
    await page.getByTestId('enhance-use').first().click()
    expect(await page.getByTestId('video-prompt').inputValue()).toBe(chosen.trim())
    expect(unexpected(tab.problems)).toEqual([])
  })

  test('design plans show their sources and Google’s suggestions; a plan’s first frame is made and set', async () => {
    const page = await open('/video?prompt=coffee%20shop%20morning', 'zh-CN')
    await page.getByTestId('tool-design').click()
    await page.getByTestId('design-plan').nth(2).waitFor()
    await page.getByTestId('sources').waitFor()
    await page.getByTestId('search-suggestions').waitFor()
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'video-11-design-plans-zh-CN')
    await page.getByTestId('plan-first-frame').first().click()
    await page.getByTestId('first-frame').locator('img').waitFor()
    expect(await page.getByTestId('video-mode').textContent()).toContain(zhCN['video.mode.image'])
    expect(unexpected(tab.problems)).toEqual([])
  })
})
