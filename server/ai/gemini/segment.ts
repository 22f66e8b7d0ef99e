/**
 * @module ai/gemini/segment
 * Imagen segmentation (`:predict` on the regional Vertex AI location): mask images of the
 * foreground, the background or what a prompt names, each with its labels. No mask is an error.
 */
import type { SegmentMode as SdkSegmentMode } from '@google/genai'
import { errors } from '../../core/errors'
import { budgetMs, totalBudget } from '../deadline'
import type { SegmentRequest, SegmentResult } from '../types'
import { callModel, type GeminiContext, underBudget } from './client'
import { assertVertex } from './vertex-only'

/** `-1`: no binary threshold, the mask keeps its soft (grey) edges. */
const NO_THRESHOLD = -1

export async function segment(
  ctx: GeminiContext,
  modelId: string,
  request: SegmentRequest
): Promise<SegmentResult> {
  assertVertex(ctx, 'Imagen segmentation')
  const budget = totalBudget(budgetMs(ctx.ai.deadlines, request), request.signal)
  const response = await underBudget({ budget, signal: request.signal }, (options) =>
    callModel(
      ctx,
      modelId,
      (sdk, abortSignal) =>
        sdk.models.segmentImage({
          model: modelId,
          source: {
            image: { imageBytes: request.image.data, mimeType: request.image.mimeType },
            ...(request.prompt ? { prompt: request.prompt } : {}),
          },
          config: {
            abortSignal,
            // Sent as the service documents it (lower case); the SDK passes it verbatim.
            mode: request.mode as SdkSegmentMode,
            maxPredictions: 1,
            ...(request.soft ? { binaryColorThreshold: NO_THRESHOLD } : {}),
          },
        }),
      options
    )
  )
  const masks = (response.generatedMasks ?? []).flatMap((m) => {
    const data = m.mask?.imageBytes
    if (!data) return []
    return [
      {
        bytes: Uint8Array.from(Buffer.from(data, 'base64')),
        mimeType: m.mask?.mimeType ?? 'image/png',
        labels: (m.labels ?? []).map((l) => ({ label: l.label ?? '', score: l.score ?? 0 })),
      },
    ]
  })
  if (!masks.length) {
    throw errors.upstream('ai_no_mask', 'The AI service returned no mask (no_mask).', undefined, {
      reason: 'NO_MASK',
    })
  }
  return { masks }
}
