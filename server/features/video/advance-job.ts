/**
 * @module video/advance-job
 * Brings a job's record up to date by asking the service once, from the handle in the record:
 * whichever instance is asked does it, and a restarted server loses nothing. A job that is
 * still running past its deadline (or whose service cannot be reached past it) is cancelled
 * upstream and failed with the reason; a job whose start never got a handle (the server stopped
 * while starting it) is failed after a grace period and not started again. Every change is a
 * compare-and-swap, and a job already over is never changed again.
 */
import { errors } from '../../core/errors'
import { jobFailure } from './failures'
import { finishJob } from './finish-job'
import type { JobContext } from './job-context'
import { releaseJob } from './job-spend'
import { jobKey, readJob, updateJob } from './job-store'
import { isTerminal, type JobError, type JobStatus, type VideoJobRecord } from './job-types'

export async function loadJob(ctx: JobContext, id: string): Promise<VideoJobRecord> {
  const stored = await readJob(ctx.store, jobKey(ctx.workspace, id))
  if (!stored) throw errors.notFound('The video job')
  return stored.job
}

export async function advanceJob(ctx: JobContext, id: string): Promise<VideoJobRecord> {
  return advance(ctx, await loadJob(ctx, id))
}

export async function advance(ctx: JobContext, job: VideoJobRecord): Promise<VideoJobRecord> {
  if (isTerminal(job.status)) return job
  const key = jobKey(ctx.workspace, job.id)
  const now = ctx.clock()
  const upstream = job.upstream
  if (!upstream) {
    if (now.getTime() - Date.parse(job.createdAt) < ctx.startGraceMs) return job
    return settle(ctx, key, 'failed', jobFailure('start_lost'))
  }
  const pastDeadline = now.getTime() > Date.parse(job.deadlineAt)
  let poll: Awaited<ReturnType<JobContext['ai']['pollVideo']>>
  try {
    poll = await ctx.ai.pollVideo(upstream, ctx.signal)
  } catch (error) {
    if (pastDeadline) return expire(ctx, key, job)
    throw error
  }
  switch (poll.state) {
    case 'succeeded':
      return finishJob(ctx, key, job, poll.output)
    case 'failed':
      return settle(ctx, key, 'failed', { code: poll.code, message: poll.message })
    case 'cancelled':
      return settle(ctx, key, 'cancelled', jobFailure('cancelled'))
    default: {
      if (pastDeadline) return expire(ctx, key, job)
      const reported =
        poll.progress === undefined
          ? undefined
          : Math.max(0, Math.min(99, Math.round(poll.progress)))
      if (reported === undefined || reported === job.reported) return job
      const updated = await updateJob(ctx.store, key, (j) =>
        isTerminal(j.status) ? undefined : { ...j, reported, updatedAt: ctx.clock().toISOString() }
      )
      if (!updated) throw errors.notFound('The video job')
      return updated.job
    }
  }
}

async function expire(ctx: JobContext, key: string, job: VideoJobRecord) {
  if (job.upstream) {
    await ctx.ai
      .cancelVideo(job.upstream)
      .catch((error) =>
        ctx.log.warn('video cancel after the deadline failed', { job: job.id, err: error })
      )
  }
  const minutes = Math.round(ctx.video.jobDeadlineMs / 60_000)
  return settle(ctx, key, 'failed', jobFailure('deadline_exceeded', { minutes }))
}

/**
 * Ends a job (unless another instance ended it first: its outcome stands) and releases what it
 * held of the budget, naming why (a release after a charge changes nothing).
 */
async function settle(ctx: JobContext, key: string, status: JobStatus, error: JobError) {
  const at = ctx.clock().toISOString()
  const updated = await updateJob(ctx.store, key, (job) =>
    isTerminal(job.status)
      ? undefined
      : { ...job, status, error, updatedAt: at, finishedAt: at, finishing: undefined }
  )
  if (!updated) throw errors.notFound('The video job')
  if (updated.job.status !== 'succeeded') await releaseJob(ctx, updated.job, error.code)
  return updated.job
}
