/**
 * Search Console in the SEO workspace, in Chromium against the demo stack (the fake Search
 * Console serves the demo site's data through real ADC): connecting the property in the
 * diagnosis step (its data beside the model's view, with the source named and a sparkline that
 * has a text alternative), then the strategy step showing quick wins, competing pages and gaps,
 * and a board whose every strategy cites rows of that data; in both languages, axe-clean.
 */
import { describe, expect, test } from 'bun:test'
import type { Page } from 'playwright-core'
import { DEMO_PROPERTY } from '../support/demo/stack'
import { seriousViolations, shot } from './support/studio'
import { demoSuite } from './support/suite'
import { at, walkTo } from './support/walk'

const suite = demoSuite()

const COPY = {
  en: {
    source: 'Source: Google Search Console',
    quickWins: 'Quick wins',
    cites: 'Based on your Search Console data',
  },
  'zh-CN': {
    source: '来源：Google Search Console',
    quickWins: '快速机会',
    cites: '依据你的 Search Console 数据',
  },
} as const

async function open(locale: keyof typeof COPY): Promise<Page> {
  const tab = await suite.open()
  await tab.page.setViewportSize({ width: 1280, height: 900 })
  await tab.page.goto(`${suite.demo.url}/`)
  await tab.page.getByTestId('language').selectOption(locale)
  return tab.page
}

describe('Search Console in the SEO workspace', () => {
  for (const locale of ['en', 'zh-CN'] as const) {
    test(`connecting the property, then a strategy board that cites its rows (${locale})`, async () => {
      const page = await open(locale)
      const copy = COPY[locale]
      await walkTo(page, suite.demo, 'diagnosis')

      // The properties the server's account can read, and the account to add elsewhere.
      await page.getByTestId('sc-list').click()
      await page.getByTestId('sc-sites').getByText(DEMO_PROPERTY).waitFor()
      expect(await page.getByTestId('sc-account').textContent()).toContain(
        'ais-studio@test-project.iam.gserviceaccount.com'
      )
      expect(await page.getByTestId('sc-property').inputValue()).toBe(DEMO_PROPERTY)
      await page.getByTestId('sc-connect').click()

      await page.getByTestId('sc-data').waitFor()
      expect(await page.getByTestId('sc-source').textContent()).toContain(copy.source)
      expect(await page.getByTestId('sc-source').textContent()).toContain(DEMO_PROPERTY)
      const queries = page.getByTestId('sc-top-queries').locator('tbody tr')
      expect(await queries.count()).toBe(9)
      expect(await queries.first().locator('th').textContent()).toBe('single origin coffee beans')
      const spark = page.getByTestId('sparkline').first()
      expect(await spark.getAttribute('role')).toBe('img')
      expect((await spark.getAttribute('aria-label'))?.length).toBeGreaterThan(10)
      await page.locator('[data-testid="sparkline"] canvas').first().waitFor()
      // The model's keywords beside the real rankings.
      expect(await page.getByTestId('sc-compare').locator('li').count()).toBeGreaterThan(0)
      expect(await seriousViolations(page)).toEqual([])
      await shot(page, `sc-diagnosis-${locale}`)

      await page.getByTestId('to-competitors').click()
      await at(page, 'competitors')
      await page.getByTestId('analyse-competitors').click()
      await at(page, 'analysis')
      await page.getByTestId('to-strategy').click()
      await at(page, 'strategy')
      await page.getByTestId('strategy-option').first().waitFor()

      const insights = page.getByTestId('sc-insights')
      expect(await insights.getByTestId('sc-quick-wins').textContent()).toContain(copy.quickWins)
      expect(await insights.getByTestId('sc-quick-wins').textContent()).toContain(
        'pour over coffee'
      )
      expect(await insights.getByTestId('sc-cannibalisation').textContent()).toContain(
        'pour over coffee'
      )
      expect(await insights.getByTestId('sc-gaps').textContent()).toContain('how to grind coffee')

      // Every strategy cites rows of the report, by the ids the insights show.
      const options = page.getByTestId('strategy-option')
      expect(await options.count()).toBe(3)
      for (let i = 0; i < 3; i++) {
        const evidence = options.nth(i).getByTestId('strategy-evidence')
        expect(await evidence.textContent()).toContain(copy.cites)
        expect(await evidence.locator('li').count()).toBeGreaterThan(0)
      }
      expect(await options.first().getByTestId('evidence-w1').textContent()).toContain(
        'pour over coffee'
      )
      expect(await seriousViolations(page)).toEqual([])
      await shot(page, `sc-strategy-${locale}`)
    }, 90_000)
  }
})
