/**
 * @module ai/gemini/upscale
 * Imagen upscale (`:predict` on the regional Vertex AI location): the source image and a factor
 * in, the enlarged image with its real type out. A filtered or empty answer is an error naming
 * the reason, never an empty result.
 */
import { errors } from '../../core/errors'
import { budgetMs, totalBudget } from '../deadline'
import { blocked } from '../response'
import type { GeneratedImage, UpscaleRequest } from '../types'
import { callModel, type GeminiContext, underBudget } from './client'
import { assertVertex } from './vertex-only'

export async function upscale(
  ctx: GeminiContext,
  modelId: string,
  request: UpscaleRequest
): Promise<GeneratedImage> {
  assertVertex(ctx, 'Imagen upscaling')
  const budget = totalBudget(budgetMs(ctx.ai.deadlines, request), request.signal)
  const response = await underBudget({ budget, signal: request.signal }, (options) =>
    callModel(
      ctx,
      modelId,
      (sdk, abortSignal) =>
        sdk.models.upscaleImage({
          model: modelId,
          image: { imageBytes: request.image.data, mimeType: request.image.mimeType },
          upscaleFactor: request.factor,
          config: { abortSignal, includeRaiReason: true, outputMimeType: 'image/png' },
        }),
      options
    )
  )
  const generated = response.generatedImages?.[0]
  if (generated?.raiFilteredReason) throw blocked(generated.raiFilteredReason)
  const data = generated?.image?.imageBytes
  if (!data) {
    throw errors.upstream(
      'ai_no_image',
      'The AI service returned no image (no_image).',
      undefined,
      {
        reason: 'NO_IMAGE',
      }
    )
  }
  return {
    bytes: Uint8Array.from(Buffer.from(data, 'base64')),
    mimeType: generated.image?.mimeType ?? 'image/png',
  }
}
