/**
 * Saved work in Chromium against the demo stack (the real library API on local storage): a reload
 * in the middle of a project brings it back from the server, and so does its address in another
 * browser profile, with all of it (the chat, each grounded answer with its sources and Google's
 * search suggestions); a brand profile comes back there with its asset grid; a save that meets
 * a newer version from a second browser asks, and both answers do what they say; while the
 * library cannot be reached the draft stays in IndexedDB and is saved when it answers again;
 * saved projects are listed to reopen and deleted only after a confirmation.
 */
import { describe, expect, test } from 'bun:test'
import type { Page } from 'playwright-core'
import type { WatchedPage } from './support/browser'
import { getJson, untilJson } from './support/server-json'
import { seriousViolations, shot } from './support/studio'
import { demoSuite } from './support/suite'
import { unexpected } from './support/target'
import { walkTo } from './support/walk'

const suite = demoSuite()

/** A new browser profile (its own storage) at 1024 px, in English. */
async function profile(): Promise<WatchedPage> {
  const tab = await suite.open()
  await tab.page.setViewportSize({ width: 1024, height: 800 })
  await tab.page.goto(`${suite.demo.url}/`)
  await tab.page.getByTestId('language').selectOption('en')
  return tab
}

const projectId = (page: Page) => new URL(page.url()).searchParams.get('project') ?? ''

const savedStatus = (page: Page, status: string, timeout = 15_000) =>
  page.locator(`[data-testid="save-status"][data-status="${status}"]`).first().waitFor({ timeout })

type ServerProject = { etag: string; document: { steps: { brief?: { titleSuggestion: string } } } }

const projectUrl = (id: string) => `${suite.demo.url}/api/library/seo-projects/${id}`

/** The project as the server keeps it (a status other than 200 fails with the answer). */
const serverProject = (id: string) => getJson<ServerProject>(projectUrl(id))

const briefTitle = (page: Page) => page.getByTestId('brief-title')

/** Asks the chat agent and waits for the answer. */
async function ask(page: Page, text: string) {
  const before = await page.getByTestId('chat-message').count()
  await page.getByTestId('chat-input').fill(text)
  await page.getByTestId('chat-input').press('Enter')
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid="chat-message"]').length >= n + 2,
    before
  )
}

const chatLines = (page: Page) => page.getByTestId('chat-message').allTextContents()

/** The first chip of Google's search suggestions shown with the diagnosis. */
const diagnosisChip = (page: Page) =>
  page
    .frameLocator('[data-testid="diagnosis"] [data-testid="search-suggestions"]')
    .locator('a.chip')
    .first()

/** The media links of the brand asset grid, in order. */
const assetLinks = (page: Page) =>
  page
    .locator('[data-testid="asset-grid"] img')
    .evaluateAll((images) => images.map((image) => image.getAttribute('src')))

/** Waits until the server keeps the profile with the assets its analysis collected. */
async function untilServerAssets(id: string) {
  await untilJson<{ document: { assets?: { logos: unknown[] } } }>(
    `${suite.demo.url}/api/library/brand-profiles/${id}`,
    (body) => Boolean(body.document.assets?.logos.length),
    20_000
  )
}

/** Types a new brief title and saves the brief (the editor keeps its draft until then). */
async function setTitle(page: Page, title: string) {
  await briefTitle(page).fill(title)
  await page.getByTestId('brief-save').click()
}

/** Waits until the server keeps `title` as the brief's title. */
async function untilServerTitle(id: string, title: string) {
  await untilJson<ServerProject>(
    projectUrl(id),
    (body) => body.document.steps.brief?.titleSuggestion === title,
    20_000
  )
}

async function waitForTitle(page: Page, title: string) {
  await page.waitForFunction(
    (expected) =>
      (document.querySelector('[data-testid="brief-title"]') as HTMLInputElement | null)?.value ===
      expected,
    title
  )
}

describe('saved work', () => {
  test('a reload in the middle of a project brings it back from the server, also in another browser', async () => {
    const { page, problems } = await profile()
    await walkTo(page, suite.demo, 'brief')
    const id = projectId(page)
    await ask(page, 'What does the score mean?')
    await setTitle(page, 'Brewing pour over coffee at home')
    await untilServerTitle(id, 'Brewing pour over coffee at home')

    const reads: string[] = []
    page.on('response', (r) => {
      if (r.url().includes(`/api/library/seo-projects/${id}`)) reads.push(`${r.status()}`)
    })
    await page.reload()
    await waitForTitle(page, 'Brewing pour over coffee at home')
    expect(reads).toContain('200')
    expect(
      await page.evaluate(() =>
        Object.keys(sessionStorage).filter((k) => k.startsWith('ais.draft'))
      )
    ).toEqual([])

    const other = await profile()
    await other.page.goto(page.url())
    await waitForTitle(other.page, 'Brewing pour over coffee at home')
    expect(await seriousViolations(other.page)).toEqual([])
    await shot(other.page, 'saved-1-reopened-in-another-browser')
    // The chat came back with the project.
    expect(await chatLines(other.page)).toEqual(await chatLines(page))
    expect((await chatLines(other.page)).join(' ')).toContain('demo answer')
    // So did the diagnosis, with its sources and Google's search suggestions.
    await other.page.getByTestId('step-diagnosis').click()
    await other.page.getByTestId('core-insight').waitFor()
    expect(
      await other.page.getByTestId('diagnosis').getByTestId('source-link').allTextContents()
    ).toEqual(['coffee-research.example', 'barista-guild.example'])
    await diagnosisChip(other.page).waitFor()
    expect(await diagnosisChip(other.page).textContent()).toBe('pour over coffee')
    await other.page
      .getByTestId('diagnosis')
      .getByTestId('search-suggestions')
      .scrollIntoViewIfNeeded()
    await shot(other.page, 'saved-1b-grounding-in-another-browser')
    expect(unexpected(problems)).toEqual([])
    expect(unexpected(other.problems)).toEqual([])
  }, 90_000)

  test('a brand profile reopened in another browser shows the asset grid its analysis collected', async () => {
    const { page, problems } = await profile()
    await page.goto(`${suite.demo.url}/brand`)
    await page.getByTestId('analyse-url').fill(suite.demo.sampleSite)
    await page.getByTestId('analyse-submit').click()
    await page.locator('.done').waitFor()
    await page.locator('[data-testid="asset-grid"] img').first().waitFor()
    const id = new URL(page.url()).searchParams.get('profile') ?? ''
    await untilServerAssets(id)
    const links = await assetLinks(page)
    expect(links.length).toBeGreaterThan(0)
    const notes = await page.getByTestId('analyse-site').locator('.warnings li').allTextContents()

    const other = await profile()
    await other.page.goto(page.url())
    await other.page.locator('[data-testid="asset-grid"] img').first().waitFor()
    expect(await assetLinks(other.page)).toEqual(links)
    // What the analysis read comes back too: the site and what it said about its limits.
    expect(await other.page.getByTestId('analyse-url').inputValue()).toBe(suite.demo.sampleSite)
    expect(
      await other.page.getByTestId('analyse-site').locator('.warnings li').allTextContents()
    ).toEqual(notes)
    expect(await seriousViolations(other.page)).toEqual([])
    await shot(other.page, 'saved-1c-brand-assets-in-another-browser')
    expect(unexpected(problems)).toEqual([])
    expect(unexpected(other.problems)).toEqual([])
  }, 90_000)

  test('a save that meets a newer version from another browser asks; keep mine, then reload theirs', async () => {
    const a = await profile()
    await walkTo(a.page, suite.demo, 'brief')
    await savedStatus(a.page, 'saved')
    const id = projectId(a.page)
    const b = await profile()
    await b.page.goto(a.page.url())
    await waitForTitle(b.page, (await briefTitle(a.page).inputValue()) || '')

    await setTitle(b.page, 'Title from the second browser')
    await untilServerTitle(id, 'Title from the second browser')
    await setTitle(a.page, 'Title from the first browser')
    const dialog = a.page.getByTestId('conflict-dialog')
    await dialog.waitFor()
    expect(await dialog.textContent()).toContain('A newer version was saved elsewhere')
    expect((await serverProject(id)).document.steps.brief?.titleSuggestion).toBe(
      'Title from the second browser'
    )
    expect(await seriousViolations(a.page)).toEqual([])
    await shot(a.page, 'saved-2-conflict-dialog')

    await a.page.getByTestId('conflict-mine').click()
    await untilServerTitle(id, 'Title from the first browser')
    await savedStatus(a.page, 'saved')

    await setTitle(b.page, 'Another title from the second browser')
    await b.page.getByTestId('conflict-dialog').waitFor()
    await b.page.getByTestId('conflict-theirs').click()
    await waitForTitle(b.page, 'Title from the first browser')
    await savedStatus(b.page, 'saved')
    expect((await serverProject(id)).document.steps.brief?.titleSuggestion).toBe(
      'Title from the first browser'
    )
    expect(unexpected(a.problems, [/status of 412/])).toEqual([])
    expect(unexpected(b.problems, [/status of 412/])).toEqual([])
  }, 90_000)

  test('while the library cannot be reached the draft stays on the device, and is saved when it is back', async () => {
    const { page, problems } = await profile()
    await walkTo(page, suite.demo, 'brief')
    await savedStatus(page, 'saved')
    const id = projectId(page)

    await page.route('**/api/library/**', (route) => route.abort('internetdisconnected'))
    await setTitle(page, 'Written while offline')
    await savedStatus(page, 'offline')
    const draft = await page.evaluate(
      (key) =>
        new Promise<unknown>((resolve) => {
          const open = indexedDB.open('ais-studio')
          open.onsuccess = () => {
            const get = open.result.transaction('drafts').objectStore('drafts').get(key)
            get.onsuccess = () => resolve(get.result)
          }
        }),
      `draft:seo-projects/${id}`
    )
    expect(JSON.stringify(draft)).toContain('Written while offline')
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'saved-3-offline-draft')

    await page.unroute('**/api/library/**')
    await untilServerTitle(id, 'Written while offline')
    await savedStatus(page, 'saved')
    expect(unexpected(problems, [/ERR_INTERNET_DISCONNECTED/])).toEqual([])
  }, 90_000)

  test('saved projects are listed to reopen where they stand, and deleted only after a confirmation', async () => {
    const { page, problems } = await profile()
    await walkTo(page, suite.demo, 'diagnosis')
    await savedStatus(page, 'saved')
    const id = projectId(page)
    await page.getByTestId('new-project').click()
    const item = page.getByTestId('saved-item').filter({ hasText: 'northwind-coffee.test' }).first()
    await item.waitFor()
    expect(await item.textContent()).toContain('Updated')

    await item.getByTestId('saved-open').click()
    await page.waitForURL((url) => url.searchParams.get('project') === id)
    expect(new URL(page.url()).pathname).toBe('/seo/competitors')
    await page.getByTestId('new-project').click()
    await page
      .getByTestId('saved-item')
      .filter({ hasText: 'northwind-coffee.test' })
      .first()
      .waitFor()
    const listed = await getJson<{ items: unknown[] }>(`${suite.demo.url}/api/library/seo-projects`)
    const before = listed.items.length
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="saved-item"]').length === n,
      before
    )
    await page.getByTestId('saved-item').first().getByTestId('saved-delete').click()
    const dialog = page.getByTestId('delete-dialog')
    await dialog.waitFor()
    expect(await dialog.textContent()).toContain('cannot be undone')
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'saved-4-delete-confirmation')
    await page.getByTestId('delete-cancel').click()
    expect(await page.getByTestId('saved-item').count()).toBe(before)

    const deleted = (await page.getByTestId('saved-title').first().textContent()) ?? ''
    await page.getByTestId('saved-item').first().getByTestId('saved-delete').click()
    await page.getByTestId('delete-confirm').click()
    await page.getByText(`“${deleted}” was deleted.`).waitFor()
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="saved-item"]').length === n,
      before - 1
    )
    expect(unexpected(problems)).toEqual([])
  }, 90_000)
})
