/**
 * @module video/job-spend
 * A video job's money, through the workspace's ledger: its estimate is reserved before anything
 * is sent (402 `budget_exceeded` when the budget cannot hold it), it is charged for the seconds
 * it delivered (read from the video's own header, never more than were asked for) once the
 * video is stored, and released, with the reason, when it failed, was filtered, came back empty,
 * was cancelled or never started. A settlement that cannot be written is logged; the ledger's
 * reservation then lapses at its deadline.
 */
import { toMicros } from '../../ai/prices'
import type { PriceQuote } from '../../ai/video-prices'
import { mp4Seconds } from '../../media/mp4-duration'
import type { JobContext } from './job-context'
import type { VideoJobRecord } from './job-types'
import type { ReleaseReason } from './release-reasons'

/** A reservation holds this long past the job's deadline (longer than a finishing lease). */
const RESERVATION_MARGIN_MS = 5 * 60_000

export const STUDIO = 'video'

/** What a job holds of its workspace's budget (kept in its record to settle it). */
export interface JobReservation {
  day: string
  micros: number
}

export async function reserveJob(
  ctx: JobContext,
  job: { id: string; modelId: string; price: PriceQuote | null; deadlineAt: string }
): Promise<JobReservation> {
  return ctx.ledger.reserve(ctx.workspace, {
    jobId: job.id,
    studio: STUDIO,
    model: job.modelId,
    micros: toMicros(job.price?.amountUsd ?? 0),
    until: new Date(Date.parse(job.deadlineAt) + RESERVATION_MARGIN_MS),
  })
}

async function settleJob(
  ctx: JobContext,
  job: Pick<VideoJobRecord, 'id' | 'reservation'>,
  settlement: Parameters<JobContext['ledger']['settle']>[3]
) {
  if (!job.reservation) return
  try {
    await ctx.ledger.settle(ctx.workspace, job.reservation.day, job.id, settlement)
  } catch (error) {
    ctx.log.error('video job spend not settled; its reservation lapses at its deadline', {
      job: job.id,
      err: error,
    })
  }
}

/** Not charged: the job failed, was filtered, came back empty, was cancelled or never ran. */
export const releaseJob = (
  ctx: JobContext,
  job: Pick<VideoJobRecord, 'id' | 'reservation'>,
  reason: ReleaseReason
) => settleJob(ctx, job, { released: reason })

/** Charged for the seconds the stored video holds, at the rate the job was quoted. */
export function chargeJob(ctx: JobContext, job: VideoJobRecord, video: Uint8Array) {
  const asked = job.params.durationSeconds
  const delivered = mp4Seconds(video)
  const seconds = delivered === undefined ? asked : Math.max(0, Math.min(asked, delivered))
  const micros = toMicros((job.price?.perSecondUsd ?? 0) * seconds)
  return settleJob(ctx, job, { charged: { micros, videoSeconds: Math.round(seconds * 100) / 100 } })
}

/** What is left of the workspace's budget today and this month, and whether it holds `price`. */
export async function budgetFor(ctx: JobContext, price: PriceQuote | null) {
  const view = await ctx.ledger.budget(ctx.workspace)
  const needed = price?.amountUsd ?? 0
  const covers = [view.day, view.month].every(
    (p) => p.remainingUsd === null || (p.remainingUsd > 0 && p.remainingUsd >= needed)
  )
  return { ...view, covers }
}
