/**
 * The brand kit in the brand editor, in Chromium against the demo stack: "analyse my site" fills
 * the logo, colours and language it measured; colours, fonts, social profiles and the market are
 * edited and checked with the server's schema (an invalid value is named and not saved); another
 * asset becomes the logo; text typed and not yet committed survives the kit changing meanwhile;
 * after a reload the kit comes back from the server.
 */
import { describe, expect, test } from 'bun:test'
import type { Page } from 'playwright-core'
import type { WatchedPage } from './support/browser'
import { untilJson } from './support/server-json'
import { seriousViolations, shot } from './support/studio'
import { demoSuite } from './support/suite'
import { unexpected } from './support/target'

const suite = demoSuite()
let tab: WatchedPage

type SavedProfile = { document: { profile: { globalInfo: { kit?: Record<string, unknown> } } } }

/** Waits until the server keeps a kit that passes `check` (404 while the first save is on its way). */
async function untilSaved(id: string, check: (kit: Record<string, unknown>) => boolean) {
  const saved = await untilJson<SavedProfile>(
    `${suite.demo.url}/api/library/brand-profiles/${id}`,
    (body) => {
      const kit = body.document.profile.globalInfo.kit
      return Boolean(kit && check(kit))
    }
  )
  return saved.document.profile.globalInfo.kit as Record<string, unknown>
}

/**
 * Field `testid` committed from a script (value set, `change` sent), without moving the focus: the
 * kit changes while the user is still typing elsewhere, as when an autosave or the kit's check
 * lands mid-typing.
 */
async function commitMeanwhile(page: Page, testid: string, value: string) {
  await page.evaluate(
    ([id, text]) => {
      const field = document.querySelector(`[data-testid="${id}"]`) as HTMLInputElement
      field.value = text
      field.dispatchEvent(new Event('change', { bubbles: true }))
    },
    [testid, value] as const
  )
}

describe('brand kit', () => {
  test('analysis fills the kit; edits are checked with the schema, saved, and come back after a reload', async () => {
    tab = await suite.open()
    const { page } = tab
    await page.setViewportSize({ width: 1024, height: 800 })
    await page.goto(`${suite.demo.url}/brand`)
    await page.getByTestId('language').selectOption('en')
    await page.getByTestId('analyse-url').fill(suite.demo.sampleSite)
    await page.getByTestId('analyse-submit').click()
    await page.locator('.done').waitFor()
    const kit = page.getByTestId('brand-kit')
    await kit.getByTestId('kit-logo-image').waitFor()
    const firstLogo = await kit.getByTestId('kit-logo-image').getAttribute('src')
    expect(firstLogo).toStartWith('/media/')
    expect(await kit.getByTestId('kit-color').count()).toBeGreaterThan(0)
    expect(await kit.getByTestId('kit-language').inputValue()).toBe('en')
    const id = new URL(page.url()).searchParams.get('profile') ?? ''

    await kit.getByTestId('kit-add-color').click()
    const hex = kit.getByTestId('kit-color-hex').last()
    await hex.fill('green')
    await kit.getByTestId('kit-problems').waitFor()
    expect(await kit.textContent()).toContain('Must be a colour such as #1f6f5c')
    await page.locator('[data-testid="save-status"][data-status="error"]').waitFor()
    await hex.fill('#1F6F5C')
    await kit.getByTestId('kit-color-role').last().selectOption('accent')
    await kit.getByTestId('kit-problems').waitFor({ state: 'detached' })

    await kit.getByTestId('kit-add-font').click()
    await kit.getByTestId('kit-font-family').last().fill('Fraunces')
    await kit.getByTestId('kit-font-role').last().selectOption('heading')
    await kit.getByTestId('kit-add-social').click()
    await kit.getByTestId('kit-social-network').last().fill('instagram')
    await kit.getByTestId('kit-social-url').last().fill('https://instagram.com/northwind')
    await kit.getByTestId('kit-region').fill('GB')
    await kit.getByTestId('kit-region').press('Tab')
    // Text typed and not yet committed survives a re-render of its section: the kit's language
    // changes meanwhile (and is checked: an invalid tag) while the currency keeps the focus.
    const currency = kit.getByTestId('kit-currency')
    await currency.fill('GBP')
    await commitMeanwhile(page, 'kit-language', '1')
    await kit.locator('[data-testid="kit-language"][aria-invalid="true"]').waitFor()
    expect(await currency.evaluate((field) => document.activeElement === field)).toBe(true)
    expect(await currency.inputValue()).toBe('GBP')
    await currency.press('Tab')
    await kit.getByTestId('kit-language').fill('en')
    await kit.getByTestId('kit-language').press('Tab')
    await kit.locator('[data-testid="kit-language"][aria-invalid="false"]').waitFor()
    await page.getByTestId('use-as-logo').first().click()
    expect(await kit.getByTestId('kit-logo-image').getAttribute('src')).not.toBe(firstLogo)
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'brand-kit-edited')

    const saved = await untilSaved(
      id,
      (k) => JSON.stringify(k).includes('GBP') && JSON.stringify(k).includes('#1f6f5c')
    )
    expect(JSON.stringify(saved)).toContain('Fraunces')

    await page.reload()
    await page.waitForFunction(
      () =>
        (document.querySelector('[data-testid="kit-currency"]') as HTMLInputElement)?.value ===
        'GBP'
    )
    const hexes = await page
      .getByTestId('kit-color-hex')
      .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))
    expect(hexes).toContain('#1f6f5c')
    expect(await page.getByTestId('kit-font-family').last().inputValue()).toBe('Fraunces')
    expect(await page.getByTestId('kit-social-url').last().inputValue()).toBe(
      'https://instagram.com/northwind'
    )
    expect(unexpected(tab.problems)).toEqual([])
  }, 90_000)
})
