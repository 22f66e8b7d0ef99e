/**
 * Synthetic test images with known colours: a disc (anti-aliased by 4x4 supersampling, so its
 * edge pixels are real mixes) on a flat background, as RGBA and as PNG.
 */
import type { RgbaImage } from '../../server/media/pixels'
import { pngRgba } from './fake-site'

export type Rgb = [number, number, number]

export interface DiscSpec {
  width: number
  height: number
  /** Radius as a share of the shorter side. @default 0.3 */
  radius?: number
  subject: Rgb
  background: Rgb
}

/** Share of pixel (x, y) covered by the disc, 0..1. */
function coverage(x: number, y: number, spec: DiscSpec): number {
  const cx = spec.width / 2
  const cy = spec.height / 2
  const r = Math.min(spec.width, spec.height) * (spec.radius ?? 0.3)
  let inside = 0
  for (let sy = 0; sy < 4; sy++) {
    for (let sx = 0; sx < 4; sx++) {
      const dx = x + (sx + 0.5) / 4 - cx
      const dy = y + (sy + 0.5) / 4 - cy
      if (dx * dx + dy * dy <= r * r) inside++
    }
  }
  return inside / 16
}

const mix = (a: Rgb, b: Rgb, t: number): [number, number, number, number] => [
  Math.round(a[0] * t + b[0] * (1 - t)),
  Math.round(a[1] * t + b[1] * (1 - t)),
  Math.round(a[2] * t + b[2] * (1 - t)),
  255,
]

export function discRgba(spec: DiscSpec): RgbaImage {
  const data = new Uint8Array(spec.width * spec.height * 4)
  for (let y = 0; y < spec.height; y++) {
    for (let x = 0; x < spec.width; x++) {
      data.set(mix(spec.subject, spec.background, coverage(x, y, spec)), (y * spec.width + x) * 4)
    }
  }
  return { width: spec.width, height: spec.height, data }
}

export const discPng = (spec: DiscSpec) =>
  pngRgba(spec.width, spec.height, (x, y) =>
    mix(spec.subject, spec.background, coverage(x, y, spec))
  )

/** Coverage of the disc at a pixel: 1 inside, 0 outside, between on the edge. */
export const discCoverage = (spec: DiscSpec, x: number, y: number) => coverage(x, y, spec)

/** The RGBA of pixel (x, y). */
export const pixelAt = (image: RgbaImage, x: number, y: number) => {
  const i = (y * image.width + x) * 4
  return [...image.data.subarray(i, i + 4)]
}

/** Every pixel (x, y) whose disc coverage is strictly between 0 and 1. */
export function edgePixels(spec: DiscSpec): [number, number][] {
  const out: [number, number][] = []
  for (let y = 0; y < spec.height; y++) {
    for (let x = 0; x < spec.width; x++) {
      const c = coverage(x, y, spec)
      if (c > 0.2 && c < 0.8) out.push([x, y])
    }
  }
  return out
}

/** A block of "lettering" (short bars of `ink` on `paper`) inside a box given in thousandths. */
export interface CaptionSpec {
  box: { ymin: number; xmin: number; ymax: number; xmax: number }
  ink: Rgb
  paper: Rgb
}

/** Inside the caption box: bars of ink, one pixel of paper between them, as text looks up close. */
function captionPixel(spec: CaptionSpec, w: number, h: number, x: number, y: number) {
  const x0 = Math.floor((spec.box.xmin / 1000) * w)
  const x1 = Math.ceil((spec.box.xmax / 1000) * w)
  const y0 = Math.floor((spec.box.ymin / 1000) * h)
  const y1 = Math.ceil((spec.box.ymax / 1000) * h)
  if (x < x0 || x >= x1 || y < y0 || y >= y1) return undefined
  const ink = (x - x0) % 3 !== 2 && (y - y0) % 4 !== 3 && (x - x0) % 11 < 8
  return ink ? spec.ink : spec.paper
}

/** A disc image with a caption block over it, as RGBA and PNG (known colours everywhere). */
export function captionedDiscRgba(spec: DiscSpec, caption: CaptionSpec): RgbaImage {
  const image = discRgba(spec)
  for (let y = 0; y < spec.height; y++) {
    for (let x = 0; x < spec.width; x++) {
      const c = captionPixel(caption, spec.width, spec.height, x, y)
      if (c) image.data.set([...c, 255], (y * spec.width + x) * 4)
    }
  }
  return image
}

export const captionedDiscPng = (spec: DiscSpec, caption: CaptionSpec) => {
  const image = captionedDiscRgba(spec, caption)
  return pngRgba(spec.width, spec.height, (x, y) => {
    const i = (y * spec.width + x) * 4
    return [image.data[i], image.data[i + 1], image.data[i + 2], 255] as [
      number,
      number,
      number,
      number,
    ]
  })
}
