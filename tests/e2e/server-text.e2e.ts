/**
 * What the server says reaches the screen in the user's language, and an error names its real
 * cause: a Chinese SEO diagnosis of a site with pages that cannot be read lists its notes in
 * Chinese (nothing English beyond URLs and status codes), and re-words them on a language
 * switch; a website whose host name does not resolve is titled as a website problem, with the
 * reason, the request id and no "try again", in both languages. axe-core finds no serious or
 * critical violation. Against the demo stack in Chromium.
 */
import { describe, expect, test } from 'bun:test'
import type { Page } from 'playwright-core'
import type { WatchedPage } from './support/browser'
import { seriousViolations, shot } from './support/studio'
import { demoSuite } from './support/suite'
import { unexpected } from './support/target'

const suite = demoSuite()
let tab: WatchedPage

async function open(path: string, locale: string): Promise<Page> {
  tab = await suite.open(locale)
  await tab.page.setViewportSize({ width: 1024, height: 900 })
  await tab.page.goto(`${suite.demo.url}${path}`)
  await tab.page.locator('main h1').waitFor()
  return tab.page
}

const diagnosisOf = (site: string) => `/seo/diagnosis?url=${encodeURIComponent(site)}`

/** Letters of each script in `text`, leaving out URLs and HTTP status codes. */
function scripts(text: string) {
  const rest = text.replace(/https?:\/\/[^\s：，。]+/g, ' ').replace(/HTTP \d{3}/g, ' ')
  return {
    cjk: rest.match(/[\u3400-\u9fff]/g)?.length ?? 0,
    latin: rest.match(/[A-Za-z]/g)?.length ?? 0,
    /** Three Latin words in a row: the shape of an English sentence. */
    english: rest.match(/[A-Za-z]+(?:[\s,.;:'-]+[A-Za-z]+){2,}/g) ?? [],
  }
}

describe('notes beside a result', () => {
  test('a Chinese diagnosis of a site with unreadable pages lists every note in Chinese', async () => {
    const page = await open(diagnosisOf(suite.demo.sampleSite), 'zh-CN')
    const notes = page.getByTestId('brand-status').getByTestId('analysis-warnings').locator('li')
    await notes.first().waitFor()
    await page.getByTestId('core-insight').waitFor()
    // What the analysis found is saved as the site's profile, and the choice says so.
    await page.waitForFunction(() =>
      document
        .querySelector('[data-testid="profile-choice"] option:checked')
        ?.textContent?.endsWith('（已保存）')
    )
    const texts = await notes.allTextContents()
    // The demo site links /shop and /about, which answer 404: skipped, so only the first page is read.
    expect(texts.filter((t) => t.startsWith('已跳过页面')).length).toBeGreaterThanOrEqual(1)
    expect(texts).toContain('只读取到了网站的第一个页面，品牌档案仅以此为依据。')
    expect(texts.some((t) => t.includes('“美国”'))).toBe(true)
    for (const text of texts) {
      const { cjk, latin, english } = scripts(text)
      expect(english, text).toEqual([])
      expect(cjk / (cjk + latin), text).toBeGreaterThan(0.9)
    }
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'server-text-brand-notes-zh-CN')

    // The same notes in English after a switch, without asking the server again.
    await page.getByTestId('language').selectOption('en')
    const english = await notes.allTextContents()
    expect(english).toContain(
      'Only the first page of the site could be read; the profile rests on it alone.'
    )
    expect(english.some((t) => /^Skipped the page .*: the site answered HTTP 404/.test(t))).toBe(
      true
    )
    expect(unexpected(tab.problems)).toEqual([])
  }, 60_000)
})

describe('an address whose host does not resolve', () => {
  const missingSite = 'https://no-such-host.example'

  for (const [locale, title, reason, retry, unsaved] of [
    ['zh-CN', '无法读取该网站', '原因：域名无法解析。', '重试', '（尚未保存）'],
    [
      'en',
      'The website could not be read',
      'Reason: the host name could not be resolved.',
      'Try again',
      '(not saved yet)',
    ],
  ] as const) {
    test(`is a website problem, not an AI one, with no retry (${locale})`, async () => {
      const page = await open(diagnosisOf(missingSite), locale)
      const card = page.getByTestId('brand-status').getByTestId('api-error')
      await card.waitFor()
      expect(await card.getAttribute('data-code')).toBe('site_dns_failed')
      expect(await card.getByTestId('error-title').textContent()).toBe(title)
      expect(await card.getByTestId('error-reason').textContent()).toBe(reason)
      const text = (await card.textContent()) ?? ''
      expect(text).not.toMatch(/AI/)
      expect(text).toMatch(/(请求 ID：|Request ID: )\S{8,}/)
      // The address is wrong: trying it again cannot help, so no button offers to.
      expect(await card.getByRole('button', { name: retry }).count()).toBe(0)
      // Nothing was read, so nothing was saved: the profile in use says so.
      const chosen = page.getByTestId('profile-choice').locator('option:checked')
      expect(await chosen.textContent()).toEndWith(unsaved)
      if (locale === 'zh-CN') {
        const { english } = scripts(text.replace(/请求 ID：\S+/, ''))
        expect(english).toEqual([])
      }
      expect(await seriousViolations(page)).toEqual([])
      await shot(page, `server-text-dns-error-${locale}`)
      expect(unexpected(tab.problems, [/status of 502/])).toEqual([])
    }, 60_000)
  }
})
