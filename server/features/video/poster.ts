/**
 * @module video/poster
 * The poster frame of a finished job. The server has no video decoder (none fits the image's
 * size budget), so a job's poster is its first frame when it has one (image and first+last
 * modes, and extensions of such a video), and otherwise the frame a client captured from the
 * video (a canvas snapshot) and uploaded with `PUT /api/video/jobs/:id/poster`: a PNG, JPEG or
 * WebP, checked by its bytes, stored as media; an earlier uploaded poster is replaced.
 */
import { AppError, errors } from '../../core/errors'
import { mediaKey, saveMedia } from '../../storage/media'
import { imageTypeOf } from '../brand/image-type'
import { loadJob } from './advance-job'
import type { JobContext } from './job-context'
import { jobKey, updateJob } from './job-store'
import type { VideoJobRecord } from './job-types'

const POSTER_TYPES: readonly string[] = ['image/png', 'image/jpeg', 'image/webp']

export async function uploadPoster(
  ctx: JobContext,
  id: string,
  body: Uint8Array,
  contentType: string | undefined
): Promise<VideoJobRecord> {
  const declared = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
  if (!POSTER_TYPES.includes(declared))
    throw errors.unsupportedMediaType('image/png, image/jpeg or image/webp')
  const type = imageTypeOf(body, declared)
  if (type !== declared) {
    throw errors.invalidInput([{ field: '(body)', message: `Must be a ${declared} image` }])
  }
  const job = await loadJob(ctx, id)
  if (job.status !== 'succeeded') throw notFinished()
  const media = await saveMedia(ctx.store, body, type, { role: 'video-poster', job: id })
  let replaced: string | undefined
  const updated = await updateJob(ctx.store, jobKey(ctx.workspace, id), (job) => {
    if (job.status !== 'succeeded') return undefined
    replaced =
      job.poster?.source === 'upload' && job.poster.id !== media.id ? job.poster.id : undefined
    return { ...job, poster: { ...media, source: 'upload' }, updatedAt: ctx.clock().toISOString() }
  })
  if (!updated) throw errors.notFound('The video job')
  if (updated.job.poster?.id !== media.id) throw notFinished()
  if (replaced) await ctx.store.delete(mediaKey(replaced))
  return updated.job
}

const notFinished = () =>
  new AppError(409, 'job_not_finished', 'A poster can be set once the video is ready.')
