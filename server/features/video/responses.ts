/**
 * @module video/responses
 * What the video API answers, as schemas: the job a client sees (`job-types.ts` `VideoJobView`
 * must fit it), a page of jobs, the dry-run estimate, the progress event, and the prompt tools'
 * answers. The API document shows them and the tests check every answer against them.
 */
import * as v from 'valibot'
import { GROUNDING_ENTRIES } from '../../ai/grounding-schema'
import { MediaRefSchema } from '../../storage/media-schema'
import { VideoCheckSchema } from '../brand-guard/responses'
import { BudgetView } from '../usage/responses'
import { VIDEO_MODES, VIDEO_RATIOS, VIDEO_RESOLUTIONS } from './schemas'

const ROLES = ['video', 'veo', 'veoFast'] as const
const APIS = ['generateContent', 'interactions', 'predict', 'predictLongRunning'] as const
export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const

const model = v.object({
  role: v.picklist(ROLES),
  id: v.string(),
  replaces: v.optional(
    v.pipe(v.string(), v.description('The model planned first, which the service did not know.'))
  ),
})
const backend = v.picklist(['developer', 'vertex'])

export const PriceQuote = v.object({
  amountUsd: v.pipe(
    v.number(),
    v.description('The estimated total in US dollars, rounded to cents.')
  ),
  perSecondUsd: v.number(),
  currency: v.literal('USD'),
  estimated: v.pipe(
    v.boolean(),
    v.description('True when the rate is an estimate, not a published or configured figure.')
  ),
  source: v.picklist(['default', 'config']),
  pricesReadOn: v.string(),
})

const JOB_PARAMS = {
  aspectRatio: v.picklist(VIDEO_RATIOS),
  durationSeconds: v.number(),
  resolution: v.picklist(VIDEO_RESOLUTIONS),
  audio: v.pipe(
    v.boolean(),
    v.description('Generated sound (always true where the model cannot switch it off).')
  ),
  negativePrompt: v.optional(v.string()),
}

export const VideoJob = v.object({
  id: v.string(),
  status: v.picklist(JOB_STATUSES),
  mode: v.picklist(VIDEO_MODES),
  prompt: v.string(),
  model,
  backend,
  api: v.picklist(APIS),
  params: v.object(JOB_PARAMS),
  inputs: v.object({
    firstFrame: v.optional(MediaRefSchema),
    lastFrame: v.optional(MediaRefSchema),
    referenceImages: v.optional(
      v.array(v.object({ media: MediaRefSchema, type: v.picklist(['asset', 'style']) }))
    ),
    sourceJobId: v.optional(v.string()),
  }),
  progress: v.object({
    percent: v.pipe(v.number(), v.description('0-100.')),
    estimated: v.pipe(
      v.boolean(),
      v.description("True when it is estimated from the elapsed time, not the service's figure.")
    ),
  }),
  createdAt: v.string(),
  updatedAt: v.string(),
  startedAt: v.optional(v.string()),
  finishedAt: v.optional(v.string()),
  deadlineAt: v.pipe(v.string(), v.description('After this the job fails unless it finished.')),
  video: v.optional(MediaRefSchema),
  poster: v.optional(
    v.object({ ...MediaRefSchema.entries, source: v.picklist(['firstFrame', 'upload']) })
  ),
  error: v.optional(v.object({ code: v.string(), message: v.string() })),
  price: v.optional(PriceQuote),
  brandCheck: v.optional(
    v.pipe(VideoCheckSchema, v.description("The clip's last brand check (`POST …/brand-check`)."))
  ),
})
export type VideoJob = v.InferOutput<typeof VideoJob>

export const JobPage = v.object({
  items: v.array(VideoJob),
  nextCursor: v.optional(
    v.pipe(v.string(), v.description('Pass as `cursor` for the next page; absent on the last.'))
  ),
})
export type JobPage = v.InferOutput<typeof JobPage>

export const JobEstimate = v.object({
  dryRun: v.literal(true),
  model,
  backend,
  api: v.picklist(APIS),
  mode: v.picklist(VIDEO_MODES),
  ...JOB_PARAMS,
  price: v.pipe(
    v.nullable(PriceQuote),
    v.description('Null when the price table has no entry for the model.')
  ),
  budget: v.pipe(
    BudgetView,
    v.description("What is left of the workspace's AI budget today and this month.")
  ),
})
export type JobEstimate = v.InferOutput<typeof JobEstimate>

export const ProgressEvent = v.object({
  id: v.string(),
  percent: v.number(),
  estimated: v.boolean(),
})

export const EnhanceResponse = v.object({
  options: v.array(
    v.object({
      title: v.string(),
      description: v.string(),
      tags: v.array(v.string()),
      fullPrompt: v.string(),
    })
  ),
})

export const DesignPlanResponse = v.object({
  plans: v.array(
    v.object({
      title: v.string(),
      description: v.string(),
      prompt: v.string(),
      firstFramePrompt: v.string(),
    })
  ),
  ...GROUNDING_ENTRIES,
})

export const DirectorDecision = v.object({
  action: v.picklist(['NEW_VIDEO', 'EDIT_VIDEO', 'EXTEND_VIDEO', 'ANSWER_QUESTION']),
  prompt: v.pipe(
    v.string(),
    v.description('The refined video prompt, or the answer for ANSWER_QUESTION.')
  ),
  reasoning: v.string(),
  targetJobId: v.optional(v.string()),
})
export type DirectorDecision = v.InferOutput<typeof DirectorDecision>

export const ReferenceImageResponse = v.object({
  image: MediaRefSchema,
  aspectRatio: v.picklist(VIDEO_RATIOS),
})

export const SummaryResponse = v.object({ summary: v.string() })
