/**
 * What grounded answers rest on, shown in Chromium under the app's real Content Security Policy:
 * sources labelled by their domain and linked through Google's redirect, and Google's search
 * suggestions rendered as sent (chips visible and styled) in a sandboxed frame whose HTML can
 * neither run script, reach the app nor navigate it. Against the demo stack.
 */
import { describe, expect, test } from 'bun:test'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import type { WatchedPage } from './support/browser'
import { SCREENSHOT_DIR, seriousViolations, shot } from './support/studio'
import { demoSuite } from './support/suite'
import { unexpected } from './support/target'
import { walkTo } from './support/walk'

const suite = demoSuite()
let tab: WatchedPage

async function fresh(): Promise<Page> {
  tab = await suite.open()
  await tab.page.setViewportSize({ width: 1024, height: 800 })
  await tab.page.goto(`${suite.demo.url}/`)
  await tab.page.getByTestId('language').selectOption('en')
  return tab.page
}

const suggestions = (page: Page, within = 'diagnosis') =>
  page.getByTestId(within).getByTestId('search-suggestions')

describe('grounding display', () => {
  test('the diagnosis shows its sources by domain and Google’s suggestions, styled, under the CSP', async () => {
    const page = await fresh()
    await walkTo(page, suite.demo, 'diagnosis')

    const links = page.getByTestId('diagnosis').getByTestId('source-link')
    expect(await links.allTextContents()).toEqual([
      'coffee-research.example',
      'barista-guild.example',
    ])
    expect(await links.first().getAttribute('href')).toStartWith(
      'https://vertexaisearch.cloud.google.com/grounding-api-redirect/'
    )

    const frame = suggestions(page)
    expect(await frame.getAttribute('sandbox')).toBe('allow-popups allow-popups-to-escape-sandbox')
    const chip = page
      .frameLocator('[data-testid="diagnosis"] [data-testid="search-suggestions"]')
      .locator('a.chip')
    await chip.first().waitFor()
    expect(await chip.first().isVisible()).toBe(true)
    expect(await chip.first().textContent()).toBe('pour over coffee')
    // Google's own inline stylesheet applies inside the frame.
    expect(await chip.first().evaluate((a) => getComputedStyle(a).borderRadius)).toBe('16px')
    expect(
      await chip.first().evaluate((a) => a.closest('html')?.querySelector('base')?.target)
    ).toBe('_blank')
    expect(await seriousViolations(page)).toEqual([])
    await frame.scrollIntoViewIfNeeded()
    await frame.screenshot({ path: join(SCREENSHOT_DIR, 'seo-grounding-suggestions.png') })
    expect(unexpected(tab.problems)).toEqual([])
  }, 60_000)

  test('suggestion HTML can neither run script in the app, nor reach it, nor navigate it', async () => {
    const page = await fresh()
    const hostile = [
      '<script>document.documentElement.dataset.ran = "1"; parent.__pwned = 1</script>',
      '<img src="https://evil.example/x.png" onerror="top.__pwned = 2">',
      '<a id="top-link" target="_top" href="/brand">leave</a>',
      '<form action="/brand" target="_top"><button id="top-form">go</button></form>',
      '<meta http-equiv="refresh" content="0;url=/brand">',
    ].join('')
    await page.route('**/api/seo/diagnosis', async (route) => {
      const response = await route.fetch()
      if (response.status() !== 200) throw new Error(`diagnosis: HTTP ${response.status()}`)
      const body = await response.json()
      await route.fulfill({ response, json: { ...body, searchEntryPoints: [hostile] } })
    })
    await walkTo(page, suite.demo, 'diagnosis')
    const app = new URL(page.url())
    const frame = page.frameLocator('[data-testid="diagnosis"] [data-testid="search-suggestions"]')
    await frame.locator('#top-link').click()
    await frame.locator('#top-form').click()
    await page.waitForTimeout(800)

    expect(new URL(page.url()).pathname).toBe(app.pathname)
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned ?? null)).toBeNull()
    expect(await frame.locator('html[data-ran]').count()).toBe(0)
    await page.getByTestId('core-insight').waitFor()
    // What the browser says about what it refused inside the frame is expected here.
    const refused = [/sandboxed/i, /Content Security Policy/i, /evil\.example/, /ERR_BLOCKED/]
    expect(unexpected(tab.problems, refused)).toEqual([])
  }, 60_000)

  test('the research notes (streamed) show their sources and suggestions', async () => {
    const page = await fresh()
    await walkTo(page, suite.demo, 'editing')
    const research = page.getByTestId('research')
    await research.getByTestId('source-link').first().waitFor({ state: 'attached' })
    expect(await research.getByTestId('source-link').first().textContent()).toBe(
      'coffee-research.example'
    )
    const chip = page
      .frameLocator('[data-testid="research"] [data-testid="search-suggestions"]')
      .locator('a.chip')
    expect(await chip.first().textContent()).toBe('pour over coffee')
    await shot(page, 'seo-6-editing-research-grounding')
    expect(unexpected(tab.problems)).toEqual([])
  }, 90_000)
})
