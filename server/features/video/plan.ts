/**
 * @module video/plan
 * Turns a job request into a plan against the model it resolves to, never a hard-coded list:
 * the model's catalogue entry says which modes, ratios, durations, resolutions, sound and
 * negative prompts it takes (and the tighter limits of some modes). A mode or model this
 * deployment cannot run answers 501 naming the configuration that can; a value the model does
 * not take is a 400 naming the field and what it takes.
 */
import { AI_NOT_CONFIGURED_HINT } from '../../ai/gateway'
import {
  type ModelApi,
  rulesOf,
  VIDEO_ROLES,
  type VideoMode,
  type VideoRole,
  type VideoSupport,
} from '../../ai/models'
import type { AiGateway } from '../../ai/types'
import { AppError, errors, type FieldIssue } from '../../core/errors'
import { defaultVideoRole } from './capabilities'
import type { JobParams, VideoJobRecord } from './job-types'
import { type CreateVideoJobRequest, inferMode } from './schemas'

export interface JobPlan {
  role: VideoRole
  modelId: string
  backend: 'developer' | 'vertex'
  api: ModelApi
  mode: VideoMode
  params: JobParams
  video: VideoSupport
}

const ALIASES: Readonly<Record<NonNullable<CreateVideoJobRequest['model']>, VideoRole>> = {
  video: 'video',
  veo: 'veo',
  veoFast: 'veoFast',
  veo_fast: 'veoFast',
  veo_gen: 'veo',
}

const VERTEX_HINT = 'GOOGLE_GENAI_USE_VERTEXAI=true with GOOGLE_CLOUD_PROJECT'
const BACKEND_NAMES = { developer: 'the Gemini Developer API', vertex: 'Vertex AI' } as const

/** The roles (and backends) whose configured model offers `mode`. */
function offering(ai: AiGateway, mode: VideoMode) {
  return VIDEO_ROLES.flatMap((role) => {
    const { id, spec } = ai.model(role)
    if (!spec.video?.modes.includes(mode)) return []
    const backends = rulesOf(id).developerApi
      ? (['developer', 'vertex'] as const)
      : (['vertex'] as const)
    return [{ model: role, modelId: id, backends: [...backends] }]
  })
}

function notAvailable(message: string, details: unknown) {
  return new AppError(501, 'not_available', message, { details })
}

export function planJob(
  ai: AiGateway,
  input: CreateVideoJobRequest,
  source?: VideoJobRecord
): JobPlan {
  if (ai.backend === 'none') throw errors.notConfigured('Video generation', AI_NOT_CONFIGURED_HINT)
  const backend = ai.backend
  const role = input.model ? ALIASES[input.model] : defaultVideoRole(backend)
  const { id: modelId, spec } = ai.model(role)
  const video = spec.video
  if (!video) {
    throw notAvailable(`The model configured for "${role}" (${modelId}) does not make videos.`, {
      model: role,
      modelId,
    })
  }
  const rules = rulesOf(modelId)
  if (backend === 'developer' && !rules.developerApi) {
    const here = offering(ai, input.mode).filter((o) => o.backends.includes('developer'))
    throw notAvailable(
      `${modelId} runs on Vertex AI only: set ${VERTEX_HINT}${here[0] ? `, or choose model "${here[0].model}" (${here[0].modelId}), which runs on the Gemini Developer API` : ''}.`,
      { model: role, modelId, backend, availableWith: offering(ai, input.mode) }
    )
  }
  if (!video.modes.includes(input.mode)) {
    const others = offering(ai, input.mode)
    const where = others
      .map(
        (o) =>
          `${o.modelId} (model "${o.model}") on ${o.backends.map((b) => BACKEND_NAMES[b]).join(' and ')}`
      )
      .join('; ')
    throw notAvailable(
      `Mode "${input.mode}" is not offered by ${modelId}.${where ? ` It is offered by ${where}.` : ''}`,
      { mode: input.mode, model: role, modelId, availableWith: others }
    )
  }
  const issues = [...inputIssues(input, video), ...sourceIssues(input, source, modelId, video)]
  const params = paramsFor(input, video, modelId, source, issues)
  if (issues.length) throw errors.invalidInput(issues)
  return { role, modelId, backend, api: rules.api, mode: input.mode, params, video }
}

/** The inputs each mode needs, and the ones it does not take. */
const MODE_INPUTS: Readonly<Record<VideoMode, readonly (keyof CreateVideoJobRequest)[]>> = {
  text: [],
  image: ['firstFrame'],
  firstLast: ['firstFrame', 'lastFrame'],
  reference: ['referenceImages'],
  extend: ['sourceJobId'],
  edit: ['sourceJobId'],
}
const INPUT_FIELDS = ['firstFrame', 'lastFrame', 'referenceImages', 'sourceJobId'] as const

function inputIssues(input: CreateVideoJobRequest, video: VideoSupport): FieldIssue[] {
  const needed = MODE_INPUTS[input.mode]
  const issues: FieldIssue[] = []
  const fits = INPUT_FIELDS.every((f) => needed.includes(f) === (input[f] !== undefined))
  if (input.modeGiven && !fits) {
    issues.push({
      field: 'mode',
      message: `Does not fit the inputs given (they make "${inferMode(input)}")`,
    })
  }
  for (const field of INPUT_FIELDS) {
    const given = input[field] !== undefined
    if (needed.includes(field) && !given) {
      issues.push({ field, message: `Required for mode "${input.mode}"` })
    } else if (!needed.includes(field) && given) {
      issues.push({ field, message: `Not used by mode "${input.mode}"` })
    }
  }
  const refs = input.referenceImages?.length ?? 0
  if (refs > video.maxReferenceImages) {
    issues.push({
      field: 'referenceImages',
      message: `Must have at most ${video.maxReferenceImages} items`,
    })
  }
  return issues
}

function sourceIssues(
  input: CreateVideoJobRequest,
  source: VideoJobRecord | undefined,
  modelId: string,
  video: VideoSupport
): FieldIssue[] {
  if (!input.sourceJobId || !source) return []
  if (source.status !== 'succeeded' || !source.video) {
    return [{ field: 'sourceJobId', message: 'Must name a job that finished with a video' }]
  }
  if (rulesOf(source.model.id).api !== rulesOf(modelId).api) {
    return [
      { field: 'sourceJobId', message: `Must name a video made by the same family as ${modelId}` },
    ]
  }
  const resolutions = video.modeLimits[input.mode]?.resolutions
  if (resolutions && !resolutions.includes(source.params.resolution)) {
    return [
      {
        field: 'sourceJobId',
        message: `Must name a ${resolutions.join(' or ')} video for ${modelId}`,
      },
    ]
  }
  return []
}

function paramsFor(
  input: CreateVideoJobRequest,
  video: VideoSupport,
  modelId: string,
  source: VideoJobRecord | undefined,
  issues: FieldIssue[]
): JobParams {
  const limits = video.modeLimits[input.mode] ?? {}
  const durations = limits.durations ?? video.durations
  const ratios = limits.ratios ?? video.ratios
  const resolutions = limits.resolutions ?? video.resolutions
  const inMode = limits === video.modeLimits[input.mode] ? ` in mode "${input.mode}"` : ''
  // An edit keeps the source's length and shape; an extension its shape.
  const keepsLength = input.mode === 'edit' && source
  const durationSeconds =
    input.durationSeconds ??
    (keepsLength ? source.params.durationSeconds : undefined) ??
    (durations.includes(video.defaults.duration)
      ? video.defaults.duration
      : (durations.at(-1) ?? 8))
  const aspectRatio = input.aspectRatio ?? source?.params.aspectRatio ?? ratios[0] ?? '16:9'
  const resolution =
    input.resolution ??
    (resolutions.includes(video.defaults.resolution)
      ? video.defaults.resolution
      : (resolutions[0] ?? '720p'))
  const check = (field: string, ok: boolean, allowed: readonly (string | number)[]) => {
    if (!ok)
      issues.push({
        field,
        message: `Must be one of ${allowed.join(', ')} for ${modelId}${inMode}`,
      })
  }
  check('durationSeconds', durations.includes(durationSeconds), durations)
  check('aspectRatio', ratios.includes(aspectRatio), ratios)
  check('resolution', resolutions.includes(resolution), resolutions)
  if (
    source &&
    (input.mode === 'extend' || input.mode === 'edit') &&
    aspectRatio !== source.params.aspectRatio
  ) {
    issues.push({
      field: 'aspectRatio',
      message: `Must be ${source.params.aspectRatio}, the source video's`,
    })
  }
  if (input.audio === false && video.audio === 'always') {
    issues.push({
      field: 'audio',
      message: `${modelId} always makes sound; it cannot be switched off`,
    })
  }
  const negativePrompt = input.negativePrompt?.trim() || undefined
  if (negativePrompt && !video.negativePrompt) {
    issues.push({
      field: 'negativePrompt',
      message: `Not taken by ${modelId}; say what to avoid in the prompt instead`,
    })
  }
  return {
    aspectRatio,
    durationSeconds,
    resolution,
    audio: input.audio ?? true,
    ...(negativePrompt ? { negativePrompt } : {}),
  }
}
