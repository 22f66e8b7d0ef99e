/**
 * @module brand-guard/lab
 * Colours as the brand check measures them: sRGB -> CIELAB through colord's lab plugin (CSS
 * Color 4's `lab()`: D50 white, Bradford-adapted, rounded to two decimals), and the CIEDE2000
 * difference of two Lab colours (kL = kC = kH = 1). colord's own `delta` is CIEDE2000 too, but
 * it rounds to a tenth and re-converts both colours on every call, far too slow for every pixel
 * of an image; this one takes Lab values and is checked against Sharma, Wu and Dalal's test
 * data (tests/brand-guard/lab.test.ts), and against colord's `delta`.
 */
import { colord, extend } from 'colord'
import a11yPlugin from 'colord/plugins/a11y'
import labPlugin from 'colord/plugins/lab'

extend([labPlugin, a11yPlugin])

export interface Lab {
  l: number
  a: number
  b: number
}

/** CIELAB of an sRGB colour (0-255 channels). */
export function rgbToLab(r: number, g: number, b: number): Lab {
  const { l, a, b: bb } = colord({ r, g, b }).toLab()
  return { l, a, b: bb }
}

export const hexToLab = (hex: string): Lab => {
  const { l, a, b } = colord(hex).toLab()
  return { l, a, b }
}

/** `#rrggbb` of a Lab colour (clamped into sRGB). */
export const labToHex = (lab: Lab): string =>
  colord({ ...lab, alpha: 1 })
    .toHex()
    .slice(0, 7)

/** WCAG 2 contrast ratio of two colours (1 to 21, two decimals). */
export const contrastRatio = (a: string, b: string): number => colord(a).contrast(b)

const DEG = Math.PI / 180
const POW25_7 = 25 ** 7

/** Hue angle in degrees, 0-360 (0 for a neutral colour). */
const hue = (b: number, a: number) => {
  if (a === 0 && b === 0) return 0
  const h = Math.atan2(b, a) / DEG
  return h < 0 ? h + 360 : h
}

/** CIEDE2000 colour difference (Sharma, Wu, Dalal 2005), parametric factors 1. */
export function ciede2000(x: Lab, y: Lab): number {
  const c1 = Math.hypot(x.a, x.b)
  const c2 = Math.hypot(y.a, y.b)
  const cBar7 = ((c1 + c2) / 2) ** 7
  const g = 0.5 * (1 - Math.sqrt(cBar7 / (cBar7 + POW25_7)))
  const a1 = x.a * (1 + g)
  const a2 = y.a * (1 + g)
  const cp1 = Math.hypot(a1, x.b)
  const cp2 = Math.hypot(a2, y.b)
  const h1 = hue(x.b, a1)
  const h2 = hue(y.b, a2)

  const dL = y.l - x.l
  const dC = cp2 - cp1
  let dh = 0
  if (cp1 * cp2 !== 0) {
    dh = h2 - h1
    if (dh > 180) dh -= 360
    else if (dh < -180) dh += 360
  }
  const dH = 2 * Math.sqrt(cp1 * cp2) * Math.sin((dh / 2) * DEG)

  const lBar = (x.l + y.l) / 2
  const cBar = (cp1 + cp2) / 2
  let hBar = h1 + h2
  if (cp1 * cp2 !== 0) {
    if (Math.abs(h1 - h2) <= 180) hBar /= 2
    else hBar = h1 + h2 < 360 ? (hBar + 360) / 2 : (hBar - 360) / 2
  }
  const t =
    1 -
    0.17 * Math.cos((hBar - 30) * DEG) +
    0.24 * Math.cos(2 * hBar * DEG) +
    0.32 * Math.cos((3 * hBar + 6) * DEG) -
    0.2 * Math.cos((4 * hBar - 63) * DEG)
  const dTheta = 30 * Math.exp(-(((hBar - 275) / 25) ** 2))
  const cBarP7 = cBar ** 7
  const rc = 2 * Math.sqrt(cBarP7 / (cBarP7 + POW25_7))
  const sl = 1 + (0.015 * (lBar - 50) ** 2) / Math.sqrt(20 + (lBar - 50) ** 2)
  const sc = 1 + 0.045 * cBar
  const sh = 1 + 0.015 * cBar * t
  const rt = -Math.sin(2 * dTheta * DEG) * rc
  return Math.sqrt((dL / sl) ** 2 + (dC / sc) ** 2 + (dH / sh) ** 2 + rt * (dC / sc) * (dH / sh))
}
