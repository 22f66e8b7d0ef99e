/**
 * @module api/sse
 * Reads the server's POST streams (`event: delta|sources|done|error`, see server/core/sse.ts)
 * over `fetch`, so a stream can carry a JSON body and be stopped with an AbortSignal. Deltas and
 * sources go to callbacks as they arrive; the promise settles with the `done` payload, or rejects
 * with an `ApiError` (an `error` event, a failed answer, or a stream that ended without `done`:
 * a cut stream is never passed off as complete).
 */
import { EventSourceParserStream } from 'eventsource-parser/stream'
import { authHeaders } from './access-key'
import { ApiError, errorFromResponse, heard, isAbort, networkError } from './errors'
import { noteApiAnswer } from './spend-signal'

export interface StreamSource {
  title: string
  url: string
  domain?: string
}

/** What a `sources` frame says besides the sources. */
export interface StreamGrounding {
  searchQueries: string[]
  /** Google's search suggestions (HTML to show as Google provides it). */
  searchEntryPoints: string[]
}

export interface StreamOptions {
  signal?: AbortSignal
  onDelta?: (text: string) => void
  onSources?: (sources: StreamSource[], grounding: StreamGrounding) => void
  /** Replaceable for tests (e.g. the in-process app's `request`). */
  fetch?: (url: string, init: RequestInit) => Promise<Response> | Response
}

export const streamIncomplete = () =>
  new ApiError(502, 'stream_incomplete', 'The answer stopped before it was complete.')

/** POSTs `body` as JSON to `url` asking for an event stream and reads it to its `done` event. */
export async function postEventStream<T>(
  url: string,
  body: unknown,
  options: StreamOptions = {}
): Promise<T> {
  const send = options.fetch ?? ((u: string, init: RequestInit) => fetch(u, init))
  let response: Response
  try {
    response = await send(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'text/event-stream',
        ...authHeaders(),
      },
      body: JSON.stringify(body),
      signal: options.signal,
    })
  } catch (error) {
    if (isAbort(error)) throw error
    throw networkError(error)
  }
  if (!response.ok) throw await errorFromResponse(response)
  if (!response.body) throw streamIncomplete()
  const requestId = response.headers.get('X-Request-Id') ?? undefined
  try {
    return await readEvents<T>(response.body, requestId, options)
  } finally {
    // However it ended, the stream was paid for as far as it went.
    noteApiAnswer(url)
  }
}

async function readEvents<T>(
  body: NonNullable<Response['body']>,
  requestId: string | undefined,
  options: StreamOptions
): Promise<T> {
  // A reader loop rather than `for await`: not every browser iterates streams yet.
  const events = body
    .pipeThrough(new TextDecoderStream())
    .pipeThrough(new EventSourceParserStream())
    .getReader()
  try {
    for (let next = await events.read(); !next.done; next = await events.read()) {
      const event = next.value
      const data = parse(event.data)
      if (event.event === 'delta') {
        const text = (data as { text?: unknown })?.text
        if (typeof text === 'string') options.onDelta?.(text)
      } else if (event.event === 'sources') {
        const frame = data as {
          sources?: unknown
          searchQueries?: unknown
          searchEntryPoints?: unknown
        }
        if (Array.isArray(frame?.sources)) {
          options.onSources?.(frame.sources as StreamSource[], {
            searchQueries: strings(frame.searchQueries),
            searchEntryPoints: strings(frame.searchEntryPoints),
          })
        }
      } else if (event.event === 'done') {
        return data as T
      } else if (event.event === 'error') {
        throw errorFromEvent(data, requestId)
      }
    }
  } catch (error) {
    if (error instanceof ApiError || isAbort(error)) throw error
    if (options.signal?.aborted) throw options.signal.reason ?? error
    throw networkError(error)
  } finally {
    events.cancel().catch(() => undefined)
  }
  throw streamIncomplete()
}

function parse(data: string): unknown {
  try {
    return JSON.parse(data)
  } catch {
    return undefined
  }
}

/** An `error` event carries the error envelope plus the HTTP status it stands for. */
function errorFromEvent(data: unknown, requestId?: string): ApiError {
  const frame = data as
    | {
        error?: { code?: unknown; message?: unknown; details?: unknown }
        requestId?: unknown
        status?: unknown
      }
    | undefined
  const status = typeof frame?.status === 'number' ? frame.status : 502
  const code = typeof frame?.error?.code === 'string' ? frame.error.code : 'stream_error'
  const message =
    typeof frame?.error?.message === 'string' ? frame.error.message : 'The stream failed.'
  const details = frame?.error?.details as { retryAfterSeconds?: unknown } | undefined
  const retryAfter =
    typeof details?.retryAfterSeconds === 'number' ? details.retryAfterSeconds : undefined
  return heard(
    new ApiError(status, code, message, {
      requestId: typeof frame?.requestId === 'string' ? frame.requestId : requestId,
      details: frame?.error?.details,
      retryAfterSeconds: retryAfter,
    })
  )
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
