/**
 * @module ai/gemini/video
 * The video operations of the gateway, routed by how the model is called: Gemini Omni through
 * the Interactions API, Veo through long-running operations (Vertex AI only; the Developer API
 * cannot start one with SDK 3.x, so it is refused before any request). A start runs on exactly
 * the model its job was planned with; a 404 takes that model out of its role, never silently
 * starting a paid job on another (the caller plans anew and records the successor).
 */
import { errors } from '../../core/errors'
import type { ModelResolver } from '../model-resolver'
import { isModelNotFound } from '../model-successor'
import { rulesOf } from '../models'
import type { VideoHandle, VideoOperations, VideoStartRequest } from '../video-types'
import type { GeminiContext } from './client'
import { cancelInteraction } from './interactions-cancel'
import { pollInteraction } from './interactions-poll'
import { startInteraction } from './interactions-start'
import { cancelVeo } from './veo-cancel'
import { pollVeo } from './veo-poll'
import { startVeo } from './veo-start'
import { downloadVideo } from './video-download'

export function videoOperations(ctx: GeminiContext, resolver: ModelResolver): VideoOperations {
  const start = (request: VideoStartRequest): Promise<VideoHandle> => {
    const modelId = request.modelId
    if (resolver.isNotFound(modelId)) {
      throw errors.upstream('upstream_not_found', 'The video service does not know this model.')
    }
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
  }
  return {
    async startVideo(request) {
      try {
        return await start(request)
      } catch (error) {
        if (isModelNotFound(error)) resolver.notFound(request.role, request.modelId)
        throw error
      }
    },
    pollVideo: (handle, signal) =>
      handle.kind === 'interaction' ? pollInteraction(ctx, handle, signal) : pollVeo(ctx, handle),
    cancelVideo: (handle) =>
      handle.kind === 'interaction' ? cancelInteraction(ctx, handle) : cancelVeo(ctx, handle),
    downloadVideo: (output, signal) => downloadVideo(ctx, output, signal),
  }
}
