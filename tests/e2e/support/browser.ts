/**
 * Chromium for the browser tests: Debian's `/usr/bin/chromium` (or CHROMIUM_PATH) driven by
 * playwright-core, and a page wrapper that records console errors, uncaught page errors, failed
 * requests and Content-Security-Policy violations so every test can assert there were none.
 */
import { existsSync } from 'node:fs'
import { type Browser, chromium, type Page } from 'playwright-core'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export const MISSING_CHROMIUM = `Chromium was not found at ${CHROMIUM_PATH}. The browser tests need it: install it with "apt-get install -y chromium" (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium binary.`

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // The search suggestions' sandboxed frame would run in a process of its own, and Chromium routes
  // a click to such a frame by where it was a frame ago: a click Playwright sends right after
  // scrolling its target into view could land in the frame's old place (and the page never saw
  // it). In the page's own process the click is hit-tested on the layout as it is now. The frame
  // stays sandboxed (no scripts, no same origin) either way.
  '--disable-features=IsolateSandboxedIframes',
]

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(MISSING_CHROMIUM)
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: LAUNCH_ARGS })
}

export interface WatchedPage {
  page: Page
  /** Console errors, page errors, CSP violations and failed requests seen so far. */
  problems: string[]
  close: () => Promise<void>
}

/** A fresh context (own storage) and page, with every problem recorded. */
export async function openPage(browser: Browser, locale = 'en-US'): Promise<WatchedPage> {
  const context = await browser.newContext({ locale })
  const page = await context.newPage()
  const problems: string[] = []
  page.on('console', (message) => {
    // The location names the resource of a "Failed to load resource" line.
    const where = message.location().url
    if (message.type() === 'error')
      problems.push(`console: ${message.text()}${where ? ` (${where})` : ''}`)
  })
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  page.on('requestfailed', (request) => {
    // A navigation away cancels pending requests; that is not a failure of the app.
    if (request.failure()?.errorText !== 'net::ERR_ABORTED') {
      problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`)
    }
  })
  // CSP violations also reach the console, but the DOM event names the directive exactly.
  await page.exposeFunction('__reportCsp', (text: string) => problems.push(`CSP: ${text}`))
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportCsp: (t: string) => void }).__reportCsp
      report(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`)
    })
  })
  return { page, problems, close: () => context.close() }
}
