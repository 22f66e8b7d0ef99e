import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import { ROLES } from '../../server/ai/models'
import { keyPrompt } from '../../server/features/image/remove-background'
import { chooseKeyColor } from '../../server/media/chroma-key'
import { decodeImage, type RgbaImage } from '../../server/media/pixels'
import { png as pngHeader } from '../storage/image-fixtures'
import { startFakeGemini } from '../support/fake-gemini'
import { type DiscSpec, discPng, discRgba, edgePixels, pixelAt } from '../support/synthetic-images'
import { appFor, base64, imageCalls, post, RED, type TestApp, WHITE } from './support'

const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
beforeEach(() => gemini.reset())

const SOURCE: DiscSpec = { width: 48, height: 40, subject: RED, background: WHITE }

async function cutout(app: TestApp, source: Uint8Array) {
  const res = await post(app, 'remove-background', { image: { data: base64(source) } })
  expect(res.status).toBe(200)
  const body = await res.json()
  const bytes = new Uint8Array(await (await app.app.request(body.image.url)).arrayBuffer())
  return { body, image: await decodeImage(bytes, 'image/png') }
}

/** The three properties a real cut-out has. */
function expectCutout(image: RgbaImage, spec: DiscSpec) {
  const { width: w, height: h } = spec
  for (const [x, y] of [
    [0, 0],
    [w - 1, 0],
    [0, h - 1],
    [w - 1, h - 1],
  ] as const) {
    expect(pixelAt(image, x, y)[3]).toBe(0)
  }
  expect(pixelAt(image, w / 2, h / 2)).toEqual([...spec.subject, 255])
  const partial = edgePixels(spec).filter(([x, y]) => {
    const a = pixelAt(image, x, y)[3] ?? 0
    return a > 0 && a < 255
  })
  expect(partial.length).toBeGreaterThan(edgePixels(spec).length / 2)
}

describe('remove-background on Vertex AI: the segmenter’s mask as alpha', () => {
  const app = appFor(gemini, 'vertex')

  test('asks Imagen for a soft foreground mask', async () => {
    gemini.enqueue({ imagen: true })
    await cutout(app, discPng(SOURCE))
    const req = gemini.last()!
    expect(req.model).toBe(ROLES.segment.defaultId)
    expect(req.body.parameters).toMatchObject({ mode: 'foreground', binaryColorThreshold: -1 })
  })

  test('a PNG with real alpha: corners transparent, subject opaque, edges partly transparent', async () => {
    gemini.enqueue({ imagen: true })
    const { body, image } = await cutout(app, discPng(SOURCE))
    expect(body).toMatchObject({
      method: 'segmentation',
      model: ROLES.segment.defaultId,
      image: { mimeType: 'image/png', width: 48, height: 40 },
    })
    expectCutout(image, SOURCE)
  })

  test('no mask in the answer is 502', async () => {
    gemini.enqueue({ raw: { predictions: [] } })
    const res = await post(app, 'remove-background', { image: { data: base64(discPng(SOURCE)) } })
    expect(res.status).toBe(502)
    expect((await res.json()).error.code).toBe('ai_no_mask')
  })
})

describe('remove-background on the Developer API: a key colour, then keying', () => {
  const app = appFor(gemini, 'developer')
  const key = chooseKeyColor(discRgba(SOURCE))
  const onKey: DiscSpec = { ...SOURCE, background: [...key.key] as [number, number, number] }

  test('the model is asked to put the subject on a key colour far from its colours', async () => {
    gemini.enqueue({ image: { data: discPng(onKey) } })
    const { body } = await cutout(app, discPng(SOURCE))
    expect(body).toMatchObject({
      method: 'chroma-key',
      model: ROLES.image.defaultId,
      keyColor: key.hex,
    })
    const req = imageCalls(gemini)[0]!
    expect(req.promptText).toBe(keyPrompt(key.hex))
    expect(req.body.contents[0].parts[0].inlineData.data).toBe(base64(discPng(SOURCE)))
    expect(req.body.generationConfig.imageConfig.aspectRatio).toBe('5:4')
  })

  test('a PNG with real alpha: corners transparent, subject opaque, edges partly transparent', async () => {
    gemini.enqueue({ image: { data: discPng(onKey) } })
    const { image } = await cutout(app, discPng(SOURCE))
    expectCutout(image, SOURCE)
  })

  test('a render of the same shape at another size is scaled back to the source’s size', async () => {
    gemini.enqueue({ image: { data: discPng({ ...onKey, width: 96, height: 80 }) } })
    const { body } = await cutout(app, discPng(SOURCE))
    expect([body.image.width, body.image.height]).toEqual([48, 40])
  })

  test('a green subject gets another key colour', async () => {
    const green: DiscSpec = { ...SOURCE, subject: [20, 200, 40] }
    const other = chooseKeyColor(discRgba(green))
    expect(other.hex).not.toBe('#00ff00')
    gemini.enqueue({
      image: {
        data: discPng({ ...green, background: [...other.key] as [number, number, number] }),
      },
    })
    const { body, image } = await cutout(app, discPng(green))
    expect(body.keyColor).toBe(other.hex)
    expectCutout(image, green)
  })

  test('a withheld image is 502 naming the reason', async () => {
    gemini.enqueue({ finishReason: 'IMAGE_SAFETY' })
    const res = await post(app, 'remove-background', { image: { data: base64(discPng(SOURCE)) } })
    expect(res.status).toBe(502)
  })

  test('a bitmap over the decoder’s pixel bound is 413, before any model call', async () => {
    const res = await post(app, 'remove-background', {
      image: { data: base64(pngHeader(5000, 5000)) },
    })
    expect(res.status).toBe(413)
    expect(gemini.requests).toHaveLength(0)
  })

  test('a file that is not an image is 415', async () => {
    const res = await post(app, 'remove-background', {
      image: { data: base64(new TextEncoder().encode('hello')) },
    })
    expect(res.status).toBe(415)
  })
})
