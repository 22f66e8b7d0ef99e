/**
 * @module video/delete-job
 * `DELETE /api/video/jobs/:id`: a running job is cancelled at the service first (a failed
 * cancel is logged and does not keep the job), then the record goes (compare-and-swap, so a
 * change made meanwhile is seen and its video deleted too), then the media the job made: its
 * video, an uploaded poster and anything the service wrote to our bucket. Input images stay:
 * they are the user's and may serve other jobs. The Idempotency-Key is released.
 */
import { errors } from '../../core/errors'
import { mediaKey } from '../../storage/media'
import { PreconditionFailed } from '../../storage/types'
import { removeOutput } from './finish-job'
import { releaseKey } from './idempotency'
import type { JobContext } from './job-context'
import { releaseJob } from './job-spend'
import { jobKey, readJob } from './job-store'
import { isTerminal, type VideoJobRecord } from './job-types'

export async function deleteJob(ctx: JobContext, id: string): Promise<void> {
  const key = jobKey(ctx.workspace, id)
  let stored = await readJob(ctx.store, key)
  if (!stored) throw errors.notFound('The video job')
  const upstream = stored.job.upstream
  if (!isTerminal(stored.job.status) && upstream) {
    await ctx.ai.cancelVideo(upstream).then(
      () => ctx.log.info('video job cancelled', { job: id }),
      (error) =>
        ctx.log.warn('video cancel failed; deleting the job anyway', { job: id, err: error })
    )
  }
  let deleted: VideoJobRecord | undefined
  for (let attempt = 1; attempt <= 8 && stored; attempt++) {
    try {
      await ctx.store.delete(key, { ifGenerationMatch: stored.generation })
      deleted = stored.job
      break
    } catch (error) {
      if (!(error instanceof PreconditionFailed)) throw error
      stored = await readJob(ctx.store, key)
    }
  }
  if (!deleted) throw errors.notFound('The video job')
  const job = deleted
  // A job deleted before it ended is not charged (one that ended has settled already).
  if (!isTerminal(job.status)) await releaseJob(ctx, job, 'deleted')
  await Promise.all([
    job.video && ctx.store.delete(mediaKey(job.video.id)),
    job.poster?.source === 'upload' && ctx.store.delete(mediaKey(job.poster.id)),
    job.outputPrefix && removeOutput(ctx, job.outputPrefix),
    job.idempotencyKey && releaseKey(ctx.store, ctx.workspace, job.idempotencyKey),
  ])
}
