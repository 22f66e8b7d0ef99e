import { describe, expect, test } from 'bun:test'
import { applyMask } from '../../server/media/alpha'
import { chooseKeyColor, KEY_COLORS, keyOut } from '../../server/media/chroma-key'
import { encodeImage, encodePng, fitWithin, resize } from '../../server/media/encode'
import { decodeImage, type RgbaImage } from '../../server/media/pixels'
import { decodeWebp, encodeWebp } from '../../server/media/webp'
import { type DiscSpec, discRgba, edgePixels, pixelAt } from '../support/synthetic-images'

const RED: [number, number, number] = [220, 30, 40]
const WHITE: [number, number, number] = [255, 255, 255]

const gradient = (width: number, height: number): RgbaImage => {
  const data = new Uint8Array(width * height * 4)
  for (let i = 0; i < width * height; i++) data.set([i % 256, 100, 200, (i * 7) % 256], i * 4)
  return { width, height, data }
}

describe('encoding', () => {
  test('a PNG keeps every RGBA value, alpha included', async () => {
    const image = gradient(9, 5)
    const decoded = await decodeImage(await encodePng(image), 'image/png')
    expect([decoded.width, decoded.height]).toEqual([9, 5])
    expect([...decoded.data]).toEqual([...image.data])
  })

  test('a lossless WebP round-trips exactly through libwebp', async () => {
    const image = gradient(7, 3)
    const webp = await encodeWebp(image, { lossless: true })
    expect(new TextDecoder().decode(webp.subarray(8, 12))).toBe('WEBP')
    const decoded = await decodeWebp(webp)
    expect([...(decoded?.data ?? [])]).toEqual([...image.data])
  })

  test('a lossy WebP decodes through decodeImage to the same size', async () => {
    const webp = await encodeImage(
      discRgba({ width: 40, height: 30, subject: RED, background: WHITE }),
      'image/webp'
    )
    const decoded = await decodeImage(webp, 'image/webp')
    expect([decoded.width, decoded.height]).toEqual([40, 30])
    expect(pixelAt(decoded, 20, 15)[0]).toBeGreaterThan(180)
  })

  test('bytes that are not WebP are refused', async () => {
    expect(await decodeWebp(new TextEncoder().encode('RIFF....WEBPnope'))).toBeNull()
    await expect(decodeImage(new TextEncoder().encode('nope'), 'image/webp')).rejects.toThrow()
  })
})

describe('resizing', () => {
  test('resize gives exactly the asked size', async () => {
    const resized = await resize(gradient(10, 10), 25, 4)
    expect([resized.width, resized.height, resized.data.length]).toEqual([25, 4, 25 * 4 * 4])
  })

  test('fitWithin scales the longer side down and never enlarges', async () => {
    const down = await fitWithin(gradient(400, 100), 200)
    expect([down.width, down.height]).toEqual([200, 50])
    const same = await fitWithin(gradient(40, 10), 200)
    expect([same.width, same.height]).toEqual([40, 10])
  })
})

describe('applyMask', () => {
  test('white keeps, black drops, grey is partly transparent', async () => {
    const image = discRgba({ width: 3, height: 1, subject: RED, background: WHITE })
    const mask: RgbaImage = {
      width: 3,
      height: 1,
      data: new Uint8Array([0, 0, 0, 255, 128, 128, 128, 255, 255, 255, 255, 255]),
    }
    const cut = await applyMask(image, mask)
    expect([0, 1, 2].map((x) => pixelAt(cut, x, 0)[3])).toEqual([0, 128, 255])
    expect(pixelAt(cut, 2, 0).slice(0, 3)).toEqual(pixelAt(image, 2, 0).slice(0, 3))
  })

  test('a mask of another size is scaled to the image', async () => {
    const image = discRgba({ width: 8, height: 8, subject: RED, background: WHITE })
    const mask: RgbaImage = {
      width: 4,
      height: 1,
      data: new Uint8Array([0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255, 255, 255, 255, 255, 255]),
    }
    const cut = await applyMask(image, mask)
    expect([pixelAt(cut, 0, 4)[3], pixelAt(cut, 7, 4)[3]]).toEqual([0, 255])
  })
})

describe('chroma keying', () => {
  test('the key colour is the candidate farthest from the subject’s colours', () => {
    const green = chooseKeyColor(
      discRgba({ width: 32, height: 32, subject: RED, background: WHITE })
    )
    expect(green.hex).toBe('#00ff00')
    const onGreen = chooseKeyColor(
      discRgba({ width: 32, height: 32, subject: [20, 200, 40], background: [30, 220, 60] })
    )
    expect(onGreen.hex).not.toBe('#00ff00')
    expect(KEY_COLORS.map((k) => k.join())).toContain(onGreen.key.join())
  })

  const spec: DiscSpec = { width: 48, height: 40, subject: RED, background: [0, 255, 0] }
  const keyed = () => keyOut(discRgba(spec), { key: [0, 255, 0], margin: Math.hypot(220, 225, 40) })

  test('the key background becomes fully transparent (corners)', () => {
    const image = keyed()
    for (const [x, y] of [
      [0, 0],
      [47, 0],
      [0, 39],
      [47, 39],
    ] as const) {
      expect(pixelAt(image, x, y)[3]).toBe(0)
    }
  })

  test('the subject stays opaque with its own colour', () => {
    expect(pixelAt(keyed(), 24, 20)).toEqual([...RED, 255])
  })

  test('anti-aliased edge pixels are partly transparent and un-mixed from the key', () => {
    const image = keyed()
    const edges = edgePixels(spec)
    expect(edges.length).toBeGreaterThan(8)
    for (const [x, y] of edges) {
      const [r = 0, g = 0, , a = 0] = pixelAt(image, x, y)
      expect(a).toBeGreaterThan(0)
      expect(a).toBeLessThan(255)
      // No green fringe: spill removed, the edge keeps the subject's red.
      expect(g).toBeLessThanOrEqual(r)
    }
  })
})
