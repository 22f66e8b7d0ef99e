/**
 * @module features/video/job-state
 * A job's life as the studio sees it: queued and running are active, succeeded, failed and
 * cancelled are final. Updates arrive out of order (a stream, a poll, the list), so merging
 * never moves a job back: a final job stays final, a newer record wins over an older one, and
 * progress only grows while a job runs. Also the elapsed time and the reason a job failed, in
 * message keys so it reads in the current language. Pure, so unit-tested.
 */
import { JOB_FAILURE_CODES, type JobFailureCode } from '../../../../server/features/video/failures'
import type { JobStatus, VideoJob } from '../../api/video'

export const FINAL: ReadonlySet<JobStatus> = new Set(['succeeded', 'failed', 'cancelled'])
export const isFinal = (job: Pick<VideoJob, 'status'>) => FINAL.has(job.status)
export const isActive = (job: Pick<VideoJob, 'status'>) => !isFinal(job)

const RANK: Record<JobStatus, number> = {
  queued: 0,
  running: 1,
  succeeded: 2,
  failed: 2,
  cancelled: 2,
}

/** The job after `next` arrived, given what was known before. */
export function mergeJob(known: VideoJob | undefined, next: VideoJob): VideoJob {
  if (!known || known.id !== next.id) return next
  if (isFinal(known)) return isFinal(next) && next.updatedAt > known.updatedAt ? next : known
  if (RANK[next.status] < RANK[known.status]) return known
  if (RANK[next.status] === RANK[known.status] && next.updatedAt < known.updatedAt) return known
  if (next.status === known.status && next.progress.percent < known.progress.percent) {
    return { ...next, progress: known.progress }
  }
  return next
}

export interface ProgressEvent {
  id: string
  percent: number
  estimated: boolean
}

/** A progress event applied: only to a running job, and only forward. */
export function withProgress(job: VideoJob, event: ProgressEvent): VideoJob {
  if (event.id !== job.id || job.status !== 'running') return job
  if (event.percent <= job.progress.percent) return job
  return { ...job, progress: { percent: event.percent, estimated: event.estimated } }
}

/** Seconds since the job started (or was created), up to its end. */
export function elapsedSeconds(
  job: Pick<VideoJob, 'createdAt' | 'startedAt' | 'finishedAt'>,
  now: number
): number {
  const from = Date.parse(job.startedAt ?? job.createdAt)
  const to = job.finishedAt ? Date.parse(job.finishedAt) : now
  return Math.max(0, Math.floor((to - from) / 1000))
}

/** `m:ss`, or `h:mm:ss` past an hour. */
export function formatElapsed(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds))
  const two = (n: number) => String(n).padStart(2, '0')
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  return h ? `${h}:${two(m)}:${two(s % 60)}` : `${m}:${two(s % 60)}`
}

/** Failure codes the server gives jobs (its own table), each with a message in both languages. */
export const FAILURE_CODES: readonly JobFailureCode[] = JOB_FAILURE_CODES
export type FailureCode = JobFailureCode

/** The message key of why a job did not finish (a code we do not know reads as the generic one). */
export function failureOf(
  job: Pick<VideoJob, 'status'> & { error?: { code: string } }
): FailureCode | 'unknown' {
  if (job.status !== 'failed' && job.status !== 'cancelled') return 'unknown'
  const code = job.error?.code ?? (job.status === 'cancelled' ? 'cancelled' : '')
  return (FAILURE_CODES as readonly string[]).includes(code) ? (code as FailureCode) : 'unknown'
}

/** Newest first, as the server lists them (job ids count down, so they sort newest first). */
export const newestFirst = (a: Pick<VideoJob, 'id'>, b: Pick<VideoJob, 'id'>) =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0
