/**
 * @module media/pixels
 * Decoded pixels for the features that need them (brand colours from a logo, the image
 * studio's resizing, alpha and keying): `decodeImage` turns PNG, JPEG, WebP, GIF, BMP or TIFF
 * bytes into RGBA, and small pure helpers work on the result. jimp (pure JS, so it works inside
 * the compiled server) is imported on the first decode only; WebP goes through libwebp in wasm
 * (`media/webp`), since jimp's WebP plugin fetches its wasm by URL and fails in a compiled binary.
 */
import { once } from '../core/lazy'

/** Pixels in RGBA order, row after row, 4 bytes each. */
export interface RgbaImage {
  width: number
  height: number
  data: Uint8Array
}

export const DECODABLE_IMAGE_TYPES = [
  'image/png',
  'image/jpeg',
  'image/webp',
  'image/gif',
  'image/bmp',
  'image/tiff',
] as const

/** Bigger images are refused before decoding (a small file can hold a huge bitmap). */
export const MAX_DECODED_PIXELS = 16_000_000

export class ImageDecodeError extends Error {
  override name = 'ImageDecodeError'
}

export const canDecode = (mimeType: string) =>
  (DECODABLE_IMAGE_TYPES as readonly string[]).includes(mimeType.toLowerCase())

const jimp = once(async () => (await import('jimp')).Jimp)

/**
 * Decodes `bytes` to RGBA.
 * @throws {ImageDecodeError} for a type not in DECODABLE_IMAGE_TYPES, a bitmap over `maxPixels`,
 * or bytes that are not a readable image.
 */
export async function decodeImage(
  bytes: Uint8Array,
  mimeType: string,
  options: { maxPixels?: number } = {}
): Promise<RgbaImage> {
  if (!canDecode(mimeType)) throw new ImageDecodeError(`${mimeType} images are not decoded`)
  const maxPixels = options.maxPixels ?? MAX_DECODED_PIXELS
  const { imageSize } = await import('image-size')
  let declared: { width: number; height: number }
  try {
    declared = imageSize(bytes)
  } catch {
    throw new ImageDecodeError('the image header is not readable')
  }
  if (declared.width * declared.height > maxPixels) {
    throw new ImageDecodeError(`the image has more than ${maxPixels} pixels`)
  }
  if (mimeType.toLowerCase() === 'image/webp') {
    const { decodeWebp } = await import('./webp')
    const image = await decodeWebp(bytes).catch(() => null)
    if (!image) throw new ImageDecodeError('the image could not be decoded')
    return image
  }
  const Jimp = await jimp()
  try {
    const image = await Jimp.fromBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length))
    const { width, height, data } = image.bitmap
    return { width, height, data: new Uint8Array(data.buffer, data.byteOffset, data.length) }
  } catch {
    throw new ImageDecodeError('the image could not be decoded')
  }
}

export type Rgb = readonly [number, number, number]

/** `[31, 111, 92]` -> `#1f6f5c` */
export const rgbToHex = ([r, g, b]: Rgb) =>
  `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`

/** Euclidean distance in RGB (0 to ~441). */
export const rgbDistance = (a: Rgb, b: Rgb) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2])

export interface ColorShare {
  hex: string
  /** Share of the counted (opaque, non-background) pixels, 0..1. */
  share: number
}

export interface DominantColorOptions {
  /** At most this many colours. @default 5 */
  max?: number
  /** Colours covering less than this share are left out. @default 0.05 */
  minShare?: number
  /** Pixels less opaque than this (0-255) are not counted. @default 128 */
  minAlpha?: number
  /** Colours closer than this (RGB distance) count as one. @default 32 */
  mergeDistance?: number
}

// Enough pixels to find the main colours of any logo, few enough to stay fast on a photo.
const SAMPLE_PIXELS = 65_536
const MAX_CLUSTERS = 24
// A white or black canvas around a logo (all four corners) is background, not brand colour.
const CANVAS_DISTANCE = 24

/**
 * The main colours of an image, largest share first. Near colours (anti-aliased edges, JPEG
 * noise) merge into the most frequent exact colour among them, so a flat logo gives its exact
 * colours back. Transparent pixels and a white or black canvas are not counted.
 */
export function dominantColors(image: RgbaImage, options: DominantColorOptions = {}): ColorShare[] {
  const { max = 5, minShare = 0.05, minAlpha = 128, mergeDistance = 32 } = options
  const { width, height, data } = image
  const step = Math.max(1, Math.ceil(Math.sqrt((width * height) / SAMPLE_PIXELS)))
  const canvas = canvasColor(image, minAlpha)
  const counts = new Map<number, number>()
  let total = 0
  for (let y = 0; y < height; y += step) {
    for (let x = 0; x < width; x += step) {
      const i = (y * width + x) * 4
      if ((data[i + 3] ?? 0) < minAlpha) continue
      const rgb: Rgb = [data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0]
      if (canvas && rgbDistance(rgb, canvas) <= CANVAS_DISTANCE) continue
      const key = (rgb[0] << 16) | (rgb[1] << 8) | rgb[2]
      counts.set(key, (counts.get(key) ?? 0) + 1)
      total++
    }
  }
  if (total === 0) return []

  const clusters: { rgb: Rgb; count: number }[] = []
  const byFrequency = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])
  for (const [key, count] of byFrequency) {
    const rgb: Rgb = [(key >> 16) & 255, (key >> 8) & 255, key & 255]
    let nearest: { rgb: Rgb; count: number } | undefined
    let nearestDistance = Number.POSITIVE_INFINITY
    for (const cluster of clusters) {
      const distance = rgbDistance(rgb, cluster.rgb)
      if (distance < nearestDistance) {
        nearest = cluster
        nearestDistance = distance
      }
    }
    if (nearest && (nearestDistance <= mergeDistance || clusters.length >= MAX_CLUSTERS)) {
      nearest.count += count
    } else {
      clusters.push({ rgb, count })
    }
  }
  return clusters
    .sort((a, b) => b.count - a.count)
    .map((c) => ({ hex: rgbToHex(c.rgb), share: c.count / total }))
    .filter((c) => c.share >= minShare)
    .slice(0, max)
}

/** The colour of all four corners when they agree and are near white or near black. */
function canvasColor(image: RgbaImage, minAlpha: number): Rgb | undefined {
  const { width, height, data } = image
  const corners = [
    [0, 0],
    [width - 1, 0],
    [0, height - 1],
    [width - 1, height - 1],
  ].map(([x = 0, y = 0]) => {
    const i = (y * width + x) * 4
    return {
      rgb: [data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0] as Rgb,
      alpha: data[i + 3] ?? 0,
    }
  })
  const first = corners[0]
  if (!first || corners.some((c) => c.alpha < minAlpha)) return undefined
  if (corners.some((c) => rgbDistance(c.rgb, first.rgb) > CANVAS_DISTANCE)) return undefined
  const isExtreme =
    rgbDistance(first.rgb, [255, 255, 255]) <= CANVAS_DISTANCE ||
    rgbDistance(first.rgb, [0, 0, 0]) <= CANVAS_DISTANCE
  return isExtreme ? first.rgb : undefined
}
