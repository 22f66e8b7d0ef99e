/**
 * @module media/chroma-key
 * Background removal by keying: the subject is rendered on a flat key colour chosen far from
 * the subject's own colours, then that colour is made transparent: colour distance to the key
 * sets the alpha with a soft edge, edge pixels are un-mixed from the key, and any leftover key
 * tint (spill) is removed. Pure: no I/O.
 */
import { dominantColors, type Rgb, type RgbaImage, rgbDistance, rgbToHex } from './pixels'

/** Key colours a model renders reliably as a flat background, in order of preference. */
export const KEY_COLORS: readonly Rgb[] = [
  [0, 255, 0],
  [255, 0, 255],
  [0, 0, 255],
  [0, 255, 255],
  [255, 255, 0],
  [255, 0, 0],
]

/** Pixels this close to the key (RGB distance) are fully transparent: flat-background noise. */
export const KEY_TOLERANCE = 40

export interface KeyChoice {
  key: Rgb
  hex: string
  /** Distance from the key to the nearest of the subject's main colours. */
  margin: number
}

const hexToRgb = (hex: string): Rgb => [
  Number.parseInt(hex.slice(1, 3), 16),
  Number.parseInt(hex.slice(3, 5), 16),
  Number.parseInt(hex.slice(5, 7), 16),
]

/** The key colour farthest from every main colour of `image` (the first one on a tie). */
export function chooseKeyColor(image: RgbaImage): KeyChoice {
  const colors = dominantColors(image, { max: 12, minShare: 0.005 }).map((c) => hexToRgb(c.hex))
  let best: KeyChoice | undefined
  for (const key of KEY_COLORS) {
    const margin = colors.length ? Math.min(...colors.map((c) => rgbDistance(c, key))) : 441
    if (!best || margin > best.margin) best = { key, hex: rgbToHex(key), margin }
  }
  return best as KeyChoice
}

export interface KeyOptions {
  key: Rgb
  /** Distance from the key to the subject's nearest main colour (sets the soft edge's width). */
  margin: number
  tolerance?: number
}

/**
 * `image` with the key colour made transparent. Alpha ramps from 0 at `tolerance` to 255 at
 * most of the way to the subject's nearest colour, so anti-aliased edges stay partly
 * transparent; their colour is un-mixed from the key, then spill is removed.
 */
export function keyOut(image: RgbaImage, options: KeyOptions): RgbaImage {
  const [kr, kg, kb] = options.key
  const inner = options.tolerance ?? KEY_TOLERANCE
  const outer = Math.min(300, Math.max(inner + 30, options.margin * 0.8))
  const keyed = [kr >= 128, kg >= 128, kb >= 128]
  const data = new Uint8Array(image.data)
  const rgb = [0, 0, 0]
  for (let i = 0; i < data.length; i += 4) {
    const r = data[i] ?? 0
    const g = data[i + 1] ?? 0
    const b = data[i + 2] ?? 0
    const distance = Math.sqrt((r - kr) ** 2 + (g - kg) ** 2 + (b - kb) ** 2)
    const a = Math.min(1, Math.max(0, (distance - inner) / (outer - inner)))
    if (a === 0) {
      data[i + 3] = 0
      continue
    }
    // observed = a * subject + (1 - a) * key, solved for the subject.
    rgb[0] = (r - (1 - a) * kr) / a
    rgb[1] = (g - (1 - a) * kg) / a
    rgb[2] = (b - (1 - a) * kb) / a
    despill(rgb, keyed)
    data[i] = clamp(rgb[0] ?? 0)
    data[i + 1] = clamp(rgb[1] ?? 0)
    data[i + 2] = clamp(rgb[2] ?? 0)
    data[i + 3] = Math.round(a * (data[i + 3] ?? 255))
  }
  return { width: image.width, height: image.height, data }
}

const clamp = (value: number) => Math.round(Math.min(255, Math.max(0, value)))

/** Lowers the key's channels to the level of the others where they stand above it. */
function despill(rgb: number[], keyed: readonly boolean[]): void {
  let lowestKeyed = Number.POSITIVE_INFINITY
  let highestOther = Number.NEGATIVE_INFINITY
  for (let c = 0; c < 3; c++) {
    const value = rgb[c] ?? 0
    if (keyed[c]) lowestKeyed = Math.min(lowestKeyed, value)
    else highestOther = Math.max(highestOther, value)
  }
  const spill = lowestKeyed - highestOther
  if (!Number.isFinite(spill) || spill <= 0) return
  for (let c = 0; c < 3; c++) if (keyed[c]) rgb[c] = (rgb[c] ?? 0) - spill
}
