/**
 * @module brand-guard/judge
 * The judged half of the brand check: Gemini looks at the asset (an image inline, a video as a
 * file the service can read) with the brand as data, and the logo as a reference image when
 * the kit has one the model can read, and answers `judgement.ts`'s schema through the gateway's
 * validated JSON. A blocked, empty, cut or invalid answer is a final "cannot judge this", so
 * the judged half is marked unavailable with the reason and the measured half still stands;
 * every other failure (quota, timeouts, no AI configured) is the request's error, since a later
 * try may succeed. Nothing is ever filled in for the model.
 */
import type * as v from 'valibot'
import type { Part } from '../../ai/types'
import { AppError } from '../../core/errors'
import { DATA_RULE, sections } from '../../core/prompt-blocks'
import type { BrandProfile } from '../brand/profile'
import { brandBlock } from '../brand/prompt-block'
import type { StepContext } from '../context'
import { loadStoredImage } from '../image/inputs'
import type { Findings, ImageJudgement, VideoJudgement } from './judgement'

/** Answers that will not get better by asking again: the judged half is unavailable. */
const FINAL_REFUSALS = new Set(['ai_blocked', 'ai_invalid_output', 'ai_empty', 'ai_truncated'])

export type Judged<T> =
  | { status: 'ok'; model: string; answer: T }
  | { status: 'unavailable'; model: string; error: { code: string; message: string } }

export interface JudgeRequest<S extends v.GenericSchema> {
  kind: 'image' | 'video'
  schema: S
  /** The asset as the model reads it (inline image, or a file part). */
  asset: Part
  profile: BrandProfile
  /** True: the asset should carry the logo; false: it should not need one; absent: judge. */
  expectLogo?: boolean
}

const SYSTEM = [
  'You review marketing assets for brand compliance. You judge only what you can see (and, in a video, hear); you never guess about what is not shown.',
  DATA_RULE,
].join('\n')

function logoRule(profile: BrandProfile, reference: boolean, expectLogo?: boolean): string {
  if (!profile.globalInfo.kit?.logo) {
    return '- logo: the brand kit has no logo, so answer not_applicable unless a logo is shown distorted or in the wrong colours (fail).'
  }
  const expectation =
    expectLogo === true
      ? 'This asset should show the brand logo.'
      : expectLogo === false
        ? 'This asset does not need the logo.'
        : 'Decide from what the asset is whether it should carry the logo (an ad or a banner usually does; a scene or an illustration need not).'
  const compare = reference
    ? 'The last image is the brand logo: compare shape, colours and proportions with it.'
    : 'The logo file cannot be shown to you; judge whether a logo that appears looks intact.'
  return `- logo: ${expectation} ${compare} pass when the logo is present and intact, or absent where it is not needed; fail when it should be there and is missing, or is distorted, redrawn or recoloured; not_applicable when no logo is needed and none is shown.`
}

function prompt(kind: JudgeRequest<v.GenericSchema>['kind'], logo: string): string {
  const asset = kind === 'image' ? 'the first image' : 'the video clip'
  return sections(
    `Check ${asset} against the brand described in <brand>.`,
    [
      logo,
      '- typography: pass when any lettering fits the brand fonts (their kind: serif or sans, weight, character); fail when it clashes; not_applicable when there is no lettering.',
      '- voice: pass when visible text matches the brand voice and uses none of the words the brand never uses; fail when it does not (name the word); not_applicable when there is no visible text.',
      '- forbidden: fail when the asset shows anything the brand rules out (the words it never uses, also pictured, or anything against its values); pass otherwise.',
      kind === 'image'
        ? '- textRegions: every line or block of visible text with its bounding box; an empty list when there is none.'
        : '',
    ]
      .filter(Boolean)
      .join('\n'),
    'Each reason is one sentence in English. Each fix is one imperative line in English that an image editor can follow; leave it empty unless the verdict is fail.'
  )
}

/** The kit's logo as a reference image, when it is one the model reads (PNG, JPEG, WebP). */
async function logoPart(ctx: StepContext, profile: BrandProfile): Promise<Part | undefined> {
  const logo = profile.globalInfo.kit?.logo
  if (!logo) return undefined
  try {
    const image = await loadStoredImage(ctx.store, logo.mediaId, 'profile.globalInfo.kit.logo')
    return { inlineData: { data: image.data, mimeType: image.mimeType } }
  } catch (error) {
    // An SVG logo, or one deleted from the store: judged without the reference.
    if (error instanceof AppError && (error.status === 415 || error.status === 404))
      return undefined
    throw error
  }
}

export async function judge<S extends v.GenericSchema>(
  ctx: StepContext,
  request: JudgeRequest<S>
): Promise<Judged<v.InferOutput<S>>> {
  const model = ctx.ai.model('text').id
  const reference = await logoPart(ctx, request.profile)
  const text = sections(
    prompt(request.kind, logoRule(request.profile, Boolean(reference), request.expectLogo)),
    brandBlock(request.profile, { kit: ['colors', 'fonts', 'logo'] })
  )
  try {
    const { data } = await ctx.ai.json({
      model: 'text',
      schema: request.schema,
      system: SYSTEM,
      prompt: [request.asset, ...(reference ? [reference] : []), { text }],
      signal: ctx.signal,
    })
    return { status: 'ok', model, answer: data }
  } catch (error) {
    if (!(error instanceof AppError) || !FINAL_REFUSALS.has(error.code)) throw error
    ctx.log.warn('brand check: the judged half is unavailable', { code: error.code })
    return { status: 'unavailable', model, error: { code: error.code, message: error.message } }
  }
}

export type ImageJudged = Judged<ImageJudgement>
export type VideoJudged = Judged<VideoJudgement>
export type { Findings }
