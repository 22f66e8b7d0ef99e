import { describe, expect, test } from 'bun:test'
import {
  DECODABLE_IMAGE_TYPES,
  decodeImage,
  dominantColors,
  ImageDecodeError,
  type RgbaImage,
  rgbToHex,
} from '../../server/media/pixels'
import { KIT_SITE, kitLogoPng } from '../support/fake-kit-site'
import { gif, pngRgba } from '../support/fake-site'

const solid = (width: number, height: number, rgba: [number, number, number, number]) =>
  pngRgba(width, height, () => rgba)

describe('decodeImage', () => {
  test('a PNG becomes its exact RGBA pixels', async () => {
    const image = await decodeImage(
      pngRgba(3, 2, (x, y) => [x * 100, y * 200, 7, 255 - x]),
      'image/png'
    )
    expect(image.width).toBe(3)
    expect(image.height).toBe(2)
    expect(image.data).toBeInstanceOf(Uint8Array)
    expect([...image.data.subarray(0, 4)]).toEqual([0, 0, 7, 255])
    expect([...image.data.subarray((1 * 3 + 2) * 4, (1 * 3 + 2) * 4 + 4)]).toEqual([
      200, 200, 7, 253,
    ])
  })

  test('a GIF decodes too', async () => {
    const image = await decodeImage(gif(), 'image/gif')
    expect(image.width * image.height).toBe(1)
    expect(image.data).toHaveLength(4)
  })

  test('WebP is among the decodable types (libwebp in wasm)', () => {
    expect(DECODABLE_IMAGE_TYPES).toContain('image/webp')
  })

  test('a bitmap larger than the pixel limit is refused from its header', async () => {
    await expect(
      decodeImage(solid(100, 100, [0, 0, 0, 255]), 'image/png', { maxPixels: 9_999 })
    ).rejects.toThrow('more than 9999 pixels')
  })

  test('bytes that are not an image are an ImageDecodeError', async () => {
    await expect(
      decodeImage(new TextEncoder().encode('<html>'), 'image/png')
    ).rejects.toBeInstanceOf(ImageDecodeError)
  })
})

describe('dominantColors', () => {
  test('the kit logo: its two colours with their shares, transparency not counted', async () => {
    const colors = dominantColors(await decodeImage(kitLogoPng(), 'image/png'))
    expect(colors).toEqual([
      { hex: KIT_SITE.colors.logo, share: 20 / 28 },
      { hex: KIT_SITE.colors.primary, share: 8 / 28 },
    ])
  })

  test('near colours (anti-aliasing) merge into the most frequent exact colour', () => {
    const image: RgbaImage = {
      width: 4,
      height: 1,
      data: new Uint8Array([
        10, 100, 200, 255, 10, 100, 200, 255, 10, 100, 200, 255, 14, 104, 196, 255,
      ]),
    }
    expect(dominantColors(image)).toEqual([{ hex: '#0a64c8', share: 1 }])
  })

  test('a white canvas around the logo is not a brand colour; a coloured one is', async () => {
    const onWhite = pngRgba(10, 10, (x, y) =>
      x > 2 && x < 7 && y > 2 && y < 7 ? [200, 30, 30, 255] : [255, 255, 255, 255]
    )
    expect(dominantColors(await decodeImage(onWhite, 'image/png')).map((c) => c.hex)).toEqual([
      '#c81e1e',
    ])
    const onGreen = pngRgba(10, 10, (x, y) =>
      x > 2 && x < 7 && y > 2 && y < 7 ? [255, 255, 255, 255] : [31, 111, 92, 255]
    )
    expect(dominantColors(await decodeImage(onGreen, 'image/png')).map((c) => c.hex)).toEqual([
      '#1f6f5c',
      '#ffffff',
    ])
  })

  test('small shares are left out and the count is capped', () => {
    const data = new Uint8Array(100 * 4)
    for (let i = 0; i < 100; i++) data.set(i < 97 ? [0, 0, 255, 255] : [255, 0, 0, 255], i * 4)
    const colors = dominantColors({ width: 100, height: 1, data }, { minShare: 0.05 })
    expect(colors.map((c) => c.hex)).toEqual(['#0000ff'])
    expect(rgbToHex([255, 0, 0])).toBe('#ff0000')
  })
})
