/**
 * @module video/finish-job
 * Stores a finished video once, however many instances learn at the same moment that it is
 * done. The first to take the record's finishing lease (a compare-and-swap) fetches the video
 * (inline bytes, a Developer API link fetched with the key in a header, or the object Veo wrote
 * to our bucket), stores it as content-addressed media and marks the job succeeded; the others
 * answer the record as it is and, on their next look, the winner's video. A lease whose holder
 * died expires, so another instance takes over. A job deleted meanwhile takes its video along.
 */

import type { DownloadedVideo, VideoOutput } from '../../ai/video-types'
import { errors } from '../../core/errors'
import { mediaKey, saveMedia } from '../../storage/media'
import type { JobContext } from './job-context'
import { chargeJob, releaseJob } from './job-spend'
import { updateJob } from './job-store'
import { isTerminal, type VideoJobRecord } from './job-types'

/** How long one instance may take to store a video before another may try. */
export const FINISH_LEASE_MS = 2 * 60_000

export async function finishJob(
  ctx: JobContext,
  key: string,
  job: VideoJobRecord,
  output: VideoOutput
): Promise<VideoJobRecord> {
  const me = crypto.randomUUID()
  const now = ctx.clock()
  const leased = await updateJob(ctx.store, key, (j) => {
    if (isTerminal(j.status)) return undefined
    if (j.finishing && Date.parse(j.finishing.until) > now.getTime()) return undefined
    const until = new Date(now.getTime() + FINISH_LEASE_MS).toISOString()
    return { ...j, finishing: { by: me, until }, updatedAt: now.toISOString() }
  })
  if (!leased) throw errors.notFound('The video job')
  if (leased.job.finishing?.by !== me) return leased.job

  let media: Awaited<ReturnType<typeof saveMedia>> | undefined
  let bytes: Uint8Array
  try {
    const video = await fetchOutput(ctx, job, output)
    bytes = video.bytes
    if (bytes.byteLength > 0) {
      media = await saveMedia(ctx.store, bytes, video.mimeType, { role: 'video', job: job.id })
    }
  } catch (error) {
    // Hand the lease back so the next look can try again.
    await updateJob(ctx.store, key, (j) =>
      j.finishing?.by === me ? { ...j, finishing: undefined } : undefined
    ).catch(() => undefined)
    throw error
  }
  if (!media) return endEmpty(ctx, key, me)
  const at = ctx.clock().toISOString()
  const stored = media
  const done = await updateJob(ctx.store, key, (j) =>
    isTerminal(j.status)
      ? undefined
      : {
          ...j,
          status: 'succeeded',
          video: stored,
          reported: undefined,
          finishing: undefined,
          updatedAt: at,
          finishedAt: at,
        }
  )
  if (!done) {
    await ctx.store.delete(mediaKey(media.id))
    throw errors.notFound('The video job')
  }
  if (job.outputPrefix) await removeOutput(ctx, job.outputPrefix)
  ctx.log.info('video stored', { job: job.id, media: media.id, size: media.size })
  if (done.job.status === 'succeeded' && done.job.video?.id === media.id) {
    await chargeJob(ctx, done.job, bytes)
  }
  return done.job
}

/** The service delivered an empty file: the job fails and is not charged. */
async function endEmpty(ctx: JobContext, key: string, me: string): Promise<VideoJobRecord> {
  const at = ctx.clock().toISOString()
  const ended = await updateJob(ctx.store, key, (j) =>
    isTerminal(j.status) || j.finishing?.by !== me
      ? undefined
      : {
          ...j,
          status: 'failed',
          error: { code: 'video_missing', message: 'The video service delivered an empty video.' },
          finishing: undefined,
          updatedAt: at,
          finishedAt: at,
        }
  )
  if (!ended) throw errors.notFound('The video job')
  if (ended.job.status === 'failed') await releaseJob(ctx, ended.job, 'empty')
  return ended.job
}

async function fetchOutput(
  ctx: JobContext,
  job: VideoJobRecord,
  output: VideoOutput
): Promise<DownloadedVideo> {
  if (output.kind === 'bytes') return output
  if (output.kind === 'link') return ctx.ai.downloadVideo(output)
  // Veo wrote to our bucket, under the job's own prefix and nowhere else.
  const prefix = ctx.bucket ? `gs://${ctx.bucket}/` : undefined
  const key = prefix && output.uri.startsWith(prefix) ? output.uri.slice(prefix.length) : undefined
  if (!key || !job.outputPrefix || !key.startsWith(job.outputPrefix)) {
    throw errors.upstream(
      'upstream_invalid',
      'The video service stored the video somewhere unexpected.'
    )
  }
  const bytes = await ctx.store.read(key)
  if (!bytes) throw errors.upstream('upstream_invalid', 'The video the service stored is missing.')
  return { bytes, mimeType: output.mimeType }
}

/** Deletes what the service wrote under a job's output prefix (kept only as media). */
export async function removeOutput(ctx: JobContext, prefix: string) {
  const { items } = await ctx.store.list(prefix, { limit: 100 })
  await Promise.all(items.map((item) => ctx.store.delete(item.key)))
}
