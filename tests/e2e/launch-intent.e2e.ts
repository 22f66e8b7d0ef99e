/**
 * The launch page with AI configured: a second real server talks to the wire-level fake Gemini
 * (GEMINI_API_KEY + GEMINI_BASE_URL), which answers analyze-intent with a `route_user_request`
 * function call. The page must open the workflow the model chose, show an answer that fits none,
 * show a model rate limit clearly, and say when Gemini is failing (the server's circuit is
 * open), while the key stays on the server.
 * Run with `bun run test:e2e`.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'bun:test'
import type { Browser } from 'playwright-core'
import { type FakeGemini, type RecordedRequest, startFakeGemini } from '../support/fake-gemini'
import { launchBrowser, openPage, type WatchedPage } from './support/browser'
import { type RunningServer, startServer } from './support/server'
import { seriousViolations } from './support/studio'
import { unexpected } from './support/target'

const FAKE_KEY = 'e2e-fake-gemini-key-0123456789'

let gemini: FakeGemini
let server: RunningServer
let browser: Browser
let tab: WatchedPage

/** Answers with a call of the function the request declared, so the test follows its name. */
function routeTo(args: Record<string, unknown>) {
  gemini.setHandler((request: RecordedRequest) => {
    const declared = request.body?.tools?.[0]?.functionDeclarations?.[0]?.name
    return declared ? { functionCall: { name: declared, args } } : undefined
  })
}

beforeAll(async () => {
  gemini = await startFakeGemini()
  server = await startServer({
    GEMINI_API_KEY: FAKE_KEY,
    GEMINI_BASE_URL: gemini.url,
    GEMINI_MAX_RETRIES: '0',
  })
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  gemini?.stop()
})

afterEach(async () => {
  await tab?.close()
  gemini.reset()
})

async function submitOnLaunchPage(text: string) {
  tab = await openPage(browser)
  const { page } = tab
  const browserHosts = new Set<string>()
  page.on('request', (r) => browserHosts.add(new URL(r.url()).host))
  await page.goto(`${server.url}/`)
  await page.getByTestId('language').selectOption('en')
  await page.getByTestId('launch-prompt').fill(text)
  await page.getByTestId('launch-prompt').press('Enter')
  return { page, browserHosts }
}

describe('launch page routing through the model', () => {
  test('an SEO answer opens /seo with the website, and the key never leaves the server', async () => {
    routeTo({ intent: 'SEO', url: 'example.com', query: 'Improve the site SEO' })
    const { page, browserHosts } = await submitOnLaunchPage(
      'Improve the SEO of the Example Domain website'
    )
    await page.waitForURL((url) => url.pathname === '/seo/diagnosis')
    await page.locator('main h1', { hasText: 'SEO content workflow' }).waitFor()
    await page.getByTestId('project-site').waitFor()
    expect(await page.getByTestId('project-site').textContent()).toBe('https://example.com')
    expect(await page.getByTestId('ai-banner').count()).toBe(0)

    const calls = gemini.calls('generateContent')
    const call = calls[0] as RecordedRequest
    expect(call.headers['x-goog-api-key']).toBe(FAKE_KEY)
    expect(call.promptText).toContain('Improve the SEO of the Example Domain website')
    expect(call.body.tools[0].functionDeclarations[0].name).toBe('route_user_request')
    // The browser talked to our server only, never to the model endpoint.
    expect([...browserHosts]).toEqual([new URL(server.url).host])
    // The workspace then starts the brand analysis of a site this test does not serve.
    expect(unexpected(tab.problems, [/status of 50\d/])).toEqual([])
  })

  test('an image answer opens /image with the restated prompt', async () => {
    routeTo({ intent: 'IMAGE_GENERATION', query: 'a poster of a coffee shop at dawn' })
    const { page } = await submitOnLaunchPage('Make me a poster of a coffee shop at dawn')
    await page.waitForURL((url) => url.pathname === '/image')
    expect(new URL(page.url()).searchParams.get('prompt')).toBe('a poster of a coffee shop at dawn')
    await page.locator('main h1', { hasText: 'AI image studio' }).waitFor()
    expect(unexpected(tab.problems)).toEqual([])
  })

  test('an answer that fits no workflow is shown on the launch page', async () => {
    routeTo({ intent: 'OTHER', query: 'tell a joke' })
    const { page } = await submitOnLaunchPage('Tell me a joke')
    const notice = page.getByTestId('launch-notice')
    await notice.waitFor()
    expect(await notice.textContent()).toContain('“tell a joke”')
    expect(new URL(page.url()).pathname).toBe('/')
    expect(unexpected(tab.problems)).toEqual([])
  })

  test('a model rate limit is shown with the wait and the request id', async () => {
    // A wait longer than the server sits through in one request goes straight to the client.
    gemini.enqueue({ status: 429, retryAfter: 60 })
    const { page } = await submitOnLaunchPage('Improve the SEO of the Example Domain website')
    const error = page.getByTestId('api-error')
    await error.waitFor()
    const text = (await error.textContent()) ?? ''
    expect(text).toContain('Too many requests')
    expect(text).toContain('Try again in 60 s.')
    expect(gemini.calls('generateContent')).toHaveLength(1)
    expect(text).toMatch(/Request ID: \S{8,}/)
    expect(new URL(page.url()).pathname).toBe('/')
    expect(unexpected(tab.problems, [/status of 429/])).toEqual([])
  })

  test('when Gemini keeps failing, the circuit opens: the page says so, in both languages', async () => {
    // Five failed calls open the model's circuit (retries are off on this server).
    gemini.faults.inject({ kind: 'unavailable' })
    const intent = () =>
      fetch(`${server.url}/api/seo/analyze-intent`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ prompt: 'audit example.com' }),
      })
    let status = 0
    for (let i = 0; i < 10 && status !== 503; i++) status = (await intent()).status
    expect(status).toBe(503)
    const { page } = await submitOnLaunchPage('Improve the SEO of the Example Domain website')
    const error = page.getByTestId('api-error')
    await error.waitFor()
    expect(await error.textContent()).toContain('Gemini is failing right now')
    const banner = page.getByTestId('ai-failing-banner')
    await banner.waitFor()
    expect(await banner.textContent()).toContain('Gemini is failing right now')
    expect(gemini.faults.hits).toBeLessThanOrEqual(5)
    // After a reload the server's own word (capabilities) brings the banner back, in Chinese too.
    await page.reload()
    await page.getByTestId('language').selectOption('zh-CN')
    await banner.waitFor()
    expect(await banner.textContent()).toContain('Gemini 当前出现故障')
    expect(await seriousViolations(page)).toEqual([])
    expect(unexpected(tab.problems, [/status of 50[23]/])).toEqual([])
    // The fake recovers; so does the server, by itself, after its cool-down.
    gemini.faults.clear()
    routeTo({ intent: 'OTHER', query: 'x' })
    for (let i = 0; i < 100 && status !== 200; i++) {
      status = (await intent()).status
      if (status !== 200) await Bun.sleep(100)
    }
    expect(status).toBe(200)
  })
})
