/**
 * @module api/job-events
 * Reads one connection of a video job's event stream (`GET /api/video/jobs/:id/events`:
 * `status` with the whole job, `progress` with `{ id, percent, estimated }`, `error` with the
 * error envelope). Read over `fetch` rather than `EventSource`, so the access key goes in a
 * header and `Last-Event-ID` is ours to send on a reconnect. Settles with the last event id
 * seen and whether the job is over (a 204 says a resumed stream has nothing left to send).
 */
import { EventSourceParserStream } from 'eventsource-parser/stream'
import { authHeaders } from './access-key'
import { ApiError, errorFromResponse, isAbort, networkError } from './errors'
import { noteApiAnswer } from './spend-signal'
import type { VideoJob } from './video'

export interface JobProgressEvent {
  id: string
  percent: number
  estimated: boolean
}

export interface JobEventHandlers {
  onStatus: (job: VideoJob) => void
  onProgress: (progress: JobProgressEvent) => void
}

export interface JobStreamEnd {
  lastEventId: number
  /** The job is over: nothing more will come. False when the stream was cut before its end. */
  over: boolean
}

export interface JobStreamOptions {
  signal?: AbortSignal
  /** Replaceable for tests (the in-process app's `request`). */
  fetch?: (url: string, init: RequestInit) => Promise<Response> | Response
}

const FINAL = new Set(['succeeded', 'failed', 'cancelled'])

export async function readJobEvents(
  jobId: string,
  lastEventId: number,
  handlers: JobEventHandlers,
  options: JobStreamOptions = {}
): Promise<JobStreamEnd> {
  const send = options.fetch ?? ((u: string, init: RequestInit) => fetch(u, init))
  let response: Response
  try {
    response = await send(`/api/video/jobs/${encodeURIComponent(jobId)}/events`, {
      headers: {
        Accept: 'text/event-stream',
        ...(lastEventId > 0 ? { 'Last-Event-ID': String(lastEventId) } : {}),
        ...authHeaders(),
      },
      signal: options.signal,
    })
  } catch (error) {
    if (isAbort(error)) throw error
    throw networkError(error)
  }
  if (response.status === 204) return { lastEventId, over: true }
  if (!response.ok) throw await errorFromResponse(response)
  if (!response.body) return { lastEventId, over: false }
  const events = response.body
    .pipeThrough(new TextDecoderStream())
    .pipeThrough(new EventSourceParserStream())
    .getReader()
  let last = lastEventId
  let over = false
  try {
    for (let next = await events.read(); !next.done; next = await events.read()) {
      const event = next.value
      const data = parse(event.data)
      if (event.event === 'error') throw errorFromFrame(data, response)
      if (event.id && /^\d+$/.test(event.id)) last = Math.max(last, Number(event.id))
      if (event.event === 'status' && isJob(data)) {
        handlers.onStatus(data)
        if (FINAL.has(data.status)) {
          over = true
          // An ended job was charged or released.
          noteApiAnswer(response.url || `/api/video/jobs/${jobId}/events`)
        }
      } else if (event.event === 'progress' && isProgress(data)) {
        handlers.onProgress(data)
      }
    }
  } catch (error) {
    if (error instanceof ApiError || isAbort(error)) throw error
    if (options.signal?.aborted) throw options.signal.reason ?? error
    // A connection cut mid-stream: the caller resumes from the last id.
    return { lastEventId: last, over }
  } finally {
    events.cancel().catch(() => undefined)
  }
  return { lastEventId: last, over }
}

function parse(data: string): unknown {
  try {
    return JSON.parse(data)
  } catch {
    return undefined
  }
}

const isJob = (data: unknown): data is VideoJob =>
  typeof data === 'object' &&
  data !== null &&
  typeof (data as VideoJob).id === 'string' &&
  typeof (data as VideoJob).status === 'string'

const isProgress = (data: unknown): data is JobProgressEvent =>
  typeof data === 'object' &&
  data !== null &&
  typeof (data as JobProgressEvent).id === 'string' &&
  typeof (data as JobProgressEvent).percent === 'number'

/** An `error` event carries the error envelope and the HTTP status it stands for. */
function errorFromFrame(data: unknown, response: Response): ApiError {
  const frame = data as
    | { error?: { code?: unknown; message?: unknown }; requestId?: unknown; status?: unknown }
    | undefined
  return new ApiError(
    typeof frame?.status === 'number' ? frame.status : 502,
    typeof frame?.error?.code === 'string' ? frame.error.code : 'stream_error',
    typeof frame?.error?.message === 'string' ? frame.error.message : 'The stream failed.',
    {
      requestId:
        typeof frame?.requestId === 'string'
          ? frame.requestId
          : (response.headers.get('X-Request-Id') ?? undefined),
    }
  )
}
