/**
 * @module ai/gemini/image
 * Images through `generateContent` with IMAGE output (both backends): input images and earlier
 * turns of the image's conversation go in; every non-thought image part comes out with its real
 * type (never `response.data`, which merges all parts). No image is an error naming the reason.
 */
import { errors } from '../../core/errors'
import { finishReasonOf, modelTurnOf, readChunkText, readImages } from '../response'
import type { ImageRequest, ImageResult } from '../types'
import { callOptions, type GeminiContext, generate, underBudget } from './client'
import { toContents } from './request'

export async function image(
  ctx: GeminiContext,
  modelId: string,
  request: ImageRequest
): Promise<ImageResult> {
  const parts = [
    ...(request.images ?? []).map((img) => ({
      inlineData: { data: img.data, mimeType: img.mimeType },
    })),
    { text: request.prompt },
  ]
  const imageConfig = {
    ...(request.aspectRatio ? { aspectRatio: request.aspectRatio } : {}),
    ...(request.imageSize ? { imageSize: request.imageSize } : {}),
  }
  const response = await underBudget(callOptions(ctx, request), (options) =>
    generate(
      ctx,
      modelId,
      toContents({ prompt: parts, history: request.history }),
      {
        responseModalities: ['TEXT', 'IMAGE'],
        ...(Object.keys(imageConfig).length ? { imageConfig } : {}),
      },
      options
    )
  )
  const images = readImages(response)
  if (images.length === 0) {
    const reason = finishReasonOf(response) ?? 'NO_IMAGE'
    throw errors.upstream(
      'ai_no_image',
      `The AI service returned no image (${reason.toLowerCase()}).`,
      undefined,
      { reason }
    )
  }
  return { images, text: readChunkText(response), modelTurn: modelTurnOf(response) }
}
