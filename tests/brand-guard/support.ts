/**
 * Fixtures of the brand-check tests: a brand kit with a known palette, images painted in it
 * (on-palette) and far from it (off-palette), deterministic and small, and the judged answers
 * the fake Gemini is scripted with.
 */
import type { BrandProfile, KitColor } from '../../server/features/brand/profile'
import {
  type CaptionSpec,
  captionedDiscPng,
  captionedDiscRgba,
  type DiscSpec,
  discPng,
  discRgba,
  type Rgb,
} from '../support/synthetic-images'

export const GREEN: Rgb = [31, 111, 92] // #1f6f5c
export const GOLD: Rgb = [242, 193, 78] // #f2c14e
export const CREAM: Rgb = [250, 247, 240] // #faf7f0
export const RED: Rgb = [220, 30, 40]
export const BLUE: Rgb = [30, 90, 230]

export const KIT_COLORS: KitColor[] = [
  { hex: '#1f6f5c', role: 'primary', source: 'css-variable' },
  { hex: '#f2c14e', role: 'accent', source: 'logo' },
  { hex: '#faf7f0', role: 'background', source: 'stylesheet' },
]

export const profileWith = (
  colors: KitColor[] = KIT_COLORS,
  extra: Partial<BrandProfile['globalInfo']> = {}
): BrandProfile => ({
  globalInfo: {
    brand_name: 'Northwind Coffee',
    brand_industry: 'Specialty coffee',
    brand_voice: { tone: 'Warm', style: 'Concrete', values: ['Craft'] },
    negative_keywords_global: ['cheap'],
    kit: {
      colors,
      fonts: [{ family: 'Playfair Display', role: 'heading', source: 'google-fonts' }],
      social: [],
    },
    ...extra,
  },
  projects: [],
})

export const ON_SPEC: DiscSpec = { width: 160, height: 120, subject: GREEN, background: CREAM }
export const OFF_SPEC: DiscSpec = { width: 160, height: 120, subject: RED, background: BLUE }
/** Cream lettering on green: readable (5.62:1). */
export const GOOD_CAPTION: CaptionSpec = {
  box: { ymin: 750, xmin: 100, ymax: 900, xmax: 900 },
  ink: CREAM,
  paper: GREEN,
}
/** Light grey lettering on cream: hard to read (about 1.1:1). */
export const POOR_CAPTION: CaptionSpec = {
  box: { ymin: 750, xmin: 100, ymax: 900, xmax: 900 },
  ink: [235, 232, 225],
  paper: CREAM,
}

export const onPalette = () => discRgba(ON_SPEC)
export const offPalette = () => discRgba(OFF_SPEC)
export const onPalettePng = () => discPng(ON_SPEC)
export const offPalettePng = () => discPng(OFF_SPEC)
export const captioned = (caption: CaptionSpec) => captionedDiscRgba(ON_SPEC, caption)
export const captionedPng = (caption: CaptionSpec) => captionedDiscPng(ON_SPEC, caption)

const finding = (verdict: 'pass' | 'fail' | 'not_applicable', reason: string, fix = '') => ({
  verdict,
  reason,
  fix,
})

/** A judged answer where everything fits the brand. */
export const ALL_PASS = {
  logo: finding('not_applicable', 'No logo is needed in this scene and none is shown.'),
  typography: finding('not_applicable', 'There is no lettering.'),
  voice: finding('not_applicable', 'There is no visible text.'),
  forbidden: finding('pass', 'Nothing the brand rules out is shown.'),
  textRegions: [] as unknown[],
}

/** A judged answer with every judged part failing, with text boxes. */
export const ALL_FAIL = {
  logo: finding(
    'fail',
    'The logo is stretched horizontally.',
    'Restore the logo’s original proportions.'
  ),
  typography: finding(
    'fail',
    'The headline uses a condensed sans, not Playfair Display.',
    'Set the headline in a serif like Playfair Display.'
  ),
  voice: finding(
    'fail',
    'The headline says “cheap deals”, a banned word.',
    'Replace “cheap deals” with “fresh roasts”.'
  ),
  forbidden: finding(
    'fail',
    'A discount sticker promotes cheap prices.',
    'Remove the discount sticker.'
  ),
  textRegions: [{ text: 'cheap deals', box: POOR_CAPTION.box }],
}
