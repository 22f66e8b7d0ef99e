/**
 * The client shell in a real browser against the real server with no credentials: rendering,
 * the language switch and its persistence, the not-configured banner, navigation, deep links,
 * the client not-found page, clean consoles under the CSP, and the caching headers of the build.
 * Run with `bun run test:e2e`.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'bun:test'
import type { Browser } from 'playwright-core'
import { launchBrowser, openPage, type WatchedPage } from './support/browser'
import { targetServer, unexpected, until } from './support/target'

let server: Awaited<ReturnType<typeof targetServer>>
let browser: Browser
let tab: WatchedPage

beforeAll(async () => {
  server = await targetServer()
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

afterEach(async () => {
  await tab?.close()
})

/** A first visit from a browser set to `locale` (Chinese unless a test says otherwise). */
async function open(path: string, locale = 'zh-CN') {
  tab = await openPage(browser, locale)
  await tab.page.goto(`${server.url}${path}`)
  await tab.page.locator('main h1').waitFor()
  return tab.page
}

const heading = (page: WatchedPage['page']) => page.locator('main h1').textContent()

describe('launch page and language', () => {
  for (const path of ['/', '/seo/diagnosis', '/video']) {
    test(`a first visit to ${path} from an English browser is in English from the first byte`, async () => {
      tab = await openPage(browser, 'en-US')
      const response = await tab.page.goto(`${server.url}${path}`)
      // The server chose the shell by Accept-Language: no flash of Chinese before the script runs.
      expect(await response?.text()).toContain('<html lang="en">')
      await tab.page.locator('main h1').waitFor()
      expect(await tab.page.locator('html').getAttribute('lang')).toBe('en')
      expect(await tab.page.getByTestId('language').inputValue()).toBe('en')
      expect(await tab.page.locator('header nav').textContent()).not.toMatch(/[\u4e00-\u9fff]/)
      expect(unexpected(tab.problems)).toEqual([])
    })
  }

  test('a first visit from a browser that lists any Chinese is in Chinese', async () => {
    tab = await openPage(browser, 'zh-TW')
    const response = await tab.page.goto(`${server.url}/`)
    expect(await response?.text()).toContain('<html lang="zh-CN">')
    await tab.page.locator('main h1').waitFor()
    expect(await heading(tab.page)).toBe('今天想做什么增长？')
  })

  test('the stored choice wins over the browser’s languages', async () => {
    const page = await open('/', 'en-US')
    expect(await heading(page)).toBe('What do you want to grow today?')
    await page.getByTestId('language').selectOption('zh-CN')
    await page.reload()
    await page.locator('main h1').waitFor()
    expect(await heading(page)).toBe('今天想做什么增长？')
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN')
  })

  test('/ renders in Chinese by default with the product name and the areas', async () => {
    const page = await open('/')
    expect(await heading(page)).toBe('今天想做什么增长？')
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN')
    expect(await page.title()).toBe('AIS Studio')
    expect(await page.locator('header .brand-name').textContent()).toBe('AIS Studio')
    const nav = await page.locator('header nav a').allTextContents()
    expect(nav.map((s) => s.trim())).toEqual(['首页', 'SEO 内容', '品牌档案', 'AI 图片', 'AI 视频'])
    expect(unexpected(tab.problems)).toEqual([])
  })

  test('the language switch changes the text and <html lang>, and survives a reload', async () => {
    const page = await open('/')
    await page.getByTestId('language').selectOption('en')
    expect(await heading(page)).toBe('What do you want to grow today?')
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    expect(
      await page.locator('header nav').getByRole('link', { name: 'SEO content' }).count()
    ).toBe(1)

    await page.reload()
    await page.locator('main h1').waitFor()
    expect(await heading(page)).toBe('What do you want to grow today?')
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    expect(await page.getByTestId('language').inputValue()).toBe('en')

    await page.getByTestId('language').selectOption('zh-CN')
    expect(await heading(page)).toBe('今天想做什么增长？')
    expect(unexpected(tab.problems)).toEqual([])
  })

  test('the banner says AI is not configured, in both languages', async () => {
    const page = await open('/')
    const banner = page.getByTestId('ai-banner')
    await banner.waitFor()
    expect(await banner.textContent()).toContain('此服务器尚未配置 AI')
    await page.getByTestId('language').selectOption('en')
    expect(await banner.textContent()).toContain('AI is not configured on this server')
    expect(await page.getByTestId('auth-note').count()).toBe(0)
    expect(unexpected(tab.problems)).toEqual([])
  })

  test('an empty prompt is not submitted', async () => {
    const page = await open('/')
    const posts: string[] = []
    page.on('request', (r) => {
      if (r.method() === 'POST') posts.push(r.url())
    })
    const input = page.getByTestId('launch-prompt')
    await input.fill('   ')
    expect(await page.getByTestId('launch-submit').isDisabled()).toBe(true)
    await input.press('Enter')
    await page.waitForTimeout(200)
    expect(posts).toEqual([])
    expect(page.url()).toBe(`${server.url}/`)
  })

  test('a request without AI shows the 503 with its message and request id', async () => {
    const page = await open('/')
    await page.getByTestId('language').selectOption('en')
    await page.getByTestId('launch-prompt').fill('Improve the SEO of example.com')
    await page.getByTestId('launch-submit').click()
    const error = page.getByTestId('api-error')
    await error.waitFor()
    const text = (await error.textContent()) ?? ''
    expect(await error.getByTestId('error-title').textContent()).toBe(
      'The AI service is not configured'
    )
    expect(text).toContain('AI generation is not set up on this server')
    expect(text).toMatch(/Request ID: \S{8,}/)
    // Trying again cannot help until the server is configured.
    expect(await error.getByTestId('error-retry').count()).toBe(0)
    expect(page.url()).toBe(`${server.url}/`)
    // The browser logs the 503 itself; nothing else may appear.
    expect(unexpected(tab.problems, [/status of 503/])).toEqual([])
  })
})

describe('navigation', () => {
  test('the nav opens /seo, /brand, /image and /video without reloading the page', async () => {
    const page = await open('/')
    await page.getByTestId('language').selectOption('en')
    await page.evaluate(() => {
      ;(window as unknown as { __sameDocument: boolean }).__sameDocument = true
    })
    const areas = [
      ['SEO content', '/seo/diagnosis', 'SEO content workflow'],
      ['Brand profile', '/brand', 'Brand profile'],
      ['AI images', '/image', 'AI image studio'],
      ['AI video', '/video', 'AI video studio'],
      ['Home', '/', 'What do you want to grow today?'],
    ] as const
    for (const [link, path, title] of areas) {
      await page.locator('header nav').getByRole('link', { name: link }).click()
      await page.waitForURL((url) => url.pathname === path)
      await page.locator('main h1', { hasText: title }).waitFor()
      const current = page.locator('header nav a[aria-current="page"]')
      expect((await current.textContent())?.trim()).toBe(link)
    }
    expect(await page.evaluate(() => (window as { __sameDocument?: boolean }).__sameDocument)).toBe(
      true
    )
    expect(unexpected(tab.problems)).toEqual([])
  })

  test('a reload of /seo?url=… (deep link) opens that website in the workspace and says AI is off', async () => {
    const page = await open('/seo?url=https%3A%2F%2Fexample.com')
    await page.waitForURL(
      (url) => url.pathname === '/seo/diagnosis' && url.searchParams.has('project')
    )
    expect(await heading(page)).toBe('SEO 内容工作流')
    await page.getByTestId('project-site').waitFor()
    expect(await page.getByTestId('project-site').textContent()).toBe('https://example.com')
    await page.getByTestId('diagnosis-card').getByTestId('api-error').waitFor()
    expect(await page.getByTestId('diagnosis-card').textContent()).toContain('AI 服务尚未配置')
    await page.reload()
    await page.getByTestId('project-site').waitFor()
    expect(await page.getByTestId('project-site').textContent()).toBe('https://example.com')
    expect(await page.title()).toBe('SEO 内容工作流 · AIS Studio')
    expect(unexpected(tab.problems, [/status of 503/])).toEqual([])
  })

  test('deep links to /image and /video carry their prompt', async () => {
    let page = await open('/image?prompt=a%20red%20bicycle')
    // The image studio puts the prompt in its composer, ready to send.
    await page.getByTestId('image-prompt').waitFor()
    expect(await page.getByTestId('image-prompt').inputValue()).toBe('a red bicycle')
    expect(unexpected(tab.problems)).toEqual([])
    await tab.close()
    page = await open('/video?prompt=waves%20at%20dusk')
    expect(await page.getByTestId('video-prompt').inputValue()).toBe('waves at dusk')
    expect(unexpected(tab.problems)).toEqual([])
  })

  test('an unknown route shows the client not-found page with a way home', async () => {
    const page = await open('/no/such/page')
    await page.getByTestId('not-found').waitFor()
    expect(await heading(page)).toBe('找不到页面')
    expect(await page.getByTestId('not-found').textContent()).toContain('/no/such/page')
    await page.getByTestId('not-found').getByRole('link').click()
    await page.waitForURL(`${server.url}/`)
    expect(unexpected(tab.problems)).toEqual([])
  })
})

describe('served build', () => {
  test('index.html is no-cache, hashed assets immutable and precompressed', async () => {
    for (const path of ['/', '/seo?url=https://example.com']) {
      const page = await fetch(`${server.url}${path}`, { headers: { Accept: 'text/html' } })
      expect(page.status).toBe(200)
      expect(page.headers.get('cache-control')).toBe('no-cache')
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'")
      const html = await page.text()
      const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1])
      expect(assets.length).toBeGreaterThanOrEqual(2)
      for (const asset of assets) {
        const res = await fetch(`${server.url}${asset}`, {
          headers: { 'Accept-Encoding': 'br, gzip' },
        })
        expect(res.status).toBe(200)
        expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
        expect(res.headers.get('content-encoding')).toBe('br')
        await res.arrayBuffer()
      }
    }
    const missing = await fetch(`${server.url}/assets/index-missing.js`)
    expect(missing.status).toBe(404)
    await missing.arrayBuffer()
  })

  test('the page runs under the CSP: an injected inline script is refused and reported', async () => {
    const page = await open('/')
    await page.evaluate(() => {
      const script = document.createElement('script')
      script.textContent = 'window.__inlineRan = true'
      document.body.append(script)
    })
    // The report reaches the test asynchronously: wait for it rather than for a fixed time.
    await until(() => tab.problems.some((p) => p.startsWith('CSP: script-src')))
    expect(await page.evaluate(() => 'inlineRan' in window || '__inlineRan' in window)).toBe(false)
  })

  test('the page loads no third-party resource', async () => {
    const page = await open('/')
    const origins = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => new URL(e.name).origin)
    )
    expect(new Set(origins)).toEqual(new Set([server.url]))
    expect(unexpected(tab.problems)).toEqual([])
  })
})
