/**
 * What the real video services refuse, checked before a job starts: Gemini Omni interactions
 * (output format, duration, resolution, task and the inputs each task needs, Vertex AI needing a
 * bucket for links) and Veo 3.1 operations (4/6/8 s, 720p/1080p, a last frame only with a first
 * frame, reference images only alone, at 8 s and 16:9, extension at 720p, `gs://` outputs).
 */
import { LIVE_MODELS } from './catalogue'
import { type GoogleError, invalid } from './errors'

const RATIOS = ['16:9', '9:16']
const OMNI_RESOLUTIONS = ['360p', '720p', '1080p', '4k']
const OMNI_TASKS = [
  'text_to_video',
  'image_to_video',
  'reference_to_video',
  'edit',
  'extend',
  'upscale',
]
const OMNI_MAX_SECONDS: Record<string, number> = {
  'gemini-omni-1.1-flash': 10,
  'gemini-omni-1.2-flash': 15,
}
export const OMNI_MAX_REFERENCES = 3
const VEO_DURATIONS = [4, 6, 8]
const VEO_RESOLUTIONS = ['720p', '1080p']
export const VEO_MAX_REFERENCES = 3

const parts = (body: any): any[] => (Array.isArray(body?.input) ? body.input : [])

/** The refusal a video interaction gets, if any (`knownInteraction` checks a previous id). */
export function checkInteraction(
  body: any,
  backend: 'developer' | 'vertex',
  knownInteraction: (id: string) => boolean
): GoogleError | undefined {
  const model = LIVE_MODELS[body?.model]
  if (!model) return { status: 404, message: `Model ${String(body?.model)} is not found.` }
  const formats: any[] = Array.isArray(body?.response_format)
    ? body.response_format
    : body?.response_format
      ? [body.response_format]
      : []
  const video = formats.find((f) => f?.type === 'video')
  if (!video) return undefined
  if (model.family !== 'omni') return invalid(`Model ${body.model} does not support video output.`)
  if (video.aspect_ratio !== undefined && !RATIOS.includes(video.aspect_ratio)) {
    return invalid(`Unsupported aspect ratio: ${video.aspect_ratio}. Supported values: 16:9, 9:16.`)
  }
  if (video.duration !== undefined) {
    const seconds = /^(\d+)s$/.exec(String(video.duration))?.[1]
    const max = OMNI_MAX_SECONDS[body.model] ?? 10
    if (!seconds || Number(seconds) < 3 || Number(seconds) > max) {
      return invalid(`Unsupported duration: ${video.duration}. Supported: 3s to ${max}s.`)
    }
  }
  if (video.resolution !== undefined && !OMNI_RESOLUTIONS.includes(video.resolution)) {
    return invalid(`Unsupported resolution: ${video.resolution}.`)
  }
  if (video.delivery !== undefined && !['inline', 'uri'].includes(video.delivery)) {
    return invalid(`Unsupported delivery: ${video.delivery}.`)
  }
  if (
    backend === 'vertex' &&
    video.delivery === 'uri' &&
    !String(video.gcs_uri ?? '').startsWith('gs://')
  ) {
    return invalid('gcs_uri is required when delivery is URI.')
  }
  if (backend === 'developer' && video.gcs_uri !== undefined) {
    return invalid('gcs_uri is not supported in the Gemini API.')
  }
  const task = body?.generation_config?.video_config?.task
  if (task !== undefined && !OMNI_TASKS.includes(task)) return invalid(`Unsupported task: ${task}.`)
  const images = parts(body).filter((p) => p?.type === 'image')
  const videos = parts(body).filter((p) => p?.type === 'video')
  if (images.some((p) => !p.data && !p.uri))
    return invalid('An image input has neither data nor uri.')
  if (task === 'text_to_video' && (images.length || videos.length)) {
    return invalid('text_to_video takes no image or video input.')
  }
  if (task === 'image_to_video' && (images.length < 1 || images.length > 2)) {
    return invalid('image_to_video takes one image (first frame) or two (first and last frame).')
  }
  if (task === 'reference_to_video' && (images.length < 1 || images.length > OMNI_MAX_REFERENCES)) {
    return invalid(`reference_to_video takes 1 to ${OMNI_MAX_REFERENCES} reference images.`)
  }
  const previous = body?.previous_interaction_id
  if (previous !== undefined && !knownInteraction(previous)) {
    return { status: 404, message: `Interaction ${previous} not found.` }
  }
  if ((task === 'extend' || task === 'edit') && !previous && !videos.length) {
    return invalid(`${task} needs a previous interaction or a video input.`)
  }
  return undefined
}

const isImage = (img: any) =>
  Boolean(
    img &&
      (typeof img.bytesBase64Encoded === 'string' || typeof img.gcsUri === 'string') &&
      img.mimeType
  )

/** The refusal a Veo `:predictLongRunning` body gets, if any. */
export function checkVeo(body: any): GoogleError | undefined {
  const instance = body?.instances?.[0]
  const params = body?.parameters ?? {}
  if (!instance || (!instance.prompt && !instance.image))
    return invalid('A prompt or an image is required.')
  if (params.durationSeconds !== undefined && !VEO_DURATIONS.includes(params.durationSeconds)) {
    return invalid(
      `Unsupported duration: ${params.durationSeconds} seconds. Supported durations: [4, 6, 8].`
    )
  }
  if (params.resolution !== undefined && !VEO_RESOLUTIONS.includes(params.resolution)) {
    return invalid(`Unsupported resolution: ${params.resolution}. Supported: 720p, 1080p.`)
  }
  if (params.aspectRatio !== undefined && !RATIOS.includes(params.aspectRatio)) {
    return invalid(`Unsupported aspect ratio: ${params.aspectRatio}.`)
  }
  if (params.sampleCount !== undefined && (params.sampleCount < 1 || params.sampleCount > 4)) {
    return invalid('sampleCount must be between 1 and 4.')
  }
  if (params.storageUri !== undefined && !String(params.storageUri).startsWith('gs://')) {
    return invalid('storageUri must be a Cloud Storage URI (gs://...).')
  }
  if (instance.image !== undefined && !isImage(instance.image))
    return invalid('The image is not valid.')
  if (instance.lastFrame !== undefined) {
    if (!instance.image) return invalid('lastFrame is only supported together with image.')
    if (!isImage(instance.lastFrame)) return invalid('The last frame is not valid.')
  }
  const refs: any[] | undefined = instance.referenceImages
  if (refs !== undefined) {
    if (instance.image || instance.video || instance.lastFrame) {
      return invalid('referenceImages cannot be combined with image, lastFrame or video.')
    }
    if (!refs.length || refs.length > VEO_MAX_REFERENCES) {
      return invalid(`Between 1 and ${VEO_MAX_REFERENCES} reference images are supported.`)
    }
    if (refs.some((r) => !isImage(r?.image) || !['ASSET', 'STYLE'].includes(r?.referenceType))) {
      return invalid('Each reference image needs an image and a referenceType of ASSET or STYLE.')
    }
    if ((params.durationSeconds ?? 8) !== 8)
      return invalid('Reference images require an 8 second video.')
    if ((params.aspectRatio ?? '16:9') !== '16:9')
      return invalid('Reference images require a 16:9 video.')
  }
  if (instance.video !== undefined) {
    if (!instance.video.gcsUri && !instance.video.bytesBase64Encoded)
      return invalid('The video is not valid.')
    if ((params.resolution ?? '720p') !== '720p')
      return invalid('Video extension supports 720p only.')
  }
  return undefined
}
