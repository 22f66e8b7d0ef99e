/**
 * @module ai/gemini/video
 * The video operations of the gateway, routed by how the model is called: Gemini Omni through
 * the Interactions API, Veo through long-running operations (Vertex AI only; the Developer API
 * cannot start one with SDK 3.x, so it is refused before any request).
 */
import { errors } from '../../core/errors'
import { rulesOf, type VideoRole } from '../models'
import type { VideoOperations } from '../video-types'
import type { GeminiContext } from './client'
import { cancelInteraction } from './interactions-cancel'
import { pollInteraction } from './interactions-poll'
import { startInteraction } from './interactions-start'
import { cancelVeo } from './veo-cancel'
import { pollVeo } from './veo-poll'
import { startVeo } from './veo-start'
import { downloadVideo } from './video-download'

export function videoOperations(
  ctx: GeminiContext,
  modelOf: (role: VideoRole) => string
): VideoOperations {
  return {
    startVideo(request) {
      const modelId = modelOf(request.role)
      const rules = rulesOf(modelId)
      if (rules.api === 'interactions') return startInteraction(ctx, modelId, request)
      if (rules.api !== 'predictLongRunning') {
        throw errors.badRequest('invalid_model', `The model ${modelId} does not make videos.`)
      }
      if (ctx.ai.backend !== 'vertex') {
        throw errors.notImplemented(
          `${modelId} runs on Vertex AI only: set GOOGLE_GENAI_USE_VERTEXAI=true with GOOGLE_CLOUD_PROJECT.`
        )
      }
      return startVeo(ctx, modelId, request)
    },
    pollVideo: (handle, signal) =>
      handle.kind === 'interaction' ? pollInteraction(ctx, handle, signal) : pollVeo(ctx, handle),
    cancelVideo: (handle) =>
      handle.kind === 'interaction' ? cancelInteraction(ctx, handle) : cancelVeo(ctx, handle),
    downloadVideo: (output, signal) => downloadVideo(ctx, output, signal),
  }
}
