/**
 * @module image/reference-image
 * `POST /api/image/reference-image`: a 16:9 reference image for a design plan, stored like any
 * generated image (and editable later, its turn kept).
 */
import * as v from 'valibot'
import type { MediaRef } from '../../storage/media'
import type { StepContext } from '../context'
import { chooseImageModel } from './image-models'
import { renderImage } from './render'
import { ModelLevel, Prompt } from './schemas'

export { ImageResponse } from './responses'

export const REFERENCE_RATIO = '16:9'

export const ReferenceImageRequest = v.object({ prompt: Prompt, model: ModelLevel })
export type ReferenceImageRequest = v.InferOutput<typeof ReferenceImageRequest>

export async function referenceImage(
  ctx: StepContext,
  input: ReferenceImageRequest
): Promise<{ image: MediaRef; model: string }> {
  const choice = chooseImageModel(ctx.ai, { level: input.model }, { aspectRatio: REFERENCE_RATIO })
  const rendered = await renderImage(ctx, { choice, prompt: input.prompt })
  return { image: rendered.media, model: rendered.modelId }
}
