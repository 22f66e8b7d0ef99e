/**
 * @module video/brand-check
 * `POST /api/video/jobs/:id/brand-check`: a finished job's clip against a brand profile
 * (`brand-guard/check-video`), with the first and last frames the client drew from the video.
 * The result is stored on the job record with a compare-and-swap, as every change of a job is,
 * and the job is answered with it. A job already checked against the same brand version (and
 * logo expectation) by the same method answers its stored result: one check per clip and brand.
 * A partial result (judged half unavailable) is stored but checked again when asked.
 */
import * as v from 'valibot'
import { AppError, errors } from '../../core/errors'
import { decodeImage, ImageDecodeError, type RgbaImage } from '../../media/pixels'
import { loadMedia, mediaKey } from '../../storage/media'
import { imageTypeOf } from '../brand/image-type'
import { checkVideo, type VideoCheck } from '../brand-guard/check-video'
import { CHECK_VERSION } from '../brand-guard/method'
import { profileVersion } from '../brand-guard/profile-version'
import { hasOneProfile, ONE_PROFILE, ProfileChoice, resolveProfile } from '../brand-guard/profiles'
import { loadJob } from './advance-job'
import type { JobContext } from './job-context'
import { jobKey, updateJob } from './job-store'
import type { VideoJobRecord } from './job-types'
import { INPUT_IMAGE_TYPES, MAX_IMAGE_BASE64 } from './schemas'

const Frame = v.strictObject({
  data: v.pipe(
    v.string(),
    v.minLength(8),
    v.maxLength(MAX_IMAGE_BASE64),
    v.regex(/^[A-Za-z0-9+/]+={0,2}$/, 'Must be base64 image data')
  ),
  mimeType: v.picklist(INPUT_IMAGE_TYPES),
})

export const VideoBrandCheckRequest = v.pipe(
  v.object({
    ...ProfileChoice,
    expectLogo: v.optional(v.boolean()),
    /** The clip's first and last frames, drawn from the video by the client. */
    frames: v.strictObject({ first: Frame, last: Frame }),
  }),
  v.forward(
    v.check((input) => hasOneProfile(input), ONE_PROFILE),
    ['profileId']
  )
)
export type VideoBrandCheckRequest = v.InferOutput<typeof VideoBrandCheckRequest>

/** Whether a stored check answers this request (same method, brand version and expectation). */
export const isCurrent = (check: VideoCheck | undefined, version: string, expectLogo?: boolean) =>
  Boolean(
    check &&
      !check.score.partial &&
      check.method.version === CHECK_VERSION &&
      check.profile.version === version &&
      check.expectLogo === expectLogo
  )

async function decodeFrame(frame: v.InferOutput<typeof Frame>, field: string): Promise<RgbaImage> {
  const bytes = new Uint8Array(Buffer.from(frame.data, 'base64'))
  const type = imageTypeOf(bytes, frame.mimeType)
  if (type !== frame.mimeType) {
    throw errors.invalidInput([{ field, message: `Must be a ${frame.mimeType} image` }])
  }
  try {
    return await decodeImage(bytes, type)
  } catch (error) {
    if (error instanceof ImageDecodeError) {
      throw errors.invalidInput([{ field, message: 'Is not a readable image' }])
    }
    throw error
  }
}

const notFinished = () =>
  new AppError(409, 'job_not_finished', 'A video can be checked once it is ready.')

export async function checkJobBrand(
  ctx: JobContext,
  id: string,
  input: VideoBrandCheckRequest
): Promise<VideoJobRecord> {
  const job = await loadJob(ctx, id)
  const video = job.video
  if (job.status !== 'succeeded' || !video) throw notFinished()
  const profile = await resolveProfile(ctx, input)
  if (isCurrent(job.brandCheck, profileVersion(profile), input.expectLogo)) return job
  const [first, last] = await Promise.all([
    decodeFrame(input.frames.first, 'frames.first'),
    decodeFrame(input.frames.last, 'frames.last'),
  ])
  const check = await checkVideo(ctx, {
    video: {
      mimeType: video.mimeType,
      ...(ctx.bucket ? { gcsUri: `gs://${ctx.bucket}/${mediaKey(video.id)}` } : {}),
      bytes: async () => (await loadMedia(ctx.store, video.id)).bytes,
    },
    frames: { first, last },
    profile,
    ...(input.expectLogo === undefined ? {} : { expectLogo: input.expectLogo }),
    label: `video-job-${id}`,
  })
  const at = ctx.clock().toISOString()
  const updated = await updateJob(ctx.store, jobKey(ctx.workspace, id), (j) =>
    j.status === 'succeeded' ? { ...j, brandCheck: check, updatedAt: at } : undefined
  )
  if (!updated) throw errors.notFound('The video job')
  ctx.log.info('video brand check', { job: id, score: check.score.value, via: check.via })
  return updated.job
}
