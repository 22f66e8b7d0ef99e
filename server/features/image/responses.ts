/**
 * @module image/responses
 * What each image-studio endpoint answers, as schemas (the API document shows them; each step's
 * result must fit its schema). Images are always stored media refs, never base64.
 */
import * as v from 'valibot'
import { GROUNDING_ENTRIES } from '../../ai/grounding-schema'
import { requiredText } from '../../core/schema'
import { MediaRefSchema } from '../../storage/media-schema'
import { BRAND_SKIP_CODES } from './brand-skips'

export const ACTIONS = ['EDIT_IMAGE', 'NEW_CREATION', 'ANSWER_QUESTION'] as const

/** One direction for a prompt (also what the model is asked for). */
export const PromptOption = v.object({
  title: v.pipe(requiredText(80), v.description('A short name for this direction.')),
  description: v.pipe(requiredText(400), v.description('One or two sentences on the idea.')),
  tags: v.pipe(
    v.array(requiredText(40)),
    v.minLength(3),
    v.maxLength(4),
    v.description('Three or four style keywords.')
  ),
  fullPrompt: v.pipe(
    requiredText(4_000),
    v.description('The complete image prompt: subject, setting, composition, light, style, mood.')
  ),
})
export type PromptOption = v.InferOutput<typeof PromptOption>

/** One design plan (also what the model is asked for). */
export const DesignPlan = v.object({
  title: v.pipe(requiredText(80), v.description('The plan’s name.')),
  description: v.pipe(
    requiredText(600),
    v.description('The visual direction and the current trend it builds on.')
  ),
  prompt: v.pipe(requiredText(4_000), v.description('The final, detailed image prompt.')),
  referenceImagePrompt: v.pipe(
    requiredText(2_000),
    v.description('A prompt for a 16:9 mood or reference image that shows the direction.')
  ),
})
export type DesignPlan = v.InferOutput<typeof DesignPlan>

const model = v.pipe(v.string(), v.description('The model id that made it.'))
const aspect = v.picklist(['colors', 'fonts', 'logo'])

export const GenerateResponse = v.object({
  image: MediaRefSchema,
  model,
  text: v.pipe(v.string(), v.description("The model's words besides the image ('' when none).")),
  sourceImageId: v.optional(v.string()),
  continued: v.pipe(
    v.boolean(),
    v.description("True when the edit replayed the source image's conversation.")
  ),
  brandApplied: v.array(aspect),
  brandSkipped: v.array(
    v.object({
      aspect,
      code: v.pipe(
        v.picklist(BRAND_SKIP_CODES),
        v.description('Why the part was not used, coded for the UI to word.')
      ),
      reason: v.pipe(v.string(), v.description('The same in English.')),
    })
  ),
})
export type GenerateResponse = v.InferOutput<typeof GenerateResponse>

export const CreativeDecision = v.object({
  action: v.picklist(ACTIONS),
  prompt: v.pipe(
    v.string(),
    v.description('The refined image prompt, or the answer for ANSWER_QUESTION.')
  ),
  reasoning: v.string(),
  targetImageId: v.optional(v.string()),
})
export type CreativeDecision = v.InferOutput<typeof CreativeDecision>

export const EnhanceResponse = v.object({ options: v.array(PromptOption) })
export type EnhanceResponse = v.InferOutput<typeof EnhanceResponse>

export const DesignPlanResponse = v.object({ plans: v.array(DesignPlan), ...GROUNDING_ENTRIES })
export type DesignPlanResponse = v.InferOutput<typeof DesignPlanResponse>

export const ImageResponse = v.object({ image: MediaRefSchema, model })
export type ImageResponse = v.InferOutput<typeof ImageResponse>

export const InspirationResponse = v.object({
  image: MediaRefSchema,
  model,
  cached: v.pipe(v.boolean(), v.description('True when the card was made earlier.')),
})
export type InspirationResponse = v.InferOutput<typeof InspirationResponse>

export const UpscaleResponse = v.object({
  image: MediaRefSchema,
  method: v.picklist(['imagen', 'rerender']),
  model,
  factor: v.number(),
  source: v.object({ width: v.number(), height: v.number() }),
  scale: v.pipe(v.number(), v.description('The measured enlargement: new width / source width.')),
})
export type UpscaleResponse = v.InferOutput<typeof UpscaleResponse>

export const RemoveBackgroundResponse = v.object({
  image: MediaRefSchema,
  method: v.picklist(['segmentation', 'chroma-key']),
  model,
  keyColor: v.optional(
    v.pipe(v.string(), v.description('The key colour the subject was rendered on (chroma keying).'))
  ),
})
export type RemoveBackgroundResponse = v.InferOutput<typeof RemoveBackgroundResponse>

export const SummaryResponse = v.object({ title: v.string() })
export type SummaryResponse = v.InferOutput<typeof SummaryResponse>
