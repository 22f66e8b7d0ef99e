/**
 * @module brand-guard/score
 * The score of a check, from 0 to 100: each part of `SCORE_WEIGHTS` scores from 0 to 1 (or is
 * not applicable: no brand colours, no text, no logo, a judged half that is unavailable), and
 * the score is the weighted mean of the applicable parts. The answer lists every part with its
 * weight, its value and the points it gave, so the number can be followed by hand.
 */
import type { Findings } from './judgement'
import { JUDGED_PARTS, METHOD, SCORE_WEIGHTS, type ScorePart } from './method'
import { type DominantColor, type MeasuredPalette, round } from './palette'

export interface ScorePartResult {
  part: ScorePart
  weight: number
  /** 0-1 (three decimals); null when the part does not apply. */
  value: number | null
  /** What the part adds to the score (one decimal); 0 when it does not apply. */
  points: number
}

export interface Score {
  /** 0-100, one decimal; null when no part applies. */
  value: number | null
  /** True when the judged half was unavailable and the score rests on the measured half. */
  partial: boolean
  parts: ScorePartResult[]
}

/** Dominant colours weighted by share: a colour on the palette scores 1, one `farDeltaE` off 0. */
export function dominantValue(dominant: readonly DominantColor[]): number | null {
  let sum = 0
  let shares = 0
  for (const c of dominant) {
    if (!c.nearest) return null
    sum += c.share * Math.max(0, 1 - c.nearest.deltaE / METHOD.farDeltaE)
    shares += c.share
  }
  return shares ? sum / shares : null
}

export const verdictValue = (verdict: Findings[keyof Findings]['verdict']) =>
  verdict === 'pass' ? 1 : verdict === 'fail' ? 0 : null

/** The measured parts of one or more palettes (a video's frames are averaged). */
export function paletteValues(palettes: readonly MeasuredPalette[]) {
  const mean = (values: (number | null)[]) => {
    const known = values.filter((x): x is number => x !== null)
    return known.length === values.length && known.length
      ? known.reduce((a, b) => a + b, 0) / known.length
      : null
  }
  return {
    paletteCoverage: mean(palettes.map((p) => p.coverage)),
    dominantColors: mean(palettes.map((p) => dominantValue(p.dominant))),
  }
}

/** The judged parts' values (all null when the judged half is unavailable). */
export const judgedValues = (findings: Findings | undefined) =>
  Object.fromEntries(
    JUDGED_PARTS.map((p) => [p, findings ? verdictValue(findings[p].verdict) : null])
  ) as Record<(typeof JUDGED_PARTS)[number], number | null>

export function scoreOf(values: Record<ScorePart, number | null>, partial: boolean): Score {
  const parts = Object.keys(SCORE_WEIGHTS) as ScorePart[]
  const applicable = parts.filter((p) => values[p] !== null)
  const totalWeight = applicable.reduce((sum, p) => sum + SCORE_WEIGHTS[p], 0)
  const results = parts.map((part): ScorePartResult => {
    const value = values[part]
    const weight = SCORE_WEIGHTS[part]
    return {
      part,
      weight,
      value: value === null ? null : round(value, 3),
      points: value === null || !totalWeight ? 0 : round((weight * value * 100) / totalWeight, 1),
    }
  })
  const value = totalWeight
    ? round(
        (applicable.reduce((sum, p) => sum + SCORE_WEIGHTS[p] * (values[p] as number), 0) * 100) /
          totalWeight,
        1
      )
    : null
  return { value, partial, parts: results }
}
