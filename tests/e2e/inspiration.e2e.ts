/**
 * The launch page's inspiration gallery in Chromium: against the demo stack (AI configured) the
 * thumbnails come from this server's `/api/image/inspiration` and `/media` only when the gallery
 * is scrolled into view, the tabs work from the keyboard, and a card fills the prompt box; with
 * no AI configured no thumbnail is asked for and the cards keep their placeholders.
 */
import { describe, expect, test } from 'bun:test'
import type { WatchedPage } from './support/browser'
import { seriousViolations, shot } from './support/studio'
import { demoSuite } from './support/suite'
import { targetServer, unexpected } from './support/target'

const suite = demoSuite()
let tab: WatchedPage

describe('inspiration gallery', () => {
  test('thumbnails load from this server once the gallery is in view; a card fills the box', async () => {
    tab = await suite.open()
    const { page } = tab
    await page.setViewportSize({ width: 1024, height: 800 })
    const hosts = new Set<string>()
    const asked: string[] = []
    page.on('request', (r) => {
      hosts.add(new URL(r.url()).host)
      if (r.url().endsWith('/api/image/inspiration')) asked.push(r.postDataJSON().prompt)
    })
    await page.goto(`${suite.demo.url}/`)
    await page.getByTestId('language').selectOption('en')
    await page.getByTestId('inspiration').waitFor()
    expect(asked).toEqual([])

    await page.getByTestId('inspiration').scrollIntoViewIfNeeded()
    await page.getByTestId('inspiration-thumb').first().waitFor()
    expect(asked.length).toBeGreaterThan(0)
    expect(await page.getByTestId('inspiration-thumb').first().getAttribute('src')).toMatch(
      /^\/media\//
    )

    const tabs = page.getByTestId('gallery-tab')
    await tabs.first().focus()
    await page.keyboard.press('ArrowRight')
    expect(await tabs.nth(1).getAttribute('aria-selected')).toBe('true')
    await page.keyboard.press('ArrowRight')
    expect(await tabs.nth(2).getAttribute('aria-selected')).toBe('true')
    const cards = page.getByTestId('inspiration-card')
    expect(await cards.count()).toBe(3)
    await cards.first().click()
    expect(await page.getByTestId('launch-prompt').inputValue()).toContain(
      'poster image of a coffee shop'
    )
    expect(await cards.first().getAttribute('aria-pressed')).toBe('true')
    await page.getByTestId('inspiration-thumb').nth(2).waitFor()
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'launch-inspiration-en')
    expect([...hosts]).toEqual([new URL(suite.demo.url).host])
    expect(unexpected(tab.problems)).toEqual([])
  }, 60_000)

  test('without AI no thumbnail is asked for; the cards show placeholders', async () => {
    const server = await targetServer()
    try {
      tab = await suite.open()
      const { page } = tab
      let asked = 0
      page.on('request', (r) => {
        if (r.url().includes('/api/image/inspiration')) asked++
      })
      await page.goto(`${server.url}/`)
      await page.getByTestId('ai-banner').waitFor()
      await page.getByTestId('inspiration').scrollIntoViewIfNeeded()
      await page.getByTestId('inspiration-card').first().waitFor()
      expect(asked).toBe(0)
      expect(await page.getByTestId('inspiration-thumb').count()).toBe(0)
      expect(await seriousViolations(page)).toEqual([])
      await shot(page, 'launch-inspiration-no-ai-zh-CN')
      expect(unexpected(tab.problems)).toEqual([])
    } finally {
      await server.stop()
    }
  }, 60_000)
})
