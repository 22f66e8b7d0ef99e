/**
 * @module ai/gemini/vertex-only
 * The refusal for operations only Vertex AI serves (Imagen upscale and segmentation): a 501
 * naming the configuration that can run them, sent before any request.
 */
import { errors } from '../../core/errors'
import type { GeminiContext } from './client'

export const VERTEX_ONLY_HINT = 'GOOGLE_GENAI_USE_VERTEXAI=true'

export function assertVertex(ctx: GeminiContext, operation: string): void {
  if (ctx.ai.backend === 'vertex') return
  throw errors.notImplemented(
    `${operation} runs on Vertex AI only; set ${VERTEX_ONLY_HINT} (with GOOGLE_CLOUD_PROJECT) to use it.`
  )
}
