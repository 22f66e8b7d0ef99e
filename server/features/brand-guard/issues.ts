/**
 * @module brand-guard/issues
 * The issues a check found, each with a code and parameters (the UI renders them from its own
 * message tables, in Chinese or English), the same as an English sentence, and a one-line
 * English instruction that fixes it, which "Fix it" sends to the image model. Measured issues
 * are raised by `METHOD`'s thresholds; judged ones carry the model's reason and fix as params.
 */
import type { KitColor } from '../brand/profile'
import type { TextContrast } from './contrast'
import type { Findings } from './judgement'
import { JUDGED_PARTS, type JudgedPart, METHOD, type ScorePart } from './method'
import { type MeasuredPalette, round } from './palette'

export type IssueCode = 'off_palette_color' | 'low_palette_coverage' | 'low_contrast' | JudgedPart

export interface BrandIssue {
  code: IssueCode
  part: ScorePart
  params: Record<string, string | number>
  message: string
  /** One imperative line (English) that fixes it. */
  fix: string
}

const JUDGED_LABEL: Record<JudgedPart, string> = {
  logo: 'Logo',
  typography: 'Typography',
  voice: 'Voice',
  forbidden: 'Ruled-out content',
}

const percent = (share: number) => round(share * 100, 1)

/** Colour issues of one palette; `frame` names a video frame (`first`, `last`). */
export function paletteIssues(
  palette: MeasuredPalette,
  colors: readonly KitColor[],
  frame?: string
): BrandIssue[] {
  const where: Record<string, string> = frame ? { frame } : {}
  const issues: BrandIssue[] = []
  for (const c of palette.dominant) {
    if (!c.nearest || c.share < METHOD.offPaletteShare) continue
    if (c.nearest.deltaE < METHOD.offPaletteDeltaE) continue
    const params = {
      ...where,
      hex: c.hex,
      percent: percent(c.share),
      deltaE: c.nearest.deltaE,
      nearest: c.nearest.hex,
      role: c.nearest.role,
    }
    issues.push({
      code: 'off_palette_color',
      part: 'dominantColors',
      params,
      message: `${c.hex} covers ${params.percent}% of the ${frame ? `${frame} frame` : 'image'} and is ΔE ${c.nearest.deltaE} from the nearest brand colour ${c.nearest.hex}.`,
      fix: `Replace ${c.hex} with the brand colour ${c.nearest.hex} (${c.nearest.role}).`,
    })
  }
  if (palette.coverage !== null && palette.coverage < METHOD.lowCoverage) {
    const params = {
      ...where,
      percent: percent(palette.coverage),
      limit: METHOD.deltaELimit,
      palette: colors.map((c) => c.hex).join(', '),
    }
    issues.push({
      code: 'low_palette_coverage',
      part: 'paletteCoverage',
      params,
      message: `Only ${params.percent}% of the ${frame ? `${frame} frame's ` : ''}pixels are within ΔE ${params.limit} of a brand colour.`,
      fix: `Rebuild the colour scheme from the brand palette: ${params.palette}.`,
    })
  }
  return issues
}

export function contrastIssues(regions: readonly TextContrast[]): BrandIssue[] {
  return regions
    .filter((r) => !r.passes)
    .map((r) => ({
      code: 'low_contrast' as const,
      part: 'textContrast' as const,
      params: {
        text: r.text,
        ratio: r.ratio,
        minimum: r.minimum,
        foreground: r.foreground,
        background: r.background,
      },
      message: `The text “${r.text}” has a contrast of ${r.ratio}:1, below ${r.minimum}:1.`,
      fix: `Make the text “${r.text}” contrast at least ${r.minimum}:1 with its background (now ${r.ratio}:1).`,
    }))
}

export function judgedIssues(findings: Findings | undefined): BrandIssue[] {
  if (!findings) return []
  return JUDGED_PARTS.filter((p) => findings[p].verdict === 'fail').map((part) => {
    const { reason, fix } = findings[part]
    return {
      code: part,
      part,
      params: { reason, fix },
      message: `${JUDGED_LABEL[part]}: ${reason}`,
      fix,
    }
  })
}
