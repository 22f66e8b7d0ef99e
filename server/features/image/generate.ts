/**
 * @module image/generate
 * `POST /api/image/generate`: text-to-image, editing with up to three input images, and
 * multi-turn editing: with `sourceImageId` the edit continues that image's conversation (its
 * stored turns replayed, thought signatures included) when it was made by the same model, and
 * sends the image as an input otherwise. A brand kit adds its colours, fonts and logo.
 */
import * as v from 'valibot'
import type { Turn } from '../../ai/types'
import { sections } from '../../core/prompt-blocks'
import type { StepContext } from '../context'
import { imageBrand } from './brand'
import { historyOf, turnChain } from './conversation'
import { chooseImageModel } from './image-models'
import { loadInputImage, loadStoredImage } from './inputs'
import { renderImage } from './render'
import { GenerateResponse } from './responses'
import {
  AspectRatio,
  BrandRequest,
  ImageInput,
  ImageSize,
  MAX_INPUT_IMAGES,
  MediaId,
  ModelLevel,
  Prompt,
} from './schemas'

export { GenerateResponse }

export const GenerateRequest = v.object({
  prompt: Prompt,
  images: v.optional(v.pipe(v.array(ImageInput), v.maxLength(MAX_INPUT_IMAGES)), []),
  /** Edit this stored image, continuing the conversation that made it. */
  sourceImageId: v.optional(MediaId),
  model: ModelLevel,
  aspectRatio: v.optional(AspectRatio),
  imageSize: v.optional(ImageSize),
  brand: v.optional(BrandRequest),
})
export type GenerateRequest = v.InferOutput<typeof GenerateRequest>

export async function generateImage(
  ctx: StepContext,
  input: GenerateRequest
): Promise<GenerateResponse> {
  const choice = chooseImageModel(
    ctx.ai,
    { level: input.model },
    { aspectRatio: input.aspectRatio, imageSize: input.imageSize }
  )
  const images = await Promise.all(
    input.images.map((image, i) => loadInputImage(ctx.store, image, `images.${i}`))
  )
  let history: Turn[] = []
  if (input.sourceImageId) {
    const chain = await turnChain(ctx.store, input.sourceImageId)
    // Signatures belong to the model that issued them: another model starts afresh.
    if (chain.length && chain.every((t) => t.modelId === choice.model.id)) {
      history = await historyOf(ctx.store, chain)
    } else {
      images.unshift(await loadStoredImage(ctx.store, input.sourceImageId, 'sourceImageId'))
    }
  }
  const brand = await imageBrand(ctx.store, input.brand)
  const continued = history.length > 0
  const rendered = await renderImage(ctx, {
    choice,
    prompt: sections(input.prompt, brand.text),
    images: [...images, ...brand.images],
    history,
    ...(continued ? { parentId: input.sourceImageId } : {}),
  })
  return {
    image: rendered.media,
    model: rendered.modelId,
    text: rendered.text,
    ...(input.sourceImageId ? { sourceImageId: input.sourceImageId } : {}),
    continued,
    brandApplied: brand.applied,
    brandSkipped: brand.skipped,
  }
}
