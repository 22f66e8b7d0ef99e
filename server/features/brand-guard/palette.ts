/**
 * @module brand-guard/palette
 * The measured palette of an image against the brand colours: a downscaled copy, its dominant
 * colours by k-means in CIELAB, each one's CIEDE2000 distance to the nearest brand colour, and
 * the share of pixels within `deltaELimit` of any brand colour. Pure: same pixels and palette
 * in, same numbers out (rounded: shares to 0.1 %, ΔE to a tenth).
 */
import { downscale } from '../../media/downscale'
import type { RgbaImage } from '../../media/pixels'
import type { ColorRole, KitColor } from '../brand/profile'
import { colorPoints, kMeans } from './kmeans'
import { ciede2000, hexToLab, type Lab, labToHex } from './lab'
import { METHOD } from './method'

export interface NearestColor {
  hex: string
  role: ColorRole
  /** CIEDE2000, one decimal. */
  deltaE: number
}

export interface DominantColor {
  hex: string
  /** Share of the measured pixels, 0-1 (three decimals). */
  share: number
  /** The closest brand colour (absent when the kit has no colours). */
  nearest?: NearestColor
}

export interface MeasuredPalette {
  /** The measured copy and how many opaque pixels it holds. */
  sample: { width: number; height: number; pixels: number }
  dominant: DominantColor[]
  /** Share of pixels within `deltaELimit` of a brand colour; null without brand colours. */
  coverage: number | null
}

export const round = (n: number, digits: number) => {
  const f = 10 ** digits
  return Math.round(n * f) / f
}

interface KitLab {
  color: KitColor
  lab: Lab
}

function nearestOf(
  lab: Lab,
  kit: readonly KitLab[]
): { color: KitColor; deltaE: number } | undefined {
  let best: { color: KitColor; deltaE: number } | undefined
  for (const k of kit) {
    const deltaE = ciede2000(lab, k.lab)
    if (!best || deltaE < best.deltaE) best = { color: k.color, deltaE }
  }
  return best
}

export function measurePalette(image: RgbaImage, colors: readonly KitColor[]): MeasuredPalette {
  const sample = downscale(image, METHOD.sampleSide)
  const { points, total } = colorPoints(sample)
  const kit = colors.map((color) => ({ color, lab: hexToLab(color.hex) }))
  const dominant = kMeans(points, METHOD.dominantColors).map((cluster): DominantColor => {
    const nearest = nearestOf(cluster.lab, kit)
    return {
      hex: labToHex(cluster.lab),
      share: round(cluster.count / total, 3),
      ...(nearest
        ? {
            nearest: {
              hex: nearest.color.hex,
              role: nearest.color.role,
              deltaE: round(nearest.deltaE, 1),
            },
          }
        : {}),
    }
  })
  let within = 0
  if (kit.length) {
    for (const p of points) {
      if (kit.some((k) => ciede2000(p.lab, k.lab) <= METHOD.deltaELimit)) within += p.count
    }
  }
  return {
    sample: { width: sample.width, height: sample.height, pixels: total },
    dominant,
    coverage: kit.length && total ? round(within / total, 3) : null,
  }
}
