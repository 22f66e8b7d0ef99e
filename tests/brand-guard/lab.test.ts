/**
 * The colour science of the brand check: CIEDE2000 against Sharma, Wu and Dalal's published
 * test data (all 34 pairs, to four decimals), and against colord's own `delta` (which is
 * CIEDE2000 on the same Lab, rounded to a tenth); sRGB -> Lab and back.
 */
import { describe, expect, test } from 'bun:test'
import { colord, extend } from 'colord'
import labPlugin from 'colord/plugins/lab'
import {
  ciede2000,
  contrastRatio,
  hexToLab,
  type Lab,
  labToHex,
  rgbToLab,
} from '../../server/features/brand-guard/lab'

extend([labPlugin])

// G. Sharma, W. Wu, E. N. Dalal, "The CIEDE2000 color-difference formula: implementation notes,
// supplementary test data, and mathematical observations", Color Res. Appl. 30 (2005), table 1.
const SHARMA: [number, number, number, number, number, number, number][] = [
  [50.0, 2.6772, -79.7751, 50.0, 0.0, -82.7485, 2.0425],
  [50.0, 3.1571, -77.2803, 50.0, 0.0, -82.7485, 2.8615],
  [50.0, 2.8361, -74.02, 50.0, 0.0, -82.7485, 3.4412],
  [50.0, -1.3802, -84.2814, 50.0, 0.0, -82.7485, 1.0],
  [50.0, -1.1848, -84.8006, 50.0, 0.0, -82.7485, 1.0],
  [50.0, -0.9009, -85.5211, 50.0, 0.0, -82.7485, 1.0],
  [50.0, 0.0, 0.0, 50.0, -1.0, 2.0, 2.3669],
  [50.0, -1.0, 2.0, 50.0, 0.0, 0.0, 2.3669],
  [50.0, 2.49, -0.001, 50.0, -2.49, 0.0009, 7.1792],
  [50.0, 2.49, -0.001, 50.0, -2.49, 0.001, 7.1792],
  [50.0, 2.49, -0.001, 50.0, -2.49, 0.0011, 7.2195],
  [50.0, 2.49, -0.001, 50.0, -2.49, 0.0012, 7.2195],
  [50.0, -0.001, 2.49, 50.0, 0.0009, -2.49, 4.8045],
  [50.0, -0.001, 2.49, 50.0, 0.001, -2.49, 4.8045],
  [50.0, -0.001, 2.49, 50.0, 0.0011, -2.49, 4.7461],
  [50.0, 2.5, 0.0, 50.0, 0.0, -2.5, 4.3065],
  [50.0, 2.5, 0.0, 73.0, 25.0, -18.0, 27.1492],
  [50.0, 2.5, 0.0, 61.0, -5.0, 29.0, 22.8977],
  [50.0, 2.5, 0.0, 56.0, -27.0, -3.0, 31.903],
  [50.0, 2.5, 0.0, 58.0, 24.0, 15.0, 19.4535],
  [50.0, 2.5, 0.0, 50.0, 3.1736, 0.5854, 1.0],
  [50.0, 2.5, 0.0, 50.0, 3.2972, 0.0, 1.0],
  [50.0, 2.5, 0.0, 50.0, 1.8634, 0.5757, 1.0],
  [50.0, 2.5, 0.0, 50.0, 3.2592, 0.335, 1.0],
  [60.2574, -34.0099, 36.2677, 60.4626, -34.1751, 39.4387, 1.2644],
  [63.0109, -31.0961, -5.8663, 62.8187, -29.7946, -4.0864, 1.263],
  [61.2901, 3.7196, -5.3901, 61.4292, 2.248, -4.962, 1.8731],
  [35.0831, -44.1164, 3.7933, 35.0232, -40.0716, 1.5901, 1.8645],
  [22.7233, 20.0904, -46.694, 23.0331, 14.973, -42.5619, 2.0373],
  [36.4612, 47.858, 18.3852, 36.2715, 50.5065, 21.2231, 1.4146],
  [90.8027, -2.0831, 1.441, 91.1528, -1.6435, 0.0447, 1.4441],
  [90.9257, -0.5406, -0.9208, 88.6381, -0.8985, -0.7239, 1.5381],
  [6.7747, -0.2908, -2.4247, 5.8714, -0.0985, -2.2286, 0.6377],
  [2.0776, 0.0795, -1.135, 0.9033, -0.0636, -0.5514, 0.9082],
]

describe('ciede2000', () => {
  test.each(SHARMA.map((row, i) => [i + 1, row] as const))('Sharma pair %d', (_n, row) => {
    const [l1, a1, b1, l2, a2, b2, expected] = row
    const x: Lab = { l: l1, a: a1, b: b1 }
    const y: Lab = { l: l2, a: a2, b: b2 }
    expect(ciede2000(x, y)).toBeCloseTo(expected, 4)
    expect(ciede2000(y, x)).toBeCloseTo(expected, 4)
  })

  test('is zero for the same colour', () => {
    expect(ciede2000(hexToLab('#1f6f5c'), hexToLab('#1f6f5c'))).toBe(0)
  })

  test('agrees with colord’s delta (CIEDE2000 on the same Lab, rounded to a tenth)', () => {
    // A fixed spread of colours, no randomness.
    const hexes = Array.from({ length: 40 }, (_, i) => {
      const r = (i * 67) % 256
      const g = (i * 139 + 40) % 256
      const b = (i * 23 + 200) % 256
      return colord({ r, g, b }).toHex()
    })
    for (let i = 0; i < hexes.length - 1; i++) {
      const a = hexes[i] as string
      const b = hexes[i + 1] as string
      const ours = ciede2000(hexToLab(a), hexToLab(b))
      const theirs = colord(a).delta(b) * 100
      expect(Math.abs(ours - theirs)).toBeLessThanOrEqual(0.051)
    }
  })
})

describe('conversions', () => {
  test('sRGB to Lab follows CSS Color 4 (D50)', () => {
    expect(rgbToLab(255, 255, 255)).toEqual({ l: 100, a: 0, b: 0 })
    expect(rgbToLab(0, 0, 0)).toEqual({ l: 0, a: 0, b: 0 })
    const red = rgbToLab(255, 0, 0)
    expect(red.l).toBeCloseTo(54.29, 1)
    expect(red.a).toBeCloseTo(80.8, 0)
    expect(red.b).toBeCloseTo(69.89, 0)
  })

  test('Lab back to hex round-trips', () => {
    for (const hex of ['#1f6f5c', '#f2c14e', '#2b3a67', '#ffffff', '#000000']) {
      expect(labToHex(hexToLab(hex))).toBe(hex)
    }
  })

  test('contrast ratio is WCAG 2', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBe(21)
    // #777 on white is 4.478:1, just under AA's 4.5.
    const grey = contrastRatio('#777777', '#ffffff')
    expect(grey).toBeGreaterThanOrEqual(4.47)
    expect(grey).toBeLessThan(4.5)
  })
})
