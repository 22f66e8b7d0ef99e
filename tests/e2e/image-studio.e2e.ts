/**
 * The image studio in Chromium against the demo stack (the fake Gemini as the scripted model,
 * local media and library): a prompt becomes an image on the canvas; a chat edit of it is a
 * second turn that names the first image by id, and the model is sent that image's turn again;
 * the background is removed (the downloaded file is a PNG with transparent pixels); an upscale
 * reports its method and measured size; downloads carry the real type's extension. Undo and
 * redo cover canvas actions, the compare slider shows before and after, and the series comes
 * back from the server after a reload. axe-core checks each state; screenshots are kept.
 */
import { describe, expect, test } from 'bun:test'
import { readFileSync } from 'node:fs'
import type { Page, Request } from 'playwright-core'
import { decodeImage } from '../../server/media/pixels'
import type { WatchedPage } from './support/browser'
import { getJson } from './support/server-json'
import { seriousViolations, shot } from './support/studio'
import { demoSuite } from './support/suite'
import { unexpected } from './support/target'

const suite = demoSuite()
let tab: WatchedPage

async function studio(locale = 'en'): Promise<Page> {
  tab = await suite.open()
  const { page } = tab
  await page.setViewportSize({ width: 1024, height: 800 })
  await page.goto(`${suite.demo.url}/`)
  await page.getByTestId('language').selectOption(locale)
  await page.goto(`${suite.demo.url}/image`)
  await page.getByTestId('image-prompt').waitFor()
  return page
}

const items = (page: Page) => page.getByTestId('canvas-item')

async function untilItems(page: Page, count: number) {
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid="canvas-item"]').length === n,
    count,
    { timeout: 20_000 }
  )
}

/** Sends a chat message and waits for the number of images it should leave on the canvas. */
async function say(page: Page, text: string, expectItems: number) {
  await page.getByTestId('image-prompt').fill(text)
  await page.getByTestId('image-send').click()
  await untilItems(page, expectItems)
}

/** Selects image `index` from the keyboard (Tab target, Enter), as a keyboard user would. */
async function selectItem(page: Page, index: number) {
  await items(page).nth(index).focus()
  await page.keyboard.press('Enter')
  await page.locator('[data-testid="canvas-item"][aria-pressed="true"]').first().waitFor()
}

const mediaIdOf = (page: Page, index: number) =>
  items(page).nth(index).getAttribute('data-media-id')

async function downloaded(page: Page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('download').click(),
  ])
  const path = (await download.path()) as string
  return { name: download.suggestedFilename(), bytes: new Uint8Array(readFileSync(path)) }
}

describe('image studio', () => {
  test('generate, edit in a second turn by id, remove the background, upscale, download', async () => {
    const page = await studio()
    const generateBodies: Record<string, unknown>[] = []
    page.on('request', (r: Request) => {
      if (r.url().endsWith('/api/image/generate')) generateBodies.push(r.postDataJSON())
    })
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'image-1-empty-en')

    await say(page, 'A poster of a coffee shop at dawn', 1)
    await page.waitForURL((url) => /^\/image\/series-[a-z0-9-]+$/.test(url.pathname))
    const first = await mediaIdOf(page, 0)
    expect(first).toMatch(/^[a-f0-9]{64}\.png$/)
    expect(await page.getByTestId('chat-message').last().textContent()).toContain('gemini-')
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'image-2-generated-en')

    // The new image is selected: the creative director edits it, continuing its conversation.
    const modelCallsBefore = suite.demo.gemini.calls('generateContent').length
    await say(page, 'Make the light warmer', 2)
    const edit = generateBodies.at(-1) as { sourceImageId?: string; prompt: string }
    expect(edit.sourceImageId).toBe(first as string)
    const imageCall = suite.demo.gemini
      .calls('generateContent')
      .slice(modelCallsBefore)
      .find((r) => (r.body?.generationConfig?.responseModalities ?? []).includes('IMAGE'))
    // The first turn (its prompt and the image the model answered with) is sent again.
    expect(imageCall?.body.contents).toHaveLength(3)
    expect(imageCall?.body.contents[0].parts.at(-1).text).toContain(
      'A poster of a coffee shop at dawn'
    )
    expect(imageCall?.body.contents[1].role).toBe('model')
    expect(imageCall?.body.contents[1].parts.some((p: any) => p.inlineData)).toBe(true)
    expect(await page.getByTestId('result-note').last().textContent()).toContain(
      'continuing the source image’s conversation'
    )
    await page.getByTestId('edit-tree').waitFor()
    await shot(page, 'image-3-edited-en')

    await page.getByTestId('remove-background').click()
    await untilItems(page, 3)
    expect(await page.getByTestId('cutout-note').textContent()).toContain('transparent PNG')
    const cutout = await downloaded(page)
    expect(cutout.name).toEndWith('.png')
    const pixels = await decodeImage(cutout.bytes, 'image/png')
    expect(pixels.data[3]).toBe(0) // the top-left corner is background: transparent
    const centre = ((pixels.height >> 1) * pixels.width + (pixels.width >> 1)) * 4
    expect(pixels.data[centre + 3]).toBe(255) // the subject stays opaque
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'image-4-cutout-en')

    await selectItem(page, 1)
    expect(await page.getByTestId('item-facts').textContent()).toContain('640 × 640 px')
    await page.getByTestId('upscale-factor').selectOption('2')
    await page.getByTestId('upscale').click()
    await untilItems(page, 4)
    const note = await page.getByTestId('upscale-note').textContent()
    expect(note).toContain('Re-rendered at a higher resolution by gemini-3-pro-image')
    expect(note).toContain('640 × 640 → 2048 × 2048')
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="item-facts"]')?.textContent?.includes('2048 × 2048')
    )
    const big = await downloaded(page)
    expect(big.name).toMatch(/^upscaled-2-2048-2048\.png$/)
    expect((await decodeImage(big.bytes, 'image/png')).width).toBe(2048)
    await shot(page, 'image-5-upscaled-en')
    expect(unexpected(tab.problems)).toEqual([])
  }, 120_000)

  test('undo and redo of canvas actions; the compare slider shows before and after', async () => {
    const page = await studio()
    await say(page, 'A red bicycle against a white wall', 1)
    await page.getByTestId('edit-instruction').fill('Make it a blue bicycle')
    await page.getByTestId('edit-apply').click()
    await untilItems(page, 2)

    // A keyboard move is one step to undo, and comes back with redo.
    const left = () =>
      items(page)
        .nth(1)
        .evaluate((el) => (el as HTMLElement).style.left)
    const before = await left()
    await items(page).nth(1).focus()
    await page.keyboard.press('Shift+ArrowRight')
    expect(await left()).not.toBe(before)
    await page.getByTestId('undo').click()
    expect(await left()).toBe(before)
    await page.getByTestId('redo').click()
    expect(await left()).not.toBe(before)

    // Deleting is undone too; the selection that was deleted goes, the image comes back.
    await items(page).nth(1).focus()
    await page.keyboard.press('Delete')
    await untilItems(page, 1)
    await page.keyboard.press('Control+z')
    await untilItems(page, 2)
    await page.getByTestId('redo').click()
    await untilItems(page, 1)
    await page.getByTestId('undo').click()
    await untilItems(page, 2)

    await selectItem(page, 1)
    await page.getByTestId('compare').click()
    const dialog = page.getByTestId('compare-dialog')
    await dialog.waitFor()
    await page.getByTestId('compare-slider').fill('20')
    expect(
      await page.getByTestId('compare-after').evaluate((el) => (el as HTMLElement).style.clipPath)
    ).toBe('inset(0px 0px 0px 20%)')
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'image-6-compare-en')
    await page.getByTestId('compare-close').click()
    await dialog.waitFor({ state: 'hidden' })

    await page.getByTestId('regenerate').click()
    await page.getByTestId('candidate').waitFor()
    await shot(page, 'image-7-staging-en')
    await page.getByTestId('candidate-keep').click()
    await untilItems(page, 3)
    await page.getByTestId('undo').click()
    await untilItems(page, 2)
    expect(unexpected(tab.problems)).toEqual([])
  }, 90_000)

  test('a series comes back from the server after a reload, and is listed in the archive', async () => {
    const page = await studio('zh-CN')
    await say(page, '一张清晨咖啡馆的海报', 1)
    await page.getByTestId('edit-instruction').fill('加上暖色的灯光')
    await page.getByTestId('edit-apply').click()
    await untilItems(page, 2)
    await page.waitForURL((url) => url.pathname.startsWith('/image/series-'))
    const id = new URL(page.url()).pathname.split('/').pop() as string
    await page.locator('[data-testid="save-status"][data-status="saved"]').waitFor()
    const ids = [await mediaIdOf(page, 0), await mediaIdOf(page, 1)]
    const saved = await getJson<{
      document: { title: string; items: { id: string; mediaId: string; parentId?: string }[] }
    }>(`${suite.demo.url}/api/library/image-series/${id}`)
    expect(saved.document.items.map((i): string | null => i.mediaId)).toEqual(ids)
    expect(saved.document.items[1]?.parentId).toBe(saved.document.items[0]?.id)

    await page.reload()
    await untilItems(page, 2)
    expect([await mediaIdOf(page, 0), await mediaIdOf(page, 1)]).toEqual(ids)
    expect(await page.getByTestId('series-title').inputValue()).toBe(saved.document.title)
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'image-8-reopened-zh-CN')

    await page.getByTestId('open-archive').click()
    await page.getByTestId('saved-image-series').getByTestId('saved-item').first().waitFor()
    expect(await page.getByTestId('saved-title').allTextContents()).toContain(saved.document.title)
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'image-9-archive-zh-CN')
    expect(unexpected(tab.problems)).toEqual([])
  }, 90_000)
})
