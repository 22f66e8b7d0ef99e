/**
 * @module brand-guard/contrast
 * The contrast of text the model found in an image, from the pixels: within each box (the
 * model's 0-1000 coordinates, as Gemini gives boxes), two-colour k-means in CIELAB separates
 * the lettering from what is behind it (the larger cluster is the background), and the WCAG 2
 * contrast ratio of the two is compared with `contrastMinimum`. Pure and deterministic.
 */
import type { RgbaImage } from '../../media/pixels'
import { colorPoints, kMeans } from './kmeans'
import { contrastRatio, labToHex } from './lab'
import { METHOD } from './method'

/** A box in thousandths of the image's height and width, as Gemini answers boxes. */
export interface Box {
  ymin: number
  xmin: number
  ymax: number
  xmax: number
}

export interface TextContrast {
  text: string
  box: Box
  foreground: string
  background: string
  /** WCAG 2 ratio, 1-21 (two decimals). */
  ratio: number
  minimum: number
  passes: boolean
}

// Enough pixels to tell lettering from background, few enough for a large banner.
const MAX_REGION_PIXELS = 12_000

/** The pixels inside `box`, sampled evenly when the region is large; undefined when empty. */
export function crop(image: RgbaImage, box: Box): RgbaImage | undefined {
  const x0 = Math.floor((Math.min(box.xmin, box.xmax) / 1000) * image.width)
  const x1 = Math.ceil((Math.max(box.xmin, box.xmax) / 1000) * image.width)
  const y0 = Math.floor((Math.min(box.ymin, box.ymax) / 1000) * image.height)
  const y1 = Math.ceil((Math.max(box.ymin, box.ymax) / 1000) * image.height)
  const w = Math.min(image.width, x1) - Math.max(0, x0)
  const h = Math.min(image.height, y1) - Math.max(0, y0)
  if (w <= 0 || h <= 0) return undefined
  const step = Math.max(1, Math.ceil(Math.sqrt((w * h) / MAX_REGION_PIXELS)))
  const outW = Math.ceil(w / step)
  const outH = Math.ceil(h / step)
  const data = new Uint8Array(outW * outH * 4)
  for (let y = 0; y < outH; y++) {
    for (let x = 0; x < outW; x++) {
      const i = ((Math.max(0, y0) + y * step) * image.width + Math.max(0, x0) + x * step) * 4
      data.set(image.data.subarray(i, i + 4), (y * outW + x) * 4)
    }
  }
  return { width: outW, height: outH, data }
}

export function textContrast(
  image: RgbaImage,
  region: { text: string; box: Box }
): TextContrast | undefined {
  const pixels = crop(image, region.box)
  if (!pixels) return undefined
  const [background, foreground] = kMeans(colorPoints(pixels).points, 2)
  if (!background) return undefined
  const bg = labToHex(background.lab)
  const fg = foreground ? labToHex(foreground.lab) : bg
  const ratio = contrastRatio(fg, bg)
  return {
    text: region.text,
    box: region.box,
    foreground: fg,
    background: bg,
    ratio,
    minimum: METHOD.contrastMinimum,
    passes: ratio >= METHOD.contrastMinimum,
  }
}
