/**
 * The SEO workspace end to end in Chromium, against the built client served by the real app with
 * the demo model behind the fake Gemini and a sample website: from the launch box through every
 * step to the publish card and both downloads, at 1024 px wide, with axe-core on every step and a
 * screenshot of each. Run with `bun run test:e2e`.
 */
import { describe, expect, test } from 'bun:test'
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import type { WatchedPage } from './support/browser'
import { seriousViolations, shot } from './support/studio'
import { demoSuite } from './support/suite'
import { unexpected } from './support/target'
import { at } from './support/walk'

const suite = demoSuite()
let tab: WatchedPage

async function open(path: string): Promise<Page> {
  tab = await suite.open()
  await tab.page.setViewportSize({ width: 1024, height: 800 })
  await tab.page.goto(`${suite.demo.url}${path}`)
  await tab.page.locator('main h1').waitFor()
  return tab.page
}

async function expectAccessible(page: Page) {
  expect(await seriousViolations(page)).toEqual([])
}

const path = (page: Page) => new URL(page.url()).pathname

describe('one full SEO pass', () => {
  test('launch box -> diagnosis -> competitors -> analysis -> strategy -> brief -> article -> pre-flight -> publish, with both downloads', async () => {
    const page = await open('/')
    await page.getByTestId('language').selectOption('en')
    await page.getByTestId('demo-banner').waitFor()
    await expectAccessible(page)
    await shot(page, 'launch')

    await page
      .getByTestId('launch-prompt')
      .fill(`Improve the content SEO of ${suite.demo.sampleSite}`)
    await page.getByTestId('launch-prompt').press('Enter')
    await at(page, 'diagnosis')
    await page.getByTestId('brand-name').waitFor()
    expect(await page.getByTestId('brand-name').textContent()).toBe('Northwind Coffee Roasters')
    await page.getByTestId('core-insight').waitFor()
    expect(await page.getByTestId('score-gauge').textContent()).toContain('58')
    expect(await page.getByTestId('step-competitors').evaluate((e) => e.tagName)).toBe('A')
    expect(await page.getByTestId('step-publish').evaluate((e) => e.tagName)).toBe('SPAN')
    await expectAccessible(page)
    await shot(page, 'seo-1-diagnosis')

    await page.getByTestId('to-competitors').click()
    await page.waitForURL((url) => url.pathname === '/seo/competitors')
    await page.getByTestId('competitors').waitFor()
    const boxes = page.locator('[data-testid="competitors"] input[type="checkbox"]')
    expect(await boxes.count()).toBe(4)
    expect(await page.locator('[data-testid="competitors"] input:checked').count()).toBe(3)
    expect(await boxes.nth(3).isDisabled()).toBe(true)
    await page.getByTestId('add-competitor-url').fill('not a site')
    await page.getByTestId('add-competitor').getByRole('button').click()
    expect(await page.locator('#add-competitor-problem').textContent()).toContain('not a website')
    await page.getByTestId('add-competitor-url').fill(suite.demo.sampleSite)
    await page.getByTestId('add-competitor').getByRole('button').click()
    expect(await page.locator('#add-competitor-problem').textContent()).toContain('your own site')
    await boxes.nth(2).uncheck()
    await page.getByTestId('add-competitor-url').fill('www.brew-lab.example')
    await page.getByTestId('add-competitor').getByRole('button').click()
    await page.getByText('Added by you').waitFor()
    expect(await page.locator('[data-testid="competitors"] input:checked').count()).toBe(3)
    await expectAccessible(page)
    await shot(page, 'seo-2-competitors')

    await page.getByTestId('analyse-competitors').click()
    await page.waitForURL((url) => url.pathname === '/seo/analysis')
    expect(await page.getByTestId('competitor-review').count()).toBe(3)
    expect(await page.getByTestId('analysis').textContent()).toContain(
      'https://www.brew-lab.example'
    )
    await expectAccessible(page)
    await shot(page, 'seo-3-analysis')

    await page.getByTestId('to-strategy').click()
    await page.waitForURL((url) => url.pathname === '/seo/strategy')
    expect(await page.getByTestId('strategy-option').count()).toBe(3)
    await expectAccessible(page)
    await shot(page, 'seo-4-strategy')

    await page.getByTestId('strategy-option').first().getByRole('button').click()
    await page.waitForURL((url) => url.pathname === '/seo/brief')
    const keyword = page.getByTestId('brief-keyword')
    expect(await keyword.inputValue()).toBe('pour over coffee')
    await keyword.fill('')
    expect(await page.getByTestId('brief-confirm').isDisabled()).toBe(true)
    await keyword.fill('pour over coffee')
    await page.getByTestId('brief-title').fill('Pour Over Coffee at Home: The Complete Guide')
    await expectAccessible(page)
    await shot(page, 'seo-5-brief')

    await page.getByTestId('brief-confirm').click()
    await page.waitForURL((url) => url.pathname === '/seo/editing')
    await page.getByTestId('article-view').waitFor()
    await page.getByTestId('preflight').waitFor()
    expect(await page.getByTestId('article-view').locator('h1').textContent()).toContain(
      'pour over coffee'
    )
    expect(await page.getByTestId('preflight-issue').count()).toBeGreaterThan(0)
    await expectAccessible(page)
    await shot(page, 'seo-6-editing')

    await page.getByTestId('auto-fix').click()
    await page.getByTestId('fix-review').waitFor()
    expect(await page.locator('[data-testid="fix-diff"] ins').first().textContent()).toContain(
      'directly from farmers'
    )
    await expectAccessible(page)
    await shot(page, 'seo-6-auto-fix-diff')
    await page.getByTestId('fix-accept').click()
    await page.getByTestId('fix-review').waitFor({ state: 'detached' })
    await page.getByTestId('preflight').waitFor()
    expect(await page.getByTestId('article-view').textContent()).toContain('directly from farmers')

    await page.getByTestId('approve').click()
    await page.waitForURL((url) => url.pathname === '/seo/publish')
    await page.getByTestId('seo-title').waitFor()
    expect(await page.getByTestId('seo-slug').textContent()).toBe('pour-over-coffee')
    expect(await page.getByTestId('serp-preview').textContent()).toContain('northwind-coffee.test')
    await expectAccessible(page)
    await shot(page, 'seo-7-publish')

    const [md] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-md').click(),
    ])
    expect(md.suggestedFilename()).toBe('pour-over-coffee.md')
    const markdown = readFileSync((await md.path()) as string, 'utf8')
    expect(markdown).toStartWith('# The Complete Guide to pour over coffee')
    expect(markdown).toContain('directly from farmers')

    const [html] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-html').click(),
    ])
    expect(html.suggestedFilename()).toBe('pour-over-coffee.html')
    const doc = readFileSync((await html.path()) as string, 'utf8')
    expect(doc).toContain('<title>pour over coffee: The Complete Guide</title>')
    expect(doc).toContain('<html lang="en">')
    expect(doc).toContain('<h1>The Complete Guide to pour over coffee</h1>')
    expect(doc).not.toContain('<script')
    expect(unexpected(tab.problems)).toEqual([])

    // Every step of the project comes back on a reload of its address.
    for (const [step, testid] of [
      ['diagnosis', 'diagnosis'],
      ['competitors', 'competitors'],
      ['analysis', 'analysis'],
      ['strategy', 'strategy-board'],
      ['brief', 'brief-editor'],
      ['editing', 'article-view'],
      ['publish', 'publish'],
    ] as const) {
      await page.goto(`${suite.demo.url}/seo/${step}`)
      await page.getByTestId(testid).waitFor()
      expect(path(page)).toBe(`/seo/${step}`)
    }
    expect(unexpected(tab.problems)).toEqual([])
  }, 120_000)
})
