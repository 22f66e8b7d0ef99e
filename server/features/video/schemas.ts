/**
 * @module video/schemas
 * What `POST /api/video/jobs` takes: the mode, the prompt, the model role (or the original
 * app's `veo_fast` / `veo_gen`), format options and input images (a stored media id or base64).
 * Values outside a model's range are checked against the resolved model in `plan.ts`; here
 * only the shape and the absolute bounds.
 */
import * as v from 'valibot'
import type { VideoMode, VideoRatio, VideoResolution } from '../../ai/models'
import { pageQuery, requiredText, text } from '../../core/schema'
import { MEDIA_ID } from '../../storage/media-id'
import { JOB_ID } from './job-ids'

export const VIDEO_MODES: readonly VideoMode[] = [
  'text',
  'image',
  'firstLast',
  'reference',
  'extend',
  'edit',
]
export const VIDEO_RATIOS: readonly VideoRatio[] = ['16:9', '9:16']
export const VIDEO_RESOLUTIONS: readonly VideoResolution[] = ['360p', '720p', '1080p', '4k']
export const INPUT_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const
/** Base64 characters of one input image (about 7.5 MB of image). */
export const MAX_IMAGE_BASE64 = 10_000_000
/** The body of a job request: up to five images. */
export const JOB_BODY_LIMIT = 40 * 1024 * 1024
/** An uploaded poster frame. */
export const POSTER_BODY_LIMIT = 4 * 1024 * 1024

/** Model roles, and the names the original app used for Veo (`veo_fast`, `veo_gen`). */
export const MODEL_CHOICES = ['video', 'veo', 'veoFast', 'veo_fast', 'veo_gen'] as const

export const ImageInput = v.union(
  [
    v.strictObject({ mediaId: v.pipe(v.string(), v.regex(MEDIA_ID, 'Must be a media id')) }),
    v.strictObject({
      data: v.pipe(
        v.string(),
        v.minLength(8),
        v.maxLength(MAX_IMAGE_BASE64),
        v.regex(/^[A-Za-z0-9+/]+={0,2}$/, 'Must be base64 image data')
      ),
      mimeType: v.picklist(INPUT_IMAGE_TYPES),
    }),
  ],
  'Must be { mediaId } or { data, mimeType }'
)
export type ImageInput = v.InferOutput<typeof ImageInput>

/** The mode the inputs make: what `mode` is when the request leaves it out. */
export function inferMode(input: {
  firstFrame?: unknown
  lastFrame?: unknown
  referenceImages?: unknown
  sourceJobId?: unknown
}): VideoMode {
  if (input.sourceJobId !== undefined) return 'extend'
  if (input.referenceImages !== undefined) return 'reference'
  if (input.firstFrame !== undefined) return input.lastFrame !== undefined ? 'firstLast' : 'image'
  return 'text'
}

const JobFields = v.strictObject({
  mode: v.pipe(
    v.optional(v.picklist(VIDEO_MODES)),
    v.description(
      'Inferred from the inputs when left out: a prompt only is text, firstFrame image, firstFrame and lastFrame firstLast, referenceImages reference, sourceJobId extend (edit must be named). Given, it must fit the inputs.'
    )
  ),
  prompt: requiredText(4000),
  model: v.optional(v.picklist(MODEL_CHOICES)),
  /** The source's for extend and edit, else the model's first (16:9). */
  aspectRatio: v.optional(v.picklist(VIDEO_RATIOS)),
  durationSeconds: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(60))),
  resolution: v.optional(v.picklist(VIDEO_RESOLUTIONS)),
  /** Generated sound; where a model cannot switch it off, `false` is refused. */
  audio: v.optional(v.boolean()),
  negativePrompt: v.optional(text(1000)),
  firstFrame: v.optional(ImageInput),
  lastFrame: v.optional(ImageInput),
  referenceImages: v.optional(
    v.pipe(
      v.array(
        v.strictObject({
          image: ImageInput,
          type: v.optional(v.picklist(['asset', 'style']), 'asset'),
        })
      ),
      v.minLength(1),
      v.maxLength(8)
    )
  ),
  /** The finished job to extend or edit. */
  sourceJobId: v.optional(v.pipe(v.string(), v.regex(JOB_ID, 'Must be a video job id'))),
})

/** A job request, its mode inferred when absent (`modeGiven` says whether the client named it). */
export const CreateVideoJobRequest = v.pipe(
  JobFields,
  // `mode` first either way, so a retry naming the inferred mode is the same request.
  v.transform(({ mode, ...inputs }) => ({
    mode: mode ?? inferMode(inputs),
    ...inputs,
    modeGiven: mode !== undefined,
  }))
)
export type CreateVideoJobRequest = v.InferOutput<typeof CreateVideoJobRequest>

export const ListJobsQuery = pageQuery(20, 100, 200)

export const CreateJobQuery = v.object({
  dryRun: v.optional(v.picklist(['1', 'true', '0', 'false'])),
})
