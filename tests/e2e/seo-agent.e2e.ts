/**
 * The chat agent moves the workspace: "go back" opens the step it names, "redo" runs that step
 * again with the user's words as instructions (sent to the model) and opens it; a question gets
 * a reply in the chat. Against the demo stack in Chromium.
 */
import { describe, expect, test } from 'bun:test'
import type { WatchedPage } from './support/browser'
import { seriousViolations, shot } from './support/studio'
import { demoSuite } from './support/suite'
import { unexpected } from './support/target'
import { walkTo } from './support/walk'

const suite = demoSuite()
let tab: WatchedPage

async function say(text: string) {
  const before = await tab.page.getByTestId('chat-message').count()
  await tab.page.getByTestId('chat-input').fill(text)
  await tab.page.getByTestId('chat-input').press('Enter')
  await tab.page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid="chat-message"]').length >= n + 2,
    before
  )
}

describe('the SEO chat agent', () => {
  test('go-to-step opens the step, re-run runs it again with the instructions, a question gets a reply', async () => {
    tab = await suite.open()
    const { page } = tab
    await page.setViewportSize({ width: 1024, height: 800 })
    await page.goto(`${suite.demo.url}/`)
    await page.getByTestId('language').selectOption('en')
    await walkTo(page, suite.demo, 'strategy')

    await say('Please go back to the competitors')
    await page.waitForURL((url) => url.pathname === '/seo/competitors')
    expect(await page.getByTestId('chat-message').last().textContent()).toContain(
      'Opened step 2: Competitors'
    )
    expect(await page.getByTestId('competitors').count()).toBe(1)

    const boardCalls = () =>
      suite.demo.gemini.requests.filter((r) =>
        Object.keys(r.body?.generationConfig?.responseJsonSchema?.properties ?? {}).includes(
          'solutions'
        )
      )
    const before = boardCalls().length
    await say('Redo the strategy with a focus on cafés')
    await page.waitForURL((url) => url.pathname === '/seo/strategy')
    await page.waitForFunction(
      () => !document.querySelector('[data-testid="strategy-card"][aria-busy="true"]')
    )
    expect(boardCalls().length).toBe(before + 1)
    expect(boardCalls().at(-1)?.promptText).toContain('Redo the strategy with a focus on cafés')
    expect(await page.getByTestId('strategy-option').count()).toBe(3)

    await say('What does the score mean?')
    expect(await page.getByTestId('chat-message').last().textContent()).toContain('demo answer')
    expect(new URL(page.url()).pathname).toBe('/seo/strategy')
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'seo-agent-chat')
    expect(unexpected(tab.problems)).toEqual([])
  }, 90_000)
})
