/**
 * @module features/video/watch-job
 * Follows one job until it is over: its event stream first, resumed from the last event id
 * after a cut (so a reload or a dropped connection picks up where it was), and polling
 * `GET /api/video/jobs/:id` instead once the stream has failed a few times in a row (a proxy
 * that buffers or drops streams). A job that is gone (404) ends the watch; any other failure
 * is reported as trouble and retried, never taken as the job's end. Not tied to Vue.
 *
 * @example
 * const watch = watchJob(job.id, { onJob: (j) => store.put(j), onProgress: (p) => store.progress(p) })
 * watch.stop()
 */
import { type ApiError, isAbort, toApiError } from '../../api/errors'
import {
  type JobEventHandlers,
  type JobProgressEvent,
  type JobStreamEnd,
  readJobEvents,
} from '../../api/job-events'
import { getJob, type VideoJob } from '../../api/video'
import { isFinal } from './job-state'

export type WatchMode = 'stream' | 'polling'

export interface WatchOptions {
  /** The last event id already seen (a resumed watch gets only what is new). */
  lastEventId?: number
  /** Start by polling (when enough streams are open already); default `stream`. */
  mode?: WatchMode
  onJob: (job: VideoJob) => void
  onProgress: (progress: JobProgressEvent) => void
  onMode?: (mode: WatchMode) => void
  /** The job no longer exists (deleted here or on another device). */
  onGone?: () => void
  /** A failure being retried, or undefined once things work again. */
  onTrouble?: (error: ApiError | undefined) => void
  stream?: (
    id: string,
    lastEventId: number,
    handlers: JobEventHandlers,
    options: { signal: AbortSignal }
  ) => Promise<JobStreamEnd>
  poll?: (id: string, signal: AbortSignal) => Promise<VideoJob>
  /** How often to ask when polling (the server's events look every 5 s too). */
  pollMs?: number
  /** Stream failures in a row after which it polls instead. */
  maxStreamFailures?: number
  /** The wait before a reconnect after `failures` failures. */
  backoffMs?: (failures: number) => number
}

export const POLL_MS = 5_000
export const MAX_STREAM_FAILURES = 3

const defaultBackoff = (failures: number) => Math.min(8_000, 500 * 2 ** failures)

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms)
    signal.addEventListener('abort', done, { once: true })
    function done() {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
  })
}

export function watchJob(id: string, options: WatchOptions) {
  const controller = new AbortController()
  const signal = controller.signal
  const stream = options.stream ?? readJobEvents
  const poll = options.poll ?? getJob
  const pollMs = options.pollMs ?? POLL_MS
  const maxFailures = options.maxStreamFailures ?? MAX_STREAM_FAILURES
  const backoff = options.backoffMs ?? defaultBackoff
  let mode: WatchMode = options.mode ?? 'stream'
  let lastEventId = options.lastEventId ?? 0
  let troubled = false

  const handlers: JobEventHandlers = {
    onStatus: (job) => {
      if (!signal.aborted) options.onJob(job)
    },
    onProgress: (progress) => {
      if (!signal.aborted) options.onProgress(progress)
    },
  }
  const trouble = (error: ApiError | undefined) => {
    if (!error && !troubled) return
    troubled = Boolean(error)
    options.onTrouble?.(error)
  }

  /** True when the watch should end because of this failure. */
  const failed = (cause: unknown): boolean => {
    if (isAbort(cause) || signal.aborted) return true
    const error = toApiError(cause)
    if (error.status === 404) {
      options.onGone?.()
      return true
    }
    trouble(error)
    // A missing or wrong access key does not fix itself.
    return error.status === 401
  }

  async function run(): Promise<void> {
    let failures = 0
    while (!signal.aborted) {
      if (mode === 'stream') {
        const before = lastEventId
        try {
          const end = await stream(id, lastEventId, handlers, { signal })
          lastEventId = end.lastEventId
          trouble(undefined)
          if (end.over) return
          failures = lastEventId > before ? 0 : failures + 1
        } catch (cause) {
          if (failed(cause)) return
          failures++
        }
        if (failures >= maxFailures) {
          mode = 'polling'
          options.onMode?.(mode)
        } else if (failures > 0) {
          await sleep(backoff(failures), signal)
        }
      } else {
        try {
          const job = await poll(id, signal)
          if (signal.aborted) return
          trouble(undefined)
          options.onJob(job)
          if (isFinal(job)) return
        } catch (cause) {
          if (failed(cause)) return
        }
        await sleep(pollMs, signal)
      }
    }
  }

  const done = run()
  return {
    done,
    mode: () => mode,
    stop: () => controller.abort(),
  }
}
