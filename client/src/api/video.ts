/**
 * @module api/video
 * The video studio's endpoints, typed from the server's routes: the job estimate (`?dryRun=1`),
 * a job started once per Idempotency-Key, the newest-first list, one job brought up to date,
 * delete, and the prompt tools (enhance-prompt, grounded design-plan, reference-image).
 */
import type { InferRequestType, InferResponseType } from 'hono/client'
import { currentLocale } from '../i18n'
import { client, request, withSignal } from './client'

const video = client.api.video
const jobs = video.jobs
const job = video.jobs[':id']

export type JobBody = InferRequestType<typeof jobs.$post>['json']
export type JobEstimate = InferResponseType<typeof jobs.$post, 200>
export type VideoJob = InferResponseType<typeof job.$get, 200>
export type JobStatus = VideoJob['status']
export type VideoMode = NonNullable<JobBody['mode']>
export type JobImage = NonNullable<JobBody['firstFrame']>
export type JobPage = InferResponseType<typeof jobs.$get, 200>
export type EnhanceResult = InferResponseType<(typeof video)['enhance-prompt']['$post'], 200>
export type PromptOption = EnhanceResult['options'][number]
export type DesignPlanResult = InferResponseType<(typeof video)['design-plan']['$post'], 200>
export type DesignPlan = DesignPlanResult['plans'][number]
export type ReferenceImage = InferResponseType<(typeof video)['reference-image']['$post'], 200>

const uiLanguage = () => currentLocale()

export const estimateJob = (body: JobBody, signal?: AbortSignal) =>
  request(
    jobs.$post({ json: body, query: { dryRun: '1' } }, withSignal(signal))
  ) as Promise<JobEstimate>

/** Starts a paid job; the same `idempotencyKey` never starts a second one. */
export const startJob = (body: JobBody, idempotencyKey: string, signal?: AbortSignal) =>
  request(
    jobs.$post(
      { json: body, query: {} },
      { init: { signal }, headers: { 'Idempotency-Key': idempotencyKey } }
    )
  ) as Promise<VideoJob>

export const listJobs = (cursor?: string, signal?: AbortSignal) =>
  request(jobs.$get({ query: { limit: '20', ...(cursor ? { cursor } : {}) } }, withSignal(signal)))

export type VideoBrandCheckBody = InferRequestType<(typeof job)['brand-check']['$post']>['json']
export type VideoBrandCheck = NonNullable<VideoJob['brandCheck']>

/** Checks a finished job's clip against a brand; the job comes back with `brandCheck`. */
export const checkVideoBrand = (id: string, body: VideoBrandCheckBody, signal?: AbortSignal) =>
  request(job['brand-check'].$post({ param: { id }, json: body }, withSignal(signal)))

export const getJob = (id: string, signal?: AbortSignal) =>
  request(job.$get({ param: { id } }, withSignal(signal)))

export async function deleteJob(id: string, signal?: AbortSignal): Promise<void> {
  await request(job.$delete({ param: { id } }, withSignal(signal)).then(emptyOk))
}

/** A 204 has no JSON to parse: answer `null` for it, so `request` can read the body. */
function emptyOk<R extends { status: number; ok: boolean; json(): Promise<unknown> }>(
  response: R
): R {
  if (response.status !== 204) return response
  return Object.assign(response, { json: async () => null })
}

export const enhancePrompt = (prompt: string, signal?: AbortSignal) =>
  request(
    video['enhance-prompt'].$post(
      { json: { prompt, uiLanguage: uiLanguage() } },
      withSignal(signal)
    )
  )

export const designPlan = (topic: string, signal?: AbortSignal) =>
  request(
    video['design-plan'].$post({ json: { topic, uiLanguage: uiLanguage() } }, withSignal(signal))
  )

export const referenceImage = (
  prompt: string,
  aspectRatio: '16:9' | '9:16',
  signal?: AbortSignal
) => request(video['reference-image'].$post({ json: { prompt, aspectRatio } }, withSignal(signal)))
