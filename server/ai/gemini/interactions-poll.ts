/**
 * @module ai/gemini/interactions-poll
 * One look at a background interaction, by id alone: its status, and when it completed, the
 * video it made (the last video content of its output steps), inline bytes or a link. A
 * completed interaction without a video, a failed one and one the service no longer knows
 * (404: stored interactions expire) are failures with our own wording; the service's own
 * details go to the log only.
 */
import { failedPoll } from '../video-failures'
import type { VideoHandle, VideoOutput, VideoPoll } from '../video-types'
import type { GeminiContext } from './client'
import { statusOf, toVideoError } from './video-errors'

interface VideoContent {
  type: 'video'
  data?: string
  uri?: string
  mime_type?: string
}

const isVideo = (content: unknown): content is VideoContent =>
  typeof content === 'object' &&
  content !== null &&
  (content as { type?: unknown }).type === 'video'

/** The last video among the output steps. */
export function videoOf(steps: readonly unknown[] | undefined): VideoContent | undefined {
  for (const step of [...(steps ?? [])].reverse()) {
    const content = (step as { content?: unknown }).content
    if (!Array.isArray(content)) continue
    const video = [...content].reverse().find(isVideo)
    if (video) return video
  }
  return undefined
}

export function outputOf(video: VideoContent): VideoOutput | undefined {
  const mimeType = video.mime_type ?? 'video/mp4'
  if (video.data) return { kind: 'bytes', bytes: Buffer.from(video.data, 'base64'), mimeType }
  if (video.uri?.startsWith('gs://')) return { kind: 'gcs', uri: video.uri, mimeType }
  if (video.uri) return { kind: 'link', uri: video.uri, mimeType }
  return undefined
}

const RUNNING = new Set(['in_progress', 'queued', 'requires_continuation'])

export async function pollInteraction(
  ctx: GeminiContext,
  handle: Extract<VideoHandle, { kind: 'interaction' }>,
  signal?: AbortSignal
): Promise<VideoPoll> {
  const sdk = await ctx.client(handle.model)
  let interaction: Awaited<ReturnType<typeof sdk.interactions.get>>
  try {
    interaction = await sdk.interactions.get(
      handle.id,
      {},
      { maxRetries: 0, timeout: ctx.ai.deadlines.interactiveMs, ...(signal ? { signal } : {}) }
    )
  } catch (error) {
    if (statusOf(error) === 404) {
      ctx.log.warn('video interaction not found', { interaction: handle.id })
      return failedPoll('video_expired')
    }
    throw toVideoError(error, signal)
  }
  const status = String(interaction.status ?? '')
  if (RUNNING.has(status)) return { state: 'running' }
  if (status === 'cancelled') return { state: 'cancelled' }
  if (status === 'completed') {
    const video = videoOf(interaction.steps)
    const output = video && outputOf(video)
    if (output) return { state: 'succeeded', output }
    ctx.log.warn('video interaction completed without a video', { interaction: handle.id })
    return failedPoll('video_missing')
  }
  ctx.log.warn('video interaction did not complete', {
    interaction: handle.id,
    status,
    errors: 'errors' in interaction ? interaction.errors : undefined,
  })
  return failedPoll('video_failed')
}
