/**
 * @module sse
 * Server-Sent Events for long text: `event: delta` frames as the model writes, `sources` when
 * grounded, then `done` (with the full result) or `error` (the error envelope). Bun's idle
 * timeout is lifted for the request so quiet stretches of a long generation are not cut.
 */
import type { Context } from 'hono'
import { streamSSE } from 'hono/streaming'
import type { Source, StreamEvent } from '../ai/types'
import type { AppEnv } from './context'
import { toAppError } from './error-handler'
import { envelope } from './errors'

/** True when the client asked for `text/event-stream`. */
export const wantsEventStream = (c: Context) =>
  (c.req.header('Accept') ?? '').toLowerCase().includes('text/event-stream')

export interface StreamTextOptions<T> {
  events: AsyncIterable<StreamEvent>
  /** Builds the `done` payload from the full text and sources (e.g. `{ article }`). */
  finish: (text: string, sources: Source[]) => T | Promise<T>
}

/**
 * Streams `events` as SSE. A failure before the first event is thrown (so it gets its real HTTP
 * status); one after the headers went out is sent as an `error` event.
 */
export async function streamText<T>(
  c: Context<AppEnv>,
  options: StreamTextOptions<T>
): Promise<Response> {
  const iterator = options.events[Symbol.asyncIterator]()
  const first = await iterator.next()
  c.env?.timeout?.(c.req.raw, 0)
  c.header('Cache-Control', 'no-cache, no-transform')
  c.header('X-Accel-Buffering', 'no')
  return streamSSE(c, async (stream) => {
    let text = ''
    let sources: Source[] = []
    let id = 0
    try {
      for (let step = first; !step.done; step = await iterator.next()) {
        const event = step.value
        if (stream.aborted) {
          await iterator.return?.()
          return
        }
        if (event.type === 'delta') {
          text += event.text
          await stream.writeSSE({
            event: 'delta',
            data: JSON.stringify({ text: event.text }),
            id: String(id++),
          })
        } else {
          sources = event.sources
          await stream.writeSSE({
            event: 'sources',
            data: JSON.stringify({ sources }),
            id: String(id++),
          })
        }
      }
      const result = await options.finish(text, sources)
      await stream.writeSSE({ event: 'done', data: JSON.stringify(result), id: String(id++) })
    } catch (error) {
      const appError = toAppError(error)
      const log = c.get('log')
      if (appError.status >= 500) log?.error(`stream failed: ${appError.code}`, { err: appError })
      await stream.writeSSE({
        event: 'error',
        data: JSON.stringify({
          ...envelope(appError, c.get('requestId') ?? 'unknown'),
          status: appError.status,
        }),
        id: String(id++),
      })
    }
  })
}
