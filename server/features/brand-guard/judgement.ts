/**
 * @module brand-guard/judgement
 * What the model must answer when it judges an asset against the brand (sent as the response
 * schema and used to validate the answer): a verdict with a one-sentence reason for the logo,
 * the typography, the voice of any visible text and anything the profile rules out, a one-line
 * fix for each failed one, and (for images) the boxes of visible text, whose contrast is then
 * measured from the pixels. An answer outside this shape is invalid, never patched up.
 */
import * as v from 'valibot'
import { JUDGED_PARTS, type JudgedPart } from './method'

export const VERDICTS = ['pass', 'fail', 'not_applicable'] as const
export type Verdict = (typeof VERDICTS)[number]

const sentence = (max: number, what: string) =>
  v.pipe(v.string(), v.trim(), v.maxLength(max), v.description(what))

export const Finding = v.pipe(
  v.object({
    verdict: v.pipe(
      v.picklist(VERDICTS),
      v.description('pass, fail, or not_applicable when there is nothing to judge')
    ),
    reason: v.pipe(
      sentence(400, 'One sentence, in English, saying what you saw that decides the verdict.'),
      v.minLength(1)
    ),
    fix: sentence(
      300,
      'When the verdict is fail: one imperative line, in English, telling an image editor what to change. Empty otherwise.'
    ),
  }),
  v.check((f) => f.verdict !== 'fail' || f.fix.length > 0, 'A failed finding needs a fix')
)
export type Finding = v.InferOutput<typeof Finding>

const coordinate = v.pipe(v.number(), v.minValue(0), v.maxValue(1000))

export const TextRegion = v.object({
  text: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200)),
  box: v.pipe(
    v.object({ ymin: coordinate, xmin: coordinate, ymax: coordinate, xmax: coordinate }),
    v.description('The text’s bounding box in thousandths of the image height (y) and width (x).')
  ),
})

const findings = {
  logo: Finding,
  typography: Finding,
  voice: Finding,
  forbidden: Finding,
} satisfies Record<JudgedPart, typeof Finding>

export const ImageJudgement = v.object({
  ...findings,
  textRegions: v.pipe(
    v.array(TextRegion),
    v.maxLength(12),
    v.description('Each line or block of visible text; an empty list when there is none.')
  ),
})
export type ImageJudgement = v.InferOutput<typeof ImageJudgement>

export const VideoJudgement = v.object(findings)
export type VideoJudgement = v.InferOutput<typeof VideoJudgement>

export type Findings = Record<JudgedPart, Finding>

export const findingsOf = (j: Findings): Findings =>
  Object.fromEntries(JUDGED_PARTS.map((p) => [p, j[p]])) as Findings
