/**
 * @module video/job-events
 * `GET /api/video/jobs/:id/events`: the job as Server-Sent Events until it is over. Every
 * `VIDEO_EVENTS_POLL_MS` the job is brought up to date (by this instance: every instance serves
 * any stream) and what changed is sent: `status` (the whole job) when its status changes,
 * `progress` (`{ id, percent, estimated }`) when the percent grows. Event ids follow the job,
 * not the connection (status queued 1000, running 2000, progress 2000 + percent, over 3000), so
 * a client reconnecting with `Last-Event-ID` on any instance gets only what it has not seen,
 * and one that saw the end gets 204 (which tells `EventSource` to stop). A failure that lasts
 * three looks, or a deleted job, ends the stream with an `error` event (the error envelope).
 */
import type { Context } from 'hono'
import { type SSEStreamingApi, streamSSE } from 'hono/streaming'
import type { AppEnv } from '../../core/context'
import { serverRestarting } from '../../core/drain'
import { toAppError } from '../../core/error-handler'
import { type AppError, envelope } from '../../core/errors'
import { advanceJob, loadJob } from './advance-job'
import type { JobContext } from './job-context'
import { isTerminal, type VideoJobView } from './job-types'
import { viewOf } from './progress'

export const EVENT_ID = { queued: 1000, running: 2000, over: 3000 } as const
/** Failed looks in a row after which the stream gives up. */
const MAX_FAILURES = 3
/** A comment line at least this often keeps proxies from closing a quiet stream. */
const HEARTBEAT_MS = 15_000

export interface JobEvent {
  event: 'status' | 'progress'
  id: number
  data: unknown
}

/** The events that describe `view` to a client that last saw `lastId`. */
export function eventsSince(view: VideoJobView, lastId: number): JobEvent[] {
  const statusId = isTerminal(view.status)
    ? EVENT_ID.over
    : view.status === 'running'
      ? EVENT_ID.running
      : EVENT_ID.queued
  const events: JobEvent[] = []
  if (statusId > lastId) events.push({ event: 'status', id: statusId, data: view })
  const percent = Math.min(99, Math.floor(view.progress.percent))
  const progressId = EVENT_ID.running + percent
  if (view.status === 'running' && percent > 0 && progressId > lastId) {
    const { percent: _, ...rest } = view.progress
    events.push({ event: 'progress', id: progressId, data: { id: view.id, percent, ...rest } })
  }
  return events
}

export function lastEventIdOf(c: Context<AppEnv>): number {
  const raw = c.req.header('Last-Event-ID') ?? c.req.query('lastEventId') ?? ''
  return /^\d{1,6}$/.test(raw.trim()) ? Number(raw.trim()) : 0
}

export async function streamJobEvents(c: Context<AppEnv>, ctx: JobContext, id: string) {
  const lastId = lastEventIdOf(c)
  const first = await loadJob(ctx, id)
  if (isTerminal(first.status) && lastId >= EVENT_ID.over) return c.body(null, 204)
  c.env?.timeout?.(c.req.raw, 0)
  c.header('Cache-Control', 'no-cache, no-transform')
  c.header('X-Accel-Buffering', 'no')
  const drain = c.get('drain')
  const fail = (stream: SSEStreamingApi, appError: AppError) =>
    stream.writeSSE({
      event: 'error',
      data: JSON.stringify({
        ...envelope(appError, c.get('requestId') ?? 'unknown'),
        status: appError.status,
      }),
    })
  return streamSSE(c, async (stream) => {
    let last = lastId
    let failures = 0
    let lastWrite = Date.now()
    // A shutdown ends the stream; the client resumes on another instance with Last-Event-ID.
    const drained = drain?.started()
    try {
      await follow()
    } finally {
      drained?.cancel()
    }

    async function follow() {
      while (!stream.aborted) {
        if (drain?.draining) return fail(stream, serverRestarting())
        try {
          const job = await advanceJob(ctx, id)
          failures = 0
          for (const event of eventsSince(viewOf(job, ctx.clock()), last)) {
            await stream.writeSSE({
              event: event.event,
              id: String(event.id),
              data: JSON.stringify(event.data),
            })
            last = event.id
            lastWrite = Date.now()
          }
          if (isTerminal(job.status)) return
        } catch (error) {
          const appError = toAppError(error)
          failures++
          if (stream.aborted) return
          if (appError.status === 404 || failures >= MAX_FAILURES) {
            if (appError.status >= 500)
              ctx.log.error(`video events failed: ${appError.code}`, { err: appError })
            await fail(stream, appError)
            return
          }
        }
        if (Date.now() - lastWrite >= HEARTBEAT_MS) {
          await stream.write(': keep-alive\n\n')
          lastWrite = Date.now()
        }
        await Promise.race([stream.sleep(ctx.video.eventsPollMs), drained?.promise])
      }
    }
  })
}
