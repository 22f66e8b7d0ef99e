/**
 * The measured half of the brand check on images with known palettes: an on-palette image
 * measures close to the palette and an off-palette one far from it, text contrast comes from the
 * pixels in the model's boxes, and the same image always gives the same numbers, to the decimal.
 */
import { describe, expect, test } from 'bun:test'
import { textContrast } from '../../server/features/brand-guard/contrast'
import { colorPoints, kMeans } from '../../server/features/brand-guard/kmeans'
import { METHOD } from '../../server/features/brand-guard/method'
import { measurePalette } from '../../server/features/brand-guard/palette'
import { paletteValues, scoreOf } from '../../server/features/brand-guard/score'
import { downscale } from '../../server/media/downscale'
import { discRgba } from '../support/synthetic-images'
import {
  captioned,
  GOOD_CAPTION,
  KIT_COLORS,
  OFF_SPEC,
  ON_SPEC,
  offPalette,
  onPalette,
  POOR_CAPTION,
} from './support'

const measuredScore = (image = onPalette()) => {
  const values = paletteValues([measurePalette(image, KIT_COLORS)])
  return scoreOf(
    { ...values, textContrast: null, logo: null, typography: null, voice: null, forbidden: null },
    true
  ).value
}

describe('palette', () => {
  test('an on-palette image: its dominant colours are the brand’s, nearly every pixel within ΔE 10', () => {
    const palette = measurePalette(onPalette(), KIT_COLORS)
    expect(palette.sample).toEqual({ width: 96, height: 72, pixels: 96 * 72 })
    const [first, second] = palette.dominant
    expect(first?.nearest).toMatchObject({ hex: '#faf7f0', role: 'background' })
    expect(first?.nearest?.deltaE).toBeLessThan(1)
    expect(second?.nearest).toMatchObject({ hex: '#1f6f5c', role: 'primary' })
    expect(second?.nearest?.deltaE).toBeLessThan(1)
    expect(palette.coverage).toBeGreaterThan(0.95)
  })

  test('an off-palette image: far from every brand colour, almost no pixel within ΔE 10', () => {
    const palette = measurePalette(offPalette(), KIT_COLORS)
    for (const c of palette.dominant.filter((d) => d.share > 0.05)) {
      expect(c.nearest?.deltaE).toBeGreaterThan(METHOD.offPaletteDeltaE)
    }
    expect(palette.coverage).toBeLessThan(0.05)
  })

  test('on-palette scores high, off-palette low', () => {
    expect(measuredScore(onPalette())).toBeGreaterThan(90)
    expect(measuredScore(offPalette())).toBeLessThan(25)
  })

  test('the same image gives the same numbers, to the decimal (pinned)', () => {
    const a = measurePalette(onPalette(), KIT_COLORS)
    const b = measurePalette(onPalette(), KIT_COLORS)
    expect(a).toEqual(b)
    expect({ on: measuredScore(onPalette()), off: measuredScore(offPalette()) }).toEqual(PINNED)
    expect(measurePalette(offPalette(), KIT_COLORS).dominant.map((d) => d.hex)).toEqual(
      PINNED_OFF_HEXES
    )
  })

  test('without brand colours nothing is compared (null, never a guess)', () => {
    const palette = measurePalette(onPalette(), [])
    expect(palette.coverage).toBeNull()
    expect(palette.dominant.every((d) => d.nearest === undefined)).toBe(true)
    expect(paletteValues([palette])).toEqual({ paletteCoverage: null, dominantColors: null })
  })

  test('transparent pixels are not measured', () => {
    const image = discRgba(ON_SPEC)
    for (let i = 0; i < image.data.length; i += 8) image.data[i + 3] = 0
    const palette = measurePalette(image, KIT_COLORS)
    expect(palette.sample.pixels).toBeLessThan(palette.sample.width * palette.sample.height)
  })
})

describe('k-means', () => {
  test('finds the two colours of a two-colour image, with their shares', () => {
    const { points, total } = colorPoints(downscale(discRgba({ ...OFF_SPEC, radius: 0.3 }), 96))
    const clusters = kMeans(points, 2)
    expect(clusters).toHaveLength(2)
    expect((clusters[0]?.count ?? 0) + (clusters[1]?.count ?? 0)).toBe(total)
    // The disc (radius 0.3 of the shorter side) covers about 0.283 * 72/96 of the pixels.
    expect((clusters[1]?.count ?? 0) / total).toBeCloseTo(Math.PI * 0.09 * 0.75, 1)
  })

  test('fewer distinct colours than clusters gives fewer clusters', () => {
    const flat = { width: 4, height: 4, data: new Uint8Array(64).fill(200) }
    expect(kMeans(colorPoints(flat).points, 5)).toHaveLength(1)
  })
})

describe('text contrast', () => {
  test('readable lettering passes, faint lettering fails, from the pixels in the box', () => {
    const good = textContrast(captioned(GOOD_CAPTION), {
      text: 'Fresh roasts',
      box: GOOD_CAPTION.box,
    })
    expect(good).toMatchObject({
      foreground: '#faf7f0',
      background: '#1f6f5c',
      ratio: 5.62,
      passes: true,
    })
    const poor = textContrast(captioned(POOR_CAPTION), {
      text: 'cheap deals',
      box: POOR_CAPTION.box,
    })
    expect(poor?.passes).toBe(false)
    expect(poor?.ratio).toBeLessThan(1.5)
  })

  test('a box outside the image measures nothing', () => {
    expect(
      textContrast(onPalette(), {
        text: 'x',
        box: { ymin: 1000, xmin: 1000, ymax: 1000, xmax: 1000 },
      })
    ).toBeUndefined()
  })
})

// Measured once and pinned: any change to the method (or to colord's conversion) shows here.
const PINNED = { on: 99, off: 0 }
const PINNED_OFF_HEXES = ['#1e5ae6', '#dc1e28', '#5749b0', '#833b82', '#b32c52']
