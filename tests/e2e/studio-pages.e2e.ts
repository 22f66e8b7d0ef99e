/**
 * Every route of the studio, opened directly and reloaded (deep links), with axe-core finding no
 * serious or critical violation, in both languages; the brand editor filled by "analyse my
 * site", exported and re-imported (an invalid file refused with its problems); the SEO workspace
 * without a project. Against the demo stack in Chromium, at 1024 px wide.
 */
import { describe, expect, test } from 'bun:test'
import { readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import type { WatchedPage } from './support/browser'
import { seriousViolations, shot } from './support/studio'
import { demoSuite } from './support/suite'
import { unexpected } from './support/target'

const suite = demoSuite()
let tab: WatchedPage

async function open(path: string, locale = 'en'): Promise<Page> {
  tab = await suite.open()
  await tab.page.setViewportSize({ width: 1024, height: 800 })
  await tab.page.goto(`${suite.demo.url}/`)
  await tab.page.getByTestId('language').selectOption(locale)
  await tab.page.goto(`${suite.demo.url}${path}`)
  await tab.page.locator('main h1').waitFor()
  return tab.page
}

const ROUTES: [string, string, string][] = [
  ['/', 'launch-prompt', 'page-launch'],
  ['/seo/diagnosis', 'seo-start', 'page-seo-start'],
  ['/seo/publish', 'seo-start', 'page-seo-publish-without-project'],
  ['/brand', 'brand-editor', 'page-brand-empty'],
  ['/image?prompt=a%20red%20bicycle', 'image-prompt', 'page-image'],
  ['/video?prompt=waves%20at%20dusk', 'video-prompt', 'page-video'],
  ['/no/such/page', 'not-found', 'page-not-found'],
]

describe('every route, directly and after a reload', () => {
  for (const locale of ['en', 'zh-CN']) {
    test(`each page renders, survives a reload and passes axe-core (${locale})`, async () => {
      for (const [path, testid, name] of ROUTES) {
        const page = await open(path, locale)
        await page.getByTestId(testid).waitFor()
        await page.reload()
        await page.getByTestId(testid).waitFor()
        expect(await page.locator('html').getAttribute('lang')).toBe(locale)
        expect(await seriousViolations(page), path).toEqual([])
        await shot(page, `${name}-${locale}`)
        expect(unexpected(tab.problems)).toEqual([])
        await tab.close()
      }
    }, 90_000)
  }

  test('a step opened before the project reaches it says so and links back', async () => {
    const page = await open(`/seo/diagnosis?url=${encodeURIComponent(suite.demo.sampleSite)}`)
    await page.getByTestId('core-insight').waitFor()
    await page.goto(`${suite.demo.url}/seo/brief`)
    await page.getByTestId('step-locked').waitFor()
    // The diagnosis is done, so the project stands at the competitors step.
    await page.getByTestId('step-locked').getByRole('link').click()
    await page.waitForURL((url) => url.pathname === '/seo/competitors')
    expect(await seriousViolations(page)).toEqual([])
    expect(unexpected(tab.problems)).toEqual([])
  }, 60_000)

  test('the SEO diagnosis in Chinese', async () => {
    const page = await open(
      `/seo/diagnosis?url=${encodeURIComponent(suite.demo.sampleSite)}`,
      'zh-CN'
    )
    await page.getByTestId('core-insight').waitFor()
    expect(await page.getByTestId('core-insight').textContent()).toContain('产品页很扎实')
    await shot(page, 'seo-1-diagnosis-zh-CN')
    expect(unexpected(tab.problems)).toEqual([])
  }, 60_000)
})

describe('brand editor', () => {
  test('analyse my site fills the profile and assets; export, then an invalid and a valid import', async () => {
    const page = await open('/brand')
    await page.getByTestId('analyse-url').fill(suite.demo.sampleSite)
    await page.getByTestId('analyse-submit').click()
    await page.locator('.done').waitFor()
    expect(await page.getByTestId('brand-name-input').inputValue()).toBe(
      'Northwind Coffee Roasters'
    )
    expect(await page.getByTestId('brand-industry-input').inputValue()).toBe(
      'Specialty coffee e-commerce'
    )
    expect(await page.getByTestId('project').count()).toBe(1)
    await page.locator('[data-testid="asset-grid"] img').first().waitFor()
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'brand-editor-analysed')

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-profile').click(),
    ])
    const exported = JSON.parse(readFileSync((await download.path()) as string, 'utf8'))
    expect(exported.globalInfo.brand_name).toBe('Northwind Coffee Roasters')
    expect(exported.projects[0].project_url).toBe(suite.demo.sampleSite)

    const dir = tmpdir()
    const invalid = join(dir, 'invalid-profile.json')
    writeFileSync(invalid, JSON.stringify({ globalInfo: { brand_name: 42 }, projects: 'none' }))
    await page.getByTestId('import-profile').setInputFiles(invalid)
    await page.getByTestId('import-problems').waitFor()
    expect(await page.getByTestId('import-problems').textContent()).toContain(
      'globalInfo.brand_name'
    )
    expect(await page.getByTestId('brand-name-input').inputValue()).toBe(
      'Northwind Coffee Roasters'
    )

    const valid = join(dir, 'valid-profile.json')
    writeFileSync(
      valid,
      JSON.stringify({
        ...exported,
        globalInfo: { ...exported.globalInfo, brand_name: 'Northwind Roasters' },
      })
    )
    await page.getByTestId('import-profile').setInputFiles(valid)
    await page.getByText('Brand profile imported.').waitFor()
    expect(await page.getByTestId('brand-name-input').inputValue()).toBe('Northwind Roasters')
    // The profile comes back from the server after a reload (the address names it).
    await page.reload()
    await page.waitForFunction(
      () =>
        (document.querySelector('[data-testid="brand-name-input"]') as HTMLInputElement | null)
          ?.value === 'Northwind Roasters'
    )
    expect(new URL(page.url()).searchParams.get('profile')).toMatch(/^brand-/)
    expect(unexpected(tab.problems)).toEqual([])
  }, 60_000)
})
