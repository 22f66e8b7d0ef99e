/**
 * @module video/routes
 * `/api/video`: the video studio. Prompt tools (JSON steps): `enhance-prompt`, `design-plan`,
 * `creative-director`, `summarize-prompt`, `reference-image`. Jobs, all in the request's
 * workspace (another workspace's job is a 404):
 *
 * - `POST /jobs` (JSON, up to 40 MB with images) -> 202 with the job and `Location`;
 *   `Idempotency-Key` returns the job the key already made (202, `Idempotent-Replayed: true`;
 *   422 when the key came with another request); `?dryRun=1` -> 200 with the plan and price.
 * - `GET /jobs?limit&cursor` -> `{ items, nextCursor? }`, newest first.
 * - `GET /jobs/:id` -> the job, brought up to date from the service.
 * - `DELETE /jobs/:id` -> 204; cancels a running job, deletes its video and poster.
 * - `GET /jobs/:id/events` -> Server-Sent Events `status` / `progress` / `error`, resumable
 *   with `Last-Event-ID`.
 * - `PUT /jobs/:id/poster` (an image body) -> the job with the uploaded poster.
 * - `POST /jobs/:id/brand-check` `{ profileId | profile, expectLogo?, frames: { first, last } }`
 *   -> the job with `brandCheck` (its clip judged by Gemini, its frames' palette measured).
 *
 * The job logic loads on the first job request.
 */
import { type Context, Hono } from 'hono'
import { limitBody } from '../../core/body-limit'
import type { AppEnv } from '../../core/context'
import { errors } from '../../core/errors'
import { once } from '../../core/lazy'
import { lazyJsonBody, queryParams } from '../../core/validate'
import type { FeatureDeps } from '../context'
import { stepRoutes } from '../step-routes'
import { BRAND_CHECK_BODY_LIMIT } from './brand-check-limits'
import { jobContext } from './job-context'
import { jobDocs } from './job-docs'
import { JOB_ID } from './job-ids'
import { CreateJobQuery, JOB_BODY_LIMIT, ListJobsQuery, POSTER_BODY_LIMIT } from './schemas'

const jobs = once(() => import('./jobs'))
const enhance = once(() => import('./prompts/enhance-prompt'))
const designPlan = once(() => import('./prompts/design-plan'))
const director = once(() => import('./prompts/creative-director'))
const summary = once(() => import('./prompts/summarize-prompt'))
const referenceImage = once(() => import('./prompts/reference-image'))

const NO_STORE = { 'Cache-Control': 'no-store' }
const tag = 'Video'

/** The `:id` of a job path; anything that is not a job id is simply not found. */
function jobIdOf(c: Context<AppEnv>): string {
  const id = c.req.param('id') ?? ''
  if (!JOB_ID.test(id)) throw errors.notFound('The video job')
  return id
}

export const videoRoutes = (deps: FeatureDeps) => {
  const { step } = stepRoutes(deps)
  const ctx = (c: Context<AppEnv>) => jobContext(deps, c)
  return new Hono<AppEnv>()
    .post(
      '/enhance-prompt',
      ...step(enhance, 'EnhancePromptRequest', 'enhancePrompt', {
        operationId: 'enhanceVideoPrompt',
        summary: 'Three richer directions for a video prompt',
        tag,
        response: 'EnhanceResponse',
        examples: [
          {
            summary: 'A short prompt',
            body: { prompt: 'Coffee being poured', uiLanguage: 'en' },
            status: 200,
          },
        ],
      })
    )
    .post(
      '/design-plan',
      ...step(designPlan, 'DesignPlanRequest', 'designPlans', {
        operationId: 'videoDesignPlan',
        summary: 'Three video concepts, from how such videos are shot now (grounded)',
        tag,
        response: 'DesignPlanResponse',
        examples: [
          {
            summary: 'A topic',
            body: { topic: 'Launch of an autumn blend', uiLanguage: 'en' },
            status: 200,
          },
        ],
      })
    )
    .post(
      '/creative-director',
      ...step(director, 'CreativeDirectorRequest', 'directVideo', {
        operationId: 'videoCreativeDirector',
        summary: 'Decide: a new video, edit or extend one, or answer',
        tag,
        response: 'DirectorDecision',
        examples: [
          {
            summary: 'A new video',
            body: { userPrompt: 'A slow pour-over in morning light', uiLanguage: 'en' },
            status: 200,
          },
        ],
      })
    )
    .post(
      '/summarize-prompt',
      ...step(summary, 'SummarizePromptRequest', 'summarizePrompt', {
        operationId: 'summarizeVideoPrompt',
        summary: 'A short title for a video prompt',
        tag,
        response: 'SummaryResponse',
        examples: [
          {
            summary: 'A prompt',
            body: { prompt: 'A slow pour-over in morning light' },
            status: 200,
          },
        ],
      })
    )
    .post(
      '/reference-image',
      ...step(referenceImage, 'ReferenceImageRequest', 'makeReferenceImage', {
        operationId: 'videoReferenceImage',
        summary: 'A first frame for a video, as an image',
        tag,
        response: 'ReferenceImageResponse',
        examples: [
          {
            summary: 'A frame',
            body: { prompt: 'A café counter at dawn', aspectRatio: '16:9' },
            status: 200,
          },
        ],
      })
    )
    .post(
      '/jobs',
      jobDocs.create,
      limitBody(JOB_BODY_LIMIT),
      queryParams(CreateJobQuery),
      lazyJsonBody(async () => (await jobs()).CreateVideoJobRequest),
      async (c) => {
        const dryRun = ['1', 'true'].includes(c.req.valid('query').dryRun ?? '')
        const result = await (await jobs()).createVideoJob(ctx(c), c.req.valid('json'), {
          idempotencyKey: c.req.header('Idempotency-Key'),
          dryRun,
        })
        if (result.kind === 'estimate') return c.json(result.estimate, 200, NO_STORE)
        return c.json(result.job, 202, {
          ...NO_STORE,
          Location: `/api/video/jobs/${result.job.id}`,
          ...(result.replayed ? { 'Idempotent-Replayed': 'true' } : {}),
        })
      }
    )
    .get('/jobs', jobDocs.list, queryParams(ListJobsQuery), async (c) =>
      c.json(await (await jobs()).listJobs(ctx(c), c.req.valid('query')), 200, NO_STORE)
    )
    .get('/jobs/:id', jobDocs.get, async (c) => {
      const { advanceJob, viewOf } = await jobs()
      const job = await advanceJob(ctx(c), jobIdOf(c))
      return c.json(viewOf(job, deps.clock()), 200, NO_STORE)
    })
    .delete('/jobs/:id', jobDocs.remove, async (c) => {
      await (await jobs()).deleteJob(ctx(c), jobIdOf(c))
      return c.body(null, 204)
    })
    .get('/jobs/:id/events', jobDocs.events, async (c) =>
      (await jobs()).streamJobEvents(c, ctx(c), jobIdOf(c))
    )
    .put('/jobs/:id/poster', jobDocs.poster, limitBody(POSTER_BODY_LIMIT), async (c) => {
      const { uploadPoster, viewOf } = await jobs()
      const body = new Uint8Array(await c.req.arrayBuffer())
      const job = await uploadPoster(ctx(c), jobIdOf(c), body, c.req.header('Content-Type'))
      return c.json(viewOf(job, deps.clock()), 200, NO_STORE)
    })
    .post(
      '/jobs/:id/brand-check',
      jobDocs.brandCheck,
      limitBody(BRAND_CHECK_BODY_LIMIT),
      lazyJsonBody(async () => (await jobs()).VideoBrandCheckRequest),
      async (c) => {
        const { checkJobBrand, viewOf } = await jobs()
        const job = await checkJobBrand(ctx(c), jobIdOf(c), c.req.valid('json'))
        return c.json(viewOf(job, deps.clock()), 200, NO_STORE)
      }
    )
}
