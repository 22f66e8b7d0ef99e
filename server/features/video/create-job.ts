/**
 * @module video/create-job
 * `POST /api/video/jobs`: plan the job against its model, answer the estimate for a dry run, or
 * store the inputs, write the job record (`queued`), claim the Idempotency-Key, and start the
 * generation exactly once. The start is not tied to the request: a client that leaves does not
 * abort it, since an aborted start may still have been billed. When the service refused the
 * start nothing was made, so the record and the key are removed and the refusal is answered;
 * when the answer was lost (timeout, dropped connection) the job is failed and kept with the
 * key, so retrying the key cannot start a second paid job. A start the service answers "model
 * not found" (404) made nothing either: the job is planned once more on the model that now stands
 * in for it, and that job's record names it (and the one it replaced).
 */
import type { VideoImage, VideoSource } from '../../ai/video-types'
import { toAppError } from '../../core/error-handler'
import { AppError, errors } from '../../core/errors'
import { loadMedia, mediaKey } from '../../storage/media'
import { estimateOf, type JobEstimate } from './estimate'
import { jobFailure } from './failures'
import { claimKey, fingerprintOf, idempotencyDigest, jobOfKey, releaseKey } from './idempotency'
import { loadImage } from './inputs'
import type { JobContext } from './job-context'
import { newJobId } from './job-ids'
import { budgetFor, releaseJob, reserveJob } from './job-spend'
import { createJobRecord, jobKey, outputPrefix, readJob, updateJob } from './job-store'
import type { JobInputs, VideoJobRecord, VideoJobView } from './job-types'
import { type JobPlan, planJob } from './plan'
import { viewOf } from './progress'
import type { CreateVideoJobRequest } from './schemas'

export type CreateResult =
  | { kind: 'estimate'; estimate: JobEstimate & { budget: Awaited<ReturnType<typeof budgetFor>> } }
  | { kind: 'job'; job: VideoJobView; replayed: boolean }

/** Failures after which the service may have started (and billed) the job. */
const UNCONFIRMED = new Set([
  'upstream_timeout',
  'upstream_unreachable',
  'upstream_invalid',
  'cancelled',
  'internal',
])

/** The job a key already made, as a replayed answer. */
async function replayOf(
  ctx: JobContext,
  jobId: string | undefined
): Promise<CreateResult | undefined> {
  if (!jobId) return undefined
  const existing = await readJob(ctx.store, jobKey(ctx.workspace, jobId))
  return existing && { kind: 'job', job: viewOf(existing.job, ctx.clock()), replayed: true }
}

async function loadSource(ctx: JobContext, id: string) {
  const stored = await readJob(ctx.store, jobKey(ctx.workspace, id))
  if (!stored) throw errors.notFound('The source video job')
  return stored.job
}

/** How the service gets the source video: its own interaction, our bucket, or the bytes. */
async function sourceFor(
  ctx: JobContext,
  plan: JobPlan,
  source: VideoJobRecord
): Promise<VideoSource> {
  const video = source.video
  if (!video) throw errors.badRequest('invalid_source', 'The source job has no video.')
  if (source.upstream?.kind === 'interaction' && source.backend === plan.backend) {
    return { kind: 'interaction', id: source.upstream.id }
  }
  if (ctx.bucket && plan.backend === 'vertex') {
    return {
      kind: 'gcs',
      uri: `gs://${ctx.bucket}/${mediaKey(video.id)}`,
      mimeType: video.mimeType,
    }
  }
  const { bytes, mimeType } = await loadMedia(ctx.store, video.id)
  return { kind: 'bytes', data: Buffer.from(bytes).toString('base64'), mimeType }
}

interface CreateOptions {
  idempotencyKey?: string
  dryRun: boolean
}

export async function createVideoJob(
  ctx: JobContext,
  input: CreateVideoJobRequest,
  options: CreateOptions
): Promise<CreateResult> {
  await ctx.ai.resolveModels()
  try {
    return await createOnce(ctx, input, options)
  } catch (error) {
    const replaced = error instanceof AppError && error.code === 'upstream_not_found'
    const failed = replaced && (error.details as { model?: string } | undefined)?.model
    if (!failed || options.dryRun) throw error
    ctx.log.warn('video model not found; the job is planned on its successor', {
      from: failed,
    })
    return createOnce(ctx, input, options, failed)
  }
}

async function createOnce(
  ctx: JobContext,
  input: CreateVideoJobRequest,
  options: CreateOptions,
  replaces?: string
): Promise<CreateResult> {
  const digest = idempotencyDigest(options.idempotencyKey, ctx.workspace)
  // The request as it acts: a mode named or inferred is the same job.
  const { modeGiven: _given, ...request } = input
  const fingerprint = digest ? fingerprintOf(request) : ''
  if (digest && !options.dryRun) {
    const replay = await replayOf(
      ctx,
      await jobOfKey(ctx.store, ctx.workspace, digest, fingerprint)
    )
    if (replay) return replay
  }
  const source = input.sourceJobId ? await loadSource(ctx, input.sourceJobId) : undefined
  const plan = planJob(ctx.ai, input, source)
  // The successor must be another model; the same one again would be a loop.
  if (replaces === plan.modelId) throw errors.upstream('upstream_not_found', NOT_FOUND)
  const estimate = estimateOf(ctx, plan)
  if (options.dryRun) {
    return {
      kind: 'estimate',
      estimate: { ...estimate, budget: await budgetFor(ctx, estimate.price) },
    }
  }

  const [first, last, refs] = await Promise.all([
    input.firstFrame && loadImage(ctx.store, input.firstFrame, 'firstFrame'),
    input.lastFrame && loadImage(ctx.store, input.lastFrame, 'lastFrame'),
    Promise.all(
      (input.referenceImages ?? []).map(async (r, i) => ({
        loaded: await loadImage(ctx.store, r.image, `referenceImages.${i}.image`),
        type: r.type,
      }))
    ),
  ])
  const upstreamSource = source && (await sourceFor(ctx, plan, source))
  const now = ctx.clock()
  const id = newJobId(now)
  const key = jobKey(ctx.workspace, id)
  const inputs: JobInputs = {
    ...(first ? { firstFrame: first.ref } : {}),
    ...(last ? { lastFrame: last.ref } : {}),
    ...(refs.length
      ? { referenceImages: refs.map((r) => ({ media: r.loaded.ref, type: r.type })) }
      : {}),
    ...(source ? { sourceJobId: source.id } : {}),
  }
  const poster = first
    ? { ...first.ref, source: 'firstFrame' as const }
    : input.mode === 'extend' && source?.poster?.source === 'firstFrame'
      ? source.poster
      : undefined
  const output =
    plan.api === 'predictLongRunning' && ctx.bucket ? outputPrefix(ctx.workspace, id) : undefined
  const deadlineAt = new Date(now.getTime() + ctx.video.jobDeadlineMs).toISOString()
  // Before anything is written or sent: past the budget this is the 402.
  const reservation = await reserveJob(ctx, {
    id,
    modelId: plan.modelId,
    price: estimate.price,
    deadlineAt,
  })
  const record: VideoJobRecord = {
    version: 1,
    id,
    workspace: ctx.workspace,
    status: 'queued',
    mode: plan.mode,
    prompt: input.prompt,
    model: { role: plan.role, id: plan.modelId, ...(replaces ? { replaces } : {}) },
    backend: plan.backend,
    api: plan.api,
    params: plan.params,
    inputs,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    deadlineAt,
    reservation,
    ...(poster ? { poster } : {}),
    ...(estimate.price ? { price: estimate.price } : {}),
    ...(digest ? { idempotencyKey: digest } : {}),
    ...(output ? { outputPrefix: output } : {}),
  }
  await createJobRecord(ctx.store, key, record).catch(async (error: unknown) => {
    await releaseJob(ctx, record, 'not_started')
    throw error
  })

  if (digest) {
    const claim = await claimKey(ctx.store, ctx.workspace, digest, { jobId: id, fingerprint })
    if (!claim.won) {
      await ctx.store.delete(key)
      await releaseJob(ctx, record, 'duplicate')
      const replay = await replayOf(ctx, claim.jobId)
      if (!replay) {
        throw new AppError(
          409,
          'idempotency_key_stale',
          'The job of this Idempotency-Key is gone; use a new key.'
        )
      }
      return replay
    }
  }

  const images = (loaded: { image: VideoImage } | undefined) => loaded?.image
  let started: Awaited<ReturnType<JobContext['ai']['startVideo']>>
  try {
    started = await ctx.ai.startVideo({
      role: plan.role,
      modelId: plan.modelId,
      mode: plan.mode,
      prompt: input.prompt,
      aspectRatio: plan.params.aspectRatio,
      durationSeconds: plan.params.durationSeconds,
      resolution: plan.params.resolution,
      ...(plan.video.audio === 'optional' ? { audio: plan.params.audio } : {}),
      ...(plan.params.negativePrompt ? { negativePrompt: plan.params.negativePrompt } : {}),
      ...(first ? { firstFrame: images(first) } : {}),
      ...(last ? { lastFrame: images(last) } : {}),
      ...(refs.length
        ? { referenceImages: refs.map((r) => ({ image: r.loaded.image, type: r.type })) }
        : {}),
      ...(upstreamSource ? { source: upstreamSource } : {}),
      ...(output && ctx.bucket ? { outputGcsUri: `gs://${ctx.bucket}/${output}` } : {}),
    })
  } catch (error) {
    throw await startFailed(ctx, key, record, digest, error)
  }
  const startedAt = ctx.clock().toISOString()
  const updated = await updateJob(ctx.store, key, (job) =>
    job.status === 'queued'
      ? { ...job, status: 'running', upstream: started, startedAt, updatedAt: startedAt }
      : undefined
  )
  if (!updated || updated.job.upstream !== started) {
    // Deleted, or given up as lost, while it started: the service's job is not wanted either.
    await ctx.ai
      .cancelVideo(started)
      .catch((error) => ctx.log.warn('video cancel failed', { job: id, err: error }))
    if (!updated) throw errors.notFound('The video job')
  }
  return { kind: 'job', job: viewOf(updated.job, ctx.clock()), replayed: false }
}

const NOT_FOUND = 'The video service does not know the configured model.'

async function startFailed(
  ctx: JobContext,
  key: string,
  record: VideoJobRecord,
  digest: string | undefined,
  error: unknown
): Promise<AppError> {
  const appError = toAppError(error)
  if (!UNCONFIRMED.has(appError.code)) {
    await releaseJob(ctx, record, 'start_refused')
    await ctx.store.delete(key)
    if (digest) await releaseKey(ctx.store, ctx.workspace, digest)
    // Nothing was made: say which model the service did not know, so it can be planned anew.
    if (appError.code === 'upstream_not_found') {
      return new AppError(appError.status, appError.code, NOT_FOUND, {
        details: { model: record.model.id },
        cause: error,
      })
    }
    return appError
  }
  const at = ctx.clock().toISOString()
  ctx.log.warn('video start unconfirmed', { job: record.id, code: appError.code })
  await releaseJob(ctx, record, 'start_unconfirmed')
  await updateJob(ctx.store, key, (job) => ({
    ...job,
    status: 'failed',
    updatedAt: at,
    finishedAt: at,
    error: jobFailure('start_unconfirmed'),
  }))
  return new AppError(appError.status, appError.code, appError.message, {
    headers: appError.headers,
    details: { jobId: record.id },
    cause: error,
  })
}
