/**
 * @module media/encode
 * RGBA back to files, and resizing: PNG through jimp (pure JS), WebP through libwebp in wasm
 * (`media/webp`); both are loaded on first use.
 */
import { once } from '../core/lazy'
import type { RgbaImage } from './pixels'

const jimp = once(() => import('jimp'))

const toBitmap = (image: RgbaImage) => ({
  width: image.width,
  height: image.height,
  data: Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength),
})

const fromBitmap = (bitmap: { width: number; height: number; data: Buffer }): RgbaImage => ({
  width: bitmap.width,
  height: bitmap.height,
  data: new Uint8Array(bitmap.data.buffer, bitmap.data.byteOffset, bitmap.data.byteLength),
})

/** A PNG with an alpha channel (RGBA, 8 bits per channel). */
export async function encodePng(image: RgbaImage): Promise<Uint8Array> {
  const { Jimp } = await jimp()
  const png = await Jimp.fromBitmap(toBitmap(image)).getBuffer('image/png')
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength)
}

export type EncodableType = 'image/png' | 'image/webp'

export async function encodeImage(
  image: RgbaImage,
  mimeType: EncodableType,
  options: { quality?: number } = {}
): Promise<Uint8Array> {
  if (mimeType === 'image/png') return encodePng(image)
  const { encodeWebp } = await import('./webp')
  return encodeWebp(image, options)
}

/** `image` scaled to exactly `width` x `height` (bilinear; an identical size is returned as is). */
export async function resize(image: RgbaImage, width: number, height: number): Promise<RgbaImage> {
  if (image.width === width && image.height === height) return image
  const { Jimp, ResizeStrategy } = await jimp()
  const resized = Jimp.fromBitmap(toBitmap(image)).resize({
    w: width,
    h: height,
    mode: ResizeStrategy.BILINEAR,
  })
  return fromBitmap(resized.bitmap)
}

/** Scaled so that its longer side is at most `maxSide` (never enlarged). */
export async function fitWithin(image: RgbaImage, maxSide: number): Promise<RgbaImage> {
  const longer = Math.max(image.width, image.height)
  if (longer <= maxSide) return image
  const scale = maxSide / longer
  return resize(
    image,
    Math.max(1, Math.round(image.width * scale)),
    Math.max(1, Math.round(image.height * scale))
  )
}
