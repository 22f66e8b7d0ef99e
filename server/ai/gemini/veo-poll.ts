/**
 * @module ai/gemini/veo-poll
 * One look at a Veo operation, rebuilt from its stored name (`new GenerateVideosOperation()`
 * with `.name`: the SDK needs its own class, a plain `{ name }` fails). Progress is read from
 * the operation's metadata when the service reports it. A done operation with neither error
 * nor video was filtered (or lost its output); the service's reasons go to the log only.
 */
import { failedPoll } from '../video-failures'
import type { VideoHandle, VideoPoll } from '../video-types'
import type { GeminiContext } from './client'
import { statusOf, toVideoError } from './video-errors'

/** google.rpc.Code values that mean something to the user. */
const CANCELLED = 1
const INVALID_ARGUMENT = 3

export async function pollVeo(
  ctx: GeminiContext,
  handle: Extract<VideoHandle, { kind: 'operation' }>
): Promise<VideoPoll> {
  const [{ GenerateVideosOperation }, sdk] = await Promise.all([
    import('@google/genai'),
    ctx.client(handle.model),
  ])
  const stored = new GenerateVideosOperation()
  stored.name = handle.name
  let operation: InstanceType<typeof GenerateVideosOperation>
  try {
    operation = await sdk.operations.getVideosOperation({
      operation: stored,
      config: { httpOptions: { timeout: ctx.ai.deadlines.interactiveMs } },
    })
  } catch (error) {
    if (statusOf(error) === 404) {
      ctx.log.warn('veo operation not found', { operation: handle.name })
      return failedPoll('video_expired')
    }
    throw toVideoError(error)
  }
  if (!operation.done) {
    const progress = operation.metadata?.progressPercent
    return typeof progress === 'number' ? { state: 'running', progress } : { state: 'running' }
  }
  if (operation.error) {
    const code = operation.error.code
    ctx.log.warn('veo operation failed', { operation: handle.name, error: operation.error })
    if (code === CANCELLED) return { state: 'cancelled' }
    return code === INVALID_ARGUMENT ? failedPoll('video_rejected') : failedPoll('video_failed')
  }
  const response = operation.response
  const video = response?.generatedVideos?.[0]?.video
  const mimeType = video?.mimeType ?? 'video/mp4'
  if (video?.videoBytes) {
    return {
      state: 'succeeded',
      output: { kind: 'bytes', bytes: Buffer.from(video.videoBytes, 'base64'), mimeType },
    }
  }
  if (video?.uri?.startsWith('gs://')) {
    return { state: 'succeeded', output: { kind: 'gcs', uri: video.uri, mimeType } }
  }
  ctx.log.warn('veo operation finished without a video', {
    operation: handle.name,
    filtered: response?.raiMediaFilteredCount,
    reasons: response?.raiMediaFilteredReasons,
  })
  return response?.raiMediaFilteredCount ? failedPoll('video_blocked') : failedPoll('video_missing')
}
