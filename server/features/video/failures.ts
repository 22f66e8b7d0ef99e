/**
 * @module video/failures
 * Why a video job ended without a video, beyond what the video service says (ai/video-failures):
 * a start the server lost or could not confirm, a deadline, a cancellation. A job keeps the code
 * and its English text; the UI words the code in the user's language.
 */
import { VIDEO_FAILURES, type VideoFailure } from '../../ai/video-failures'
import { defineCodes, fill, type NoticeParams } from '../../core/codes'

export const JOB_FAILURES = defineCodes('job-failure', {
  start_lost:
    'The server stopped while starting this job. It is not retried automatically, so it is never paid for twice; start a new job.',
  start_unconfirmed:
    'The video service did not confirm that the job started. It is not retried automatically, so it is never paid for twice; start a new job to try again.',
  deadline_exceeded: 'The video was not ready within {minutes} minutes; the job was stopped.',
  cancelled: 'The video service cancelled this job.',
})

/** Every code a failed or cancelled job can carry. */
export type JobFailureCode = VideoFailure | keyof typeof JOB_FAILURES.texts

export const JOB_FAILURE_CODES = [
  ...Object.keys(VIDEO_FAILURES.texts),
  ...Object.keys(JOB_FAILURES.texts),
] as JobFailureCode[]

/** A job's error for one of this module's codes. */
export const jobFailure = (code: keyof typeof JOB_FAILURES.texts, params?: NoticeParams) => ({
  code,
  message: fill(JOB_FAILURES.texts[code], params),
})
