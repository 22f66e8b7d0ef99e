/**
 * @module brand-guard/method
 * Every number the brand check decides with, in one place and answered with each result, so a
 * score can be recomputed by hand: the weights of the score's parts, and the thresholds of the
 * measurements and of the issues they raise. Change a value here and `CHECK_VERSION` with it
 * (stored results of the old method are then measured again).
 */

/** The method's version; part of every cache key, so a change measures again. */
export const CHECK_VERSION = 1

/** What each part of the score weighs (they add up to 100). */
export const SCORE_WEIGHTS = {
  /** Measured: share of pixels within `deltaELimit` of a brand colour. */
  paletteCoverage: 25,
  /** Measured: how close the dominant colours are to the palette, by their share. */
  dominantColors: 20,
  /** Measured: text regions the model found that reach `contrastMinimum`. */
  textContrast: 10,
  /** Judged: the logo present and intact where it should be. */
  logo: 15,
  /** Judged: lettering fits the brand fonts. */
  typography: 10,
  /** Judged: visible text matches the voice and avoids the banned words. */
  voice: 10,
  /** Judged: nothing the profile rules out is shown. */
  forbidden: 10,
} as const

export type ScorePart = keyof typeof SCORE_WEIGHTS
export const MEASURED_PARTS: readonly ScorePart[] = [
  'paletteCoverage',
  'dominantColors',
  'textContrast',
]
export const JUDGED_PARTS = ['logo', 'typography', 'voice', 'forbidden'] as const
export type JudgedPart = (typeof JUDGED_PARTS)[number]

/** The thresholds of the measurements. */
export const METHOD = {
  /** The longer side of the copy that is measured, in pixels. */
  sampleSide: 96,
  /** Dominant colours found by k-means. */
  dominantColors: 5,
  /** A pixel within this CIEDE2000 of a brand colour counts as on the palette. */
  deltaELimit: 10,
  /** A dominant colour this far (CIEDE2000) from every brand colour scores nothing. */
  farDeltaE: 30,
  /** WCAG 2 AA contrast for text. */
  contrastMinimum: 4.5,
  /** A dominant colour covering at least this share… */
  offPaletteShare: 0.1,
  /** …and at least this far from the palette is an issue. */
  offPaletteDeltaE: 20,
  /** Coverage below this share is an issue. */
  lowCoverage: 0.3,
} as const

/** The method as answered with each result. */
export const methodOf = () => ({ version: CHECK_VERSION, weights: SCORE_WEIGHTS, ...METHOD })
export type Method = ReturnType<typeof methodOf>
