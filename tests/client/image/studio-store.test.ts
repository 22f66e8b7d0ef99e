/**
 * The image studio's stores against the real app in-process (the browser's fetch routed to
 * `app.request`, the fake Gemini answering as the demo model, a memory store for this device):
 * a chat turn asks the creative director and carries out what it decided; an edit names its
 * source by id so the server replays that image's turn; regenerate stages a candidate; upscale
 * and cut-out place a child of their source; a failure keeps its error and its retry works; the
 * series is saved to the library and opens again elsewhere; prompt cards and design plans lead
 * to an image.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'bun:test'
import { createPinia, setActivePinia } from 'pinia'
import { createLibraryApi } from '../../../client/src/api/library'
import { useImageSeriesStore } from '../../../client/src/stores/image-series'
import { useImageStudioStore } from '../../../client/src/stores/image-studio'
import { memoryKeyValue, setPersistence } from '../../../client/src/stores/persistence'
import { buildTestApp } from '../../support/app'
import { demoModel } from '../../support/demo/model'
import { type FakeGemini, type RecordedRequest, startFakeGemini } from '../../support/fake-gemini'

let gemini: FakeGemini
let app: ReturnType<typeof buildTestApp>['app']
const realFetch = globalThis.fetch

/** The app answers the page's own requests (relative URLs); the SDK's go out as they are. */
const toApp = (input: RequestInfo | URL, init?: RequestInit) => {
  const url = input instanceof Request ? input.url : String(input)
  if (url.startsWith('/') || url.startsWith('http://studio.test/')) {
    return Promise.resolve(app.request(url.replace('http://studio.test', ''), init))
  }
  return realFetch(input, init)
}

beforeAll(async () => {
  gemini = await startFakeGemini()
  globalThis.fetch = toApp as typeof fetch
})
afterAll(() => {
  globalThis.fetch = realFetch
  gemini.stop()
})
beforeEach(() => {
  gemini.reset()
  gemini.setHandler(demoModel)
  app = buildTestApp({ gemini }).app
  setPersistence({
    library: createLibraryApi('http://studio.test/', toApp),
    device: memoryKeyValue(),
  })
  setActivePinia(createPinia())
})

const imageRequests = () =>
  gemini
    .calls('generateContent')
    .filter((r: RecordedRequest) =>
      (r.body?.generationConfig?.responseModalities ?? []).includes('IMAGE')
    )

async function until(condition: () => boolean, ms = 5_000) {
  const deadline = Date.now() + ms
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met')
    await Bun.sleep(10)
  }
}

describe('a chat turn', () => {
  test('with nothing selected the director’s new creation is placed and named', async () => {
    const series = useImageSeriesStore()
    const studio = useImageStudioStore()
    await studio.send('A red bicycle against a white wall')
    expect(series.items).toHaveLength(1)
    expect(series.items[0]?.prompt).toBe('A red bicycle against a white wall')
    expect(series.chat.map((m) => m.kind ?? m.role)).toEqual(['user', 'reasoning', 'result'])
    expect(series.chat.at(-1)?.detail).toMatchObject({ op: 'generate', continued: false })
    await until(() => series.title !== '')
    expect(series.title).toBe('A red bicycle against a')
  })

  test('with an image selected the edit names it by id and the model gets its turn again', async () => {
    const series = useImageSeriesStore()
    const studio = useImageStudioStore()
    await studio.send('A red bicycle against a white wall')
    const first = series.items[0]!
    expect(series.selected?.id).toBe(first.id)
    await studio.send('Make it blue')
    expect(series.items).toHaveLength(2)
    expect(series.items[1]?.parentId).toBe(first.id)
    const edit = imageRequests().at(-1)!
    expect(edit.body.contents).toHaveLength(3)
    expect(edit.body.contents[0].parts.at(-1).text).toContain('A red bicycle')
    expect(series.chat.at(-1)?.detail).toMatchObject({ op: 'generate', continued: true })
  })

  test('a question is answered in the chat and puts nothing on the canvas', async () => {
    const series = useImageSeriesStore()
    await useImageStudioStore().send('What can you do?')
    expect(series.items).toHaveLength(0)
    expect(series.chat.at(-1)?.kind).toBe('answer')
    expect(imageRequests()).toHaveLength(0)
  })
})

describe('the toolbar', () => {
  test('regenerate stages a candidate; keeping places it, discarding drops it', async () => {
    const series = useImageSeriesStore()
    const studio = useImageStudioStore()
    const item = await studio.create('A lighthouse at night')
    await studio.regenerate(item!)
    await studio.regenerate(item!)
    expect(series.staged).toHaveLength(2)
    expect(series.items).toHaveLength(1)
    series.keep(series.staged[0]!.id)
    series.discard(series.staged[0]!.id)
    expect(series.items).toHaveLength(2)
    expect(series.staged).toHaveLength(0)
  })

  test('upscale and cut-out place a child of their source, named by what made them', async () => {
    const series = useImageSeriesStore()
    const studio = useImageStudioStore()
    const item = await studio.create('A lighthouse at night')
    await studio.upscale(item!, 2)
    await studio.removeBackground(item!)
    const [, upscaled, cutout] = series.items
    expect(upscaled?.parentId).toBe(item!.id)
    expect(upscaled?.title).toContain('2048')
    expect(cutout?.parentId).toBe(item!.id)
    expect(cutout?.mediaId).toEndWith('.png')
    expect(series.natural[upscaled!.mediaId]?.width).toBe(2048)
    const details = series.chat.map((m) => m.detail?.op).filter(Boolean)
    expect(details).toEqual(['generate', 'upscale', 'cutout'])
  })

  test('a failed generation keeps its error; its retry makes the image', async () => {
    const series = useImageSeriesStore()
    const studio = useImageStudioStore()
    gemini.enqueue({ finishReason: 'IMAGE_SAFETY' })
    expect(await studio.create('A lighthouse at night')).toBeUndefined()
    const failed = studio.ops.failed[0]
    expect(failed?.error?.status).toBe(502)
    failed?.retry?.()
    await until(() => series.items.length === 1)
    expect(studio.ops.list).toHaveLength(0)
  })

  test('undo takes back the placement of an image, redo brings it again', async () => {
    const series = useImageSeriesStore()
    await useImageStudioStore().create('A lighthouse at night')
    series.undo()
    expect(series.items).toHaveLength(0)
    series.redo()
    expect(series.items).toHaveLength(1)
  })
})

describe('saving', () => {
  test('the series is saved with its first image and opens again on another device', async () => {
    const series = useImageSeriesStore()
    await useImageStudioStore().create('A lighthouse at night')
    await series.flush()
    const id = series.id!
    const saved = await createLibraryApi('http://studio.test/', toApp).get('image-series', id)
    expect(saved?.document.items.map((i) => i.mediaId)).toEqual(series.items.map((i) => i.mediaId))

    setPersistence({
      library: createLibraryApi('http://studio.test/', toApp),
      device: memoryKeyValue(),
    })
    setActivePinia(createPinia())
    const elsewhere = useImageSeriesStore()
    expect(await elsewhere.open(id)).toBe(true)
    expect(elsewhere.items).toEqual(saved!.document.items)
  })

  test('nothing is saved before the first image', async () => {
    const series = useImageSeriesStore()
    series.startNew()
    series.rename('Empty')
    await series.flush()
    const page = await createLibraryApi('http://studio.test/', toApp).list('image-series')
    expect(page.items).toHaveLength(0)
  })
})

describe('cards before a new image', () => {
  test('prompt options: choosing one generates its full prompt', async () => {
    const series = useImageSeriesStore()
    const studio = useImageStudioStore()
    studio.enhanceFirst = true
    await studio.send('A lighthouse at night')
    const cards = series.chat.at(-1)
    expect(cards?.options?.items).toHaveLength(3)
    expect(series.items).toHaveLength(0)
    await studio.chooseOption(cards!.id, 1)
    expect(series.items[0]?.prompt).toBe(cards?.options?.items[1]?.fullPrompt)
    expect(series.chat.find((m) => m.id === cards!.id)?.options?.chosen).toBe(1)
  })

  test('design plans come with their sources and a reference image each; a plan leads to an image', async () => {
    const series = useImageSeriesStore()
    const studio = useImageStudioStore()
    studio.designFirst = true
    await studio.send('A lighthouse at night')
    const message = series.chat.at(-1)
    expect(message?.plans?.items).toHaveLength(3)
    expect(message?.plans?.sources.length).toBeGreaterThan(0)
    expect(message?.plans?.searchEntryPoints.length).toBeGreaterThan(0)
    expect(message?.plans?.references.every((r) => r?.url.startsWith('/media/'))).toBe(true)
    await studio.choosePlan(message!.id, 0)
    expect(series.items[0]?.prompt).toBe(message?.plans?.items[0]?.prompt)
  })
})
