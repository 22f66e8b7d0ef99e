/**
 * @module brand-guard/check-image
 * `checkImage(ctx, input)`: one image against one brand profile, the reusable core of the brand
 * check (the route, and any feature that makes visuals, call it). The measured half (palette
 * and text contrast, from the pixels) and the judged half (Gemini, validated) make one result:
 * the score with its parts and weights, the measurements, the judgements with their reasons,
 * and the issues with a fix for each. No I/O besides the model call and the logo's bytes.
 */
import type { Part } from '../../ai/types'
import { decodeImage, ImageDecodeError } from '../../media/pixels'
import type { BrandProfile } from '../brand/profile'
import type { StepContext } from '../context'
import { unsupportedImage } from '../image/inputs'
import { type TextContrast, textContrast } from './contrast'
import { type BrandIssue, contrastIssues, judgedIssues, paletteIssues } from './issues'
import { type Judged, judge } from './judge'
import { type Findings, findingsOf, ImageJudgement } from './judgement'
import { type Method, methodOf } from './method'
import { type MeasuredPalette, measurePalette } from './palette'
import { type ProfileRef, profileRef } from './profile-version'
import { judgedValues, paletteValues, type Score, scoreOf } from './score'

export interface ImageCheckInput {
  /** A PNG, JPEG or WebP image. */
  image: { bytes: Uint8Array; mimeType: string }
  profile: BrandProfile
  /** True: the image should show the logo; false: it need not; absent: the model judges. */
  expectLogo?: boolean
}

export type JudgedHalf =
  | { status: 'ok'; model: string; findings: Findings }
  | { status: 'unavailable'; model: string; error: { code: string; message: string } }

export interface ImageCheck {
  kind: 'image'
  method: Method
  profile: ProfileRef
  score: Score
  measured: { palette: MeasuredPalette; textContrast: TextContrast[] }
  judged: JudgedHalf
  issues: BrandIssue[]
  checkedAt: string
}

export async function checkImage(ctx: StepContext, input: ImageCheckInput): Promise<ImageCheck> {
  // The model call goes out first and the pixels are measured while it runs: the measured half
  // adds its time only when it takes longer than the model (it never does in practice).
  const abort = new AbortController()
  const signal = ctx.signal ? AbortSignal.any([ctx.signal, abort.signal]) : abort.signal
  const asset: Part = {
    inlineData: {
      data: Buffer.from(input.image.bytes).toString('base64'),
      mimeType: input.image.mimeType,
    },
  }
  const judging = judge(
    { ...ctx, signal },
    {
      kind: 'image',
      schema: ImageJudgement,
      asset,
      profile: input.profile,
      ...(input.expectLogo === undefined ? {} : { expectLogo: input.expectLogo }),
    }
  )
  // Awaited below; a failure meanwhile is not an unhandled rejection.
  judging.catch(() => undefined)
  let pixels: Awaited<ReturnType<typeof decodeImage>>
  try {
    // A turn of the event loop first, so the request is on its way before the CPU work starts.
    await new Promise((resolve) => setTimeout(resolve, 0))
    pixels = await decodeImage(input.image.bytes, input.image.mimeType)
  } catch (error) {
    // Nothing to check: the model call is stopped and its outcome ignored.
    abort.abort()
    if (error instanceof ImageDecodeError) throw unsupportedImage('imageId')
    throw error
  }
  const colors = input.profile.globalInfo.kit?.colors ?? []
  const palette = measurePalette(pixels, colors)
  const judged = await judging
  const answer = judged.status === 'ok' ? judged.answer : undefined
  const regions = (answer?.textRegions ?? []).flatMap((r) => {
    const measured = textContrast(pixels, r)
    return measured ? [measured] : []
  })
  const findings = answer ? findingsOf(answer) : undefined
  const score = scoreOf(
    {
      ...paletteValues([palette]),
      textContrast: regions.length ? regions.filter((r) => r.passes).length / regions.length : null,
      ...judgedValues(findings),
    },
    judged.status !== 'ok'
  )
  return {
    kind: 'image',
    method: methodOf(),
    profile: profileRef(input.profile),
    score,
    measured: { palette, textContrast: regions },
    judged: judgedHalf(judged, findings),
    issues: [
      ...paletteIssues(palette, colors),
      ...contrastIssues(regions),
      ...judgedIssues(findings),
    ],
    checkedAt: new Date().toISOString(),
  }
}

/** The judged half as answered: the findings, or why there are none. */
export const judgedHalf = (judged: Judged<unknown>, findings: Findings | undefined): JudgedHalf =>
  judged.status === 'ok' && findings
    ? { status: 'ok', model: judged.model, findings }
    : judged.status === 'unavailable'
      ? judged
      : { status: 'unavailable', model: judged.model, error: NO_FINDINGS }

const NO_FINDINGS = { code: 'ai_invalid_output', message: 'The AI service answered no findings.' }
