/**
 * @module ai/gemini/veo-start
 * Starts a Veo 3.1 video on Vertex AI (`:predictLongRunning`), sent once: the SDK's retries are
 * off for this client, and a paid generation is never repeated. The result goes to our bucket
 * (`outputGcsUri`) when Cloud Storage is configured, else it comes back inline in the finished
 * operation. Only the operation name is kept, so every instance can poll with it later.
 */
import type { GenerateVideosParameters, Image } from '@google/genai'
import { errors } from '../../core/errors'
import type { VideoHandle, VideoImage, VideoStartRequest } from '../video-types'
import type { GeminiContext } from './client'
import { toVideoError } from './video-errors'

const image = (img: VideoImage): Image => ({ imageBytes: img.data, mimeType: img.mimeType })

export async function startVeo(
  ctx: GeminiContext,
  modelId: string,
  request: VideoStartRequest
): Promise<VideoHandle> {
  const [{ VideoGenerationReferenceType }, sdk] = await Promise.all([
    import('@google/genai'),
    ctx.client(modelId),
  ])
  const source = request.source
  if (source?.kind === 'interaction') {
    throw errors.badRequest(
      'invalid_source',
      'Veo continues a video from its file, not an interaction.'
    )
  }
  const params: GenerateVideosParameters = {
    model: modelId,
    source: {
      prompt: request.prompt,
      ...(request.firstFrame ? { image: image(request.firstFrame) } : {}),
      ...(source?.kind === 'bytes'
        ? { video: { videoBytes: source.data, mimeType: source.mimeType } }
        : {}),
      ...(source?.kind === 'gcs' ? { video: { uri: source.uri, mimeType: source.mimeType } } : {}),
    },
    config: {
      numberOfVideos: 1,
      durationSeconds: request.durationSeconds,
      aspectRatio: request.aspectRatio,
      resolution: request.resolution,
      ...(request.audio === undefined ? {} : { generateAudio: request.audio }),
      ...(request.negativePrompt ? { negativePrompt: request.negativePrompt } : {}),
      ...(request.lastFrame ? { lastFrame: image(request.lastFrame) } : {}),
      ...(request.referenceImages?.length
        ? {
            referenceImages: request.referenceImages.map((ref) => ({
              image: image(ref.image),
              referenceType:
                ref.type === 'style'
                  ? VideoGenerationReferenceType.STYLE
                  : VideoGenerationReferenceType.ASSET,
            })),
          }
        : {}),
      ...(request.outputGcsUri ? { outputGcsUri: request.outputGcsUri } : {}),
      httpOptions: { timeout: ctx.ai.deadlines.stepMs },
      ...(request.signal ? { abortSignal: request.signal } : {}),
    },
  }
  try {
    const operation = await sdk.models.generateVideos(params)
    if (!operation.name) {
      throw errors.upstream(
        'upstream_invalid',
        'The video service did not name the job it started.'
      )
    }
    ctx.log.info('veo operation started', { model: modelId, operation: operation.name })
    return { kind: 'operation', name: operation.name, model: modelId }
  } catch (error) {
    throw toVideoError(error, request.signal)
  }
}
