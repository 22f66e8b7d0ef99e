/**
 * @module tests/e2e/support/suite
 * The frame of a browser test file against the demo stack: one demo stack and one Chromium for
 * the file, and every tab a test opens closed after it.
 */
import { afterAll, afterEach, beforeAll } from 'bun:test'
import type { Browser } from 'playwright-core'
import type { DemoOptions, DemoStack } from '../../support/demo/stack'
import { launchBrowser, openPage, type WatchedPage } from './browser'
import { startDemo } from './studio'

export interface DemoSuite {
  /** The demo stack (started before the file's first test). */
  readonly demo: DemoStack
  /** A fresh context and page, closed after the test. */
  open(locale?: string): Promise<WatchedPage>
}

/** `options`: read when the stack starts (after the file's earlier `beforeAll` hooks). */
export function demoSuite(options: () => Omit<DemoOptions, 'distDir'> = () => ({})): DemoSuite {
  let demo: DemoStack | undefined
  let browser: Browser | undefined
  const tabs: WatchedPage[] = []
  beforeAll(async () => {
    demo = await startDemo(options())
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await demo?.stop()
  })
  afterEach(async () => {
    await Promise.all(tabs.splice(0).map((tab) => tab.close()))
  })
  return {
    get demo() {
      if (!demo) throw new Error('the demo stack starts in beforeAll')
      return demo
    },
    async open(locale) {
      if (!browser) throw new Error('the browser starts in beforeAll')
      const tab = await openPage(browser, locale)
      tabs.push(tab)
      return tab
    },
  }
}
