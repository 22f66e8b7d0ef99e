/**
 * @module video/progress
 * A job's progress and the view clients get. The service's own figure is used when it reports
 * one; otherwise progress is estimated from the time since the job started against the model's
 * typical duration (`typicalSeconds`), never above 95 % before the video is stored, and marked
 * `estimated: true`. Estimates are computed when read, so polling writes nothing.
 */
import { specOf } from '../../ai/models'
import type { JobProgress, VideoJobRecord, VideoJobView } from './job-types'

/** Where an estimate stops until the job really finishes. */
export const ESTIMATE_CAP = 95

export function progressOf(job: VideoJobRecord, now: Date): JobProgress {
  if (job.status === 'succeeded') return { percent: 100, estimated: false }
  if (job.reported !== undefined) return { percent: job.reported, estimated: false }
  if (job.status !== 'running' || !job.startedAt) return { percent: 0, estimated: true }
  const typical = specOf(job.model.id).video?.typicalSeconds ?? 120
  const elapsed = (now.getTime() - Date.parse(job.startedAt)) / 1000
  const percent = Math.floor(Math.min(ESTIMATE_CAP, Math.max(0, (elapsed / typical) * 100)))
  return { percent, estimated: true }
}

export function viewOf(job: VideoJobRecord, now: Date): VideoJobView {
  const {
    version: _version,
    workspace: _workspace,
    upstream: _upstream,
    reported: _reported,
    idempotencyKey: _key,
    finishing: _finishing,
    outputPrefix: _output,
    reservation: _reservation,
    ...view
  } = job
  return { ...view, progress: progressOf(job, now) }
}
