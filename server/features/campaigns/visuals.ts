/**
 * @module campaigns/visuals
 * `POST /api/campaigns/key-visual` and `POST /api/campaigns/recompose`. The key visual is made
 * the image studio's way: the studio's model choice, the brand kit's prompt block and logo
 * (`image/brand`), rendered and kept like any studio image, with no text in it (the headline, the
 * call to action and the logo are layers). Each size is then re-composed, not cropped: the image
 * model is asked for that ratio with the key visual as the reference image, and the answer is
 * brought to the export size (`fit.ts`). The new visuals come with their default layers.
 */
import * as v from 'valibot'
import { sections } from '../../core/prompt-blocks'
import { encodePng } from '../../media/encode'
import { decodeImage } from '../../media/pixels'
import { saveMedia } from '../../storage/media'
import type { StepContext } from '../context'
import { imageBrand } from '../image/brand'
import { chooseImageModel, nearestRatio } from '../image/image-models'
import { loadStoredImage } from '../image/inputs'
import { renderImage } from '../image/render'
import { MediaId, ModelLevel } from '../image/schemas'
import { type CampaignVisual, MarketPlan, VisualFormat } from '../library/schemas/campaign'
import { type BrandGuard, brandGuard } from './brand-guard'
import { defaultLayers } from './default-layers'
import { fitExtend } from './fit'
import { FORMATS } from './formats'
import { CampaignBase } from './inputs'
import { KeyVisualResponse, RecomposeResponse } from './responses'

export { KeyVisualResponse, RecomposeResponse }

const Plans = v.object({ 'zh-CN': v.optional(MarketPlan), en: v.optional(MarketPlan) })

export const KeyVisualRequest = v.object({
  ...CampaignBase,
  plans: v.optional(Plans, {}),
  /** Art direction from the user, added to the campaign's own. */
  direction: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(2_000))),
  model: ModelLevel,
})
export type KeyVisualRequest = v.InferOutput<typeof KeyVisualRequest>

export const RecomposeRequest = v.object({
  ...CampaignBase,
  keyVisual: MediaId,
  /** The key visual's prompt, so each size keeps its subject and mood. */
  prompt: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(8_000)),
  formats: v.pipe(
    v.array(VisualFormat),
    v.minLength(1),
    v.maxLength(4),
    v.check((f) => new Set(f).size === f.length, 'Each format once')
  ),
  plans: v.optional(Plans, {}),
  model: ModelLevel,
})
export type RecomposeRequest = v.InferOutput<typeof RecomposeRequest>

const NO_TEXT =
  'The image carries no text, letters, numbers, logos or watermarks: the headline, the call to action and the logo are set over it later, so keep calm space for them (the upper third and a strip near the bottom).'

/** What the key visual shows: the campaign's message in the languages planned. */
function keyVisualPrompt(input: KeyVisualRequest): string {
  const plan = input.plans.en ?? input.plans['zh-CN']
  const subject =
    input.source.kind === 'prompt'
      ? input.source.prompt
      : `${input.source.title}${plan ? `: ${plan.message}` : ''}`
  return sections(
    'A key visual for a social media campaign: one striking, well-composed photograph or illustration that carries the message below at a glance.',
    `Message: ${subject.slice(0, 2_000)}`,
    plan && `Audience: ${plan.audience}`,
    input.direction && `Art direction: ${input.direction}`,
    NO_TEXT
  )
}

export async function makeKeyVisual(
  ctx: StepContext,
  input: KeyVisualRequest
): Promise<KeyVisualResponse> {
  const choice = chooseImageModel(ctx.ai, { level: input.model }, { aspectRatio: '1:1' })
  const brand = await imageBrand(
    ctx.store,
    input.profile ? { profile: input.profile, logo: false } : undefined
  )
  const prompt = keyVisualPrompt(input)
  const rendered = await renderImage(ctx, {
    choice,
    prompt: sections(prompt, brand.text),
    images: brand.images,
  })
  return {
    image: rendered.media,
    prompt,
    model: rendered.modelId,
    brandApplied: brand.applied,
  }
}

/** The instruction of one re-composition: the same picture, composed anew for `ratio`. */
export const recomposePrompt = (ratio: string, prompt: string) =>
  sections(
    `Re-compose the reference image for a ${ratio} frame: the same subject, scene, palette, light and style, arranged anew for this shape (move, extend or re-frame elements; never just crop or stretch it).`,
    `The original brief: ${prompt}`,
    NO_TEXT
  )

export async function recompose(
  ctx: StepContext,
  input: RecomposeRequest,
  guard: BrandGuard = brandGuard
): Promise<RecomposeResponse> {
  const key = await loadStoredImage(ctx.store, input.keyVisual, 'keyVisual')
  const brand = await imageBrand(
    ctx.store,
    input.profile ? { profile: input.profile, logo: false } : undefined
  )
  const visuals = await Promise.all(
    input.formats.map(async (format): Promise<CampaignVisual> => {
      const spec = FORMATS[format]
      const model = ctx.ai.model(input.model === 'banana_pro' ? 'imagePro' : 'image')
      const ratio = nearestRatio(model.spec.image?.ratios ?? ['1:1'], spec.width, spec.height)
      const choice = chooseImageModel(ctx.ai, { level: input.model }, { aspectRatio: ratio })
      const rendered = await renderImage(ctx, {
        choice,
        prompt: sections(recomposePrompt(ratio, input.prompt), brand.text),
        images: [key],
        keepTurn: false,
      })
      const pixels = await decodeImage(rendered.image.bytes, rendered.image.mimeType)
      const fitted = await fitExtend(pixels, spec.width, spec.height)
      const png = await encodePng(fitted)
      const image = await saveMedia(ctx.store, png, 'image/png')
      const checked =
        input.profile &&
        (await guard(ctx, { image: { bytes: png, mimeType: 'image/png' }, profile: input.profile }))
      return {
        format,
        image: { ...image, width: spec.width, height: spec.height },
        modelRatio: ratio,
        layers: defaultLayers(format, input.plans, input.profile?.globalInfo.kit),
        ...(checked ? { brandScore: checked.score } : {}),
      }
    })
  )
  return { visuals }
}
