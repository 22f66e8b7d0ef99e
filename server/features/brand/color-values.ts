/**
 * @module brand/color-values
 * Colour values as CSS and SVG write them (`#1F6F5C`, `#abc`, `rgb(31 111 92)`, `hsl(…)`,
 * `rebeccapurple`) -> `#rrggbb`, read with colord; and the light/grey judgements the palette
 * needs to give colours without a named role one.
 */
import { colord, extend } from 'colord'
import namesPlugin from 'colord/plugins/names'

extend([namesPlugin])

// Colours more transparent than this are overlays and shadows, not brand colours.
const MIN_ALPHA = 0.5
// Saturation (0-100) below which a colour reads as grey.
const GREY_SATURATION = 12

const TOKEN = /#[0-9a-f]{3,8}\b|(?:rgba?|hsla?)\([^()]*\)|\b[a-z]{3,20}\b/gi
const URL_PART = /url\([^)]*\)/gi

/** `#rrggbb` for a single colour value, or undefined (not a colour, or mostly transparent). */
export function parseColor(value: string): string | undefined {
  const color = colord(value.trim())
  if (!color.isValid() || color.alpha() < MIN_ALPHA) return undefined
  return color.alpha(1).toHex().slice(0, 7)
}

/** Every colour written in a CSS value (gradients and shorthands included), in order. */
export function colorsIn(value: string): string[] {
  const found: string[] = []
  for (const token of value.replace(URL_PART, ' ').match(TOKEN) ?? []) {
    const hex = parseColor(token)
    if (hex) found.push(hex)
  }
  return found
}

export type Tone = 'light' | 'dark' | 'grey' | 'colour'

/** How a colour without a named role reads: near white, near black, grey, or a colour. */
export function toneOf(hex: string): Tone {
  const { s, l } = colord(hex).toHsl()
  // A deep green or a pastel still reads as a colour; only the nearly colourless do not.
  if (l >= 95 || (l >= 90 && s < 40)) return 'light'
  if (l <= 8 || (l <= 20 && s < 25)) return 'dark'
  return s < GREY_SATURATION ? 'grey' : 'colour'
}

/** Perceptual-enough distance for telling duplicates apart (RGB, 0 to ~441). */
export function colorDistance(a: string, b: string): number {
  const x = colord(a).toRgb()
  const y = colord(b).toRgb()
  return Math.hypot(x.r - y.r, x.g - y.g, x.b - y.b)
}
