/**
 * @module ai/video-failures
 * Why the video service did not deliver a video, as codes with their English text: the poll
 * answers with them, the job keeps them, and the UI words each in the user's language (the
 * service's own words are only logged).
 */
import { defineCodes } from '../core/codes'

export const VIDEO_FAILURES = defineCodes('job-failure', {
  video_blocked: 'The video service withheld the video (safety filters).',
  video_rejected: 'The video service rejected this request.',
  video_failed: 'The video service could not make this video.',
  video_missing: 'The video service finished without a video (it may have been filtered).',
  video_expired: 'The video service no longer knows this job.',
})

export type VideoFailure = keyof typeof VIDEO_FAILURES.texts

/** A failed poll with the code's text. */
export const failedPoll = (code: VideoFailure) => ({
  state: 'failed' as const,
  code,
  message: VIDEO_FAILURES.texts[code],
})
