/**
 * @module video/prompts/reference-image
 * `reference-image`: a first frame for a video, generated as a 16:9 or 9:16 image (Nano Banana
 * 2), stored as media and answered by reference, ready to be sent as a job's `firstFrame`.
 */
import * as v from 'valibot'
import { errors } from '../../../core/errors'
import { requiredText } from '../../../core/schema'
import { saveMedia } from '../../../storage/media'
import type { StepContext } from '../../context'
import { VIDEO_RATIOS } from '../schemas'

export { ReferenceImageResponse } from '../responses'

export const ReferenceImageRequest = v.object({
  prompt: requiredText(3000),
  aspectRatio: v.optional(v.picklist(VIDEO_RATIOS), '16:9'),
})
export type ReferenceImageRequest = v.InferOutput<typeof ReferenceImageRequest>

/** Said to the image model so the still works as the opening frame of a clip. */
export const FIRST_FRAME_INSTRUCTION =
  'A single still photograph-quality frame that opens a video: no text, no borders, no split panels.'

export async function makeReferenceImage(ctx: StepContext, input: ReferenceImageRequest) {
  const result = await ctx.ai.image({
    model: 'image',
    prompt: `${input.prompt}\n\n${FIRST_FRAME_INSTRUCTION}`,
    aspectRatio: input.aspectRatio,
    signal: ctx.signal,
  })
  const first = result.images[0]
  if (!first) throw errors.upstream('ai_no_image', 'The AI service returned no image.')
  const image = await saveMedia(ctx.store, first.bytes, first.mimeType, {
    role: 'video-first-frame',
  })
  return { image, aspectRatio: input.aspectRatio }
}
