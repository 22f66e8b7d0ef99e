/**
 * @module ai/gemini/interactions-start
 * Starts a Gemini Omni video through the Interactions API (both backends) as a background
 * interaction, sent exactly once: the client's own retries are switched off (`maxRetries: 0`),
 * because a retried create whose first attempt reached the service is a second paid video.
 * What to make is said in the prompt, not in `generation_config.video_config.task`: Google's
 * Omni guide prefers plain prompting ("the task field adds strict constraints"). Each input is
 * tagged by a text part before it, so the model knows a first frame from a last frame or a
 * reference; extend and edit are tagged too, and continue the stored interaction that made the
 * source video. Omni takes no system instruction and no negative prompt: what to avoid is folded
 * into the prompt as "Do not …".
 */
import type { VideoMode } from '../models'
import type { VideoHandle, VideoImage, VideoStartRequest } from '../video-types'
import type { GeminiContext } from './client'
import { toVideoError } from './video-errors'

/** The tag before the prompt of the modes that change a finished video. */
export const MODE_TAGS: Readonly<Partial<Record<VideoMode, string>>> = {
  extend: 'Extend the source video. Continue it with:',
  edit: 'Edit the source video. Change:',
}

/** The user's prompt with its mode's tag, and what to avoid said as Omni understands it. */
export function promptOf(request: Pick<VideoStartRequest, 'mode' | 'prompt' | 'negativePrompt'>) {
  const tag = MODE_TAGS[request.mode]
  const avoid = request.negativePrompt?.trim()
  return [tag, request.prompt, avoid ? `Do not include: ${avoid}.` : undefined]
    .filter(Boolean)
    .join('\n')
}

type InputPart =
  | { type: 'text'; text: string }
  | { type: 'image'; data: string; mime_type: string }
  | { type: 'video'; data?: string; uri?: string; mime_type: string }

const image = (img: VideoImage): InputPart => ({
  type: 'image',
  data: img.data,
  mime_type: img.mimeType,
})

function inputOf(request: VideoStartRequest): InputPart[] {
  const parts: InputPart[] = []
  const labelled = (label: string, img: VideoImage | undefined) => {
    if (img) parts.push({ type: 'text', text: label }, image(img))
  }
  labelled('First frame:', request.firstFrame)
  labelled('Last frame:', request.lastFrame)
  request.referenceImages?.forEach((ref, i) => {
    labelled(`Reference image ${i + 1} (${ref.type === 'style' ? 'style' : 'subject'}):`, ref.image)
  })
  const source = request.source
  if (source?.kind === 'bytes') {
    parts.push(
      { type: 'text', text: 'Source video:' },
      { type: 'video', data: source.data, mime_type: source.mimeType }
    )
  } else if (source?.kind === 'gcs') {
    parts.push(
      { type: 'text', text: 'Source video:' },
      { type: 'video', uri: source.uri, mime_type: source.mimeType }
    )
  }
  parts.push({ type: 'text', text: promptOf(request) })
  return parts
}

export async function startInteraction(
  ctx: GeminiContext,
  modelId: string,
  request: VideoStartRequest
): Promise<VideoHandle> {
  const sdk = await ctx.client(modelId)
  // The Developer API hands long results out as a link (fetched with the key in a header);
  // Vertex AI needs a bucket for that, so without one the bytes come inline.
  const delivery = ctx.ai.backend === 'developer' || request.outputGcsUri ? 'uri' : 'inline'
  try {
    const interaction = await sdk.interactions.create(
      {
        model: modelId,
        input: inputOf(request),
        response_format: {
          type: 'video',
          aspect_ratio: request.aspectRatio,
          duration: `${request.durationSeconds}s`,
          resolution: request.resolution,
          delivery,
          ...(ctx.ai.backend === 'vertex' && request.outputGcsUri
            ? { gcs_uri: request.outputGcsUri }
            : {}),
        },
        ...(request.source?.kind === 'interaction'
          ? { previous_interaction_id: request.source.id }
          : {}),
        background: true,
        store: true,
      },
      {
        maxRetries: 0,
        timeout: ctx.ai.deadlines.stepMs,
        ...(request.signal ? { signal: request.signal } : {}),
      }
    )
    ctx.log.info('video interaction started', { model: modelId, interaction: interaction.id })
    return { kind: 'interaction', id: interaction.id, model: modelId }
  } catch (error) {
    throw toVideoError(error, request.signal)
  }
}
