/**
 * @module sse
 * Server-Sent Events for long text: `event: delta` frames as the model writes, `sources` when
 * grounded (sources, queries and Google's search suggestions), then `done` (with the full result)
 * or `error` (the error envelope). Bun's idle
 * timeout is lifted for the request so quiet stretches of a long generation are not cut.
 */
import type { Context } from 'hono'
import { streamSSE } from 'hono/streaming'
import type { AppEnv } from './context'
import { serverRestarting } from './drain'
import { toAppError } from './error-handler'
import { envelope } from './errors'

/** True when the client asked for `text/event-stream`. */
export const wantsEventStream = (c: Context) =>
  (c.req.header('Accept') ?? '').toLowerCase().includes('text/event-stream')

/** Text as it is written, and the grounding (sources, queries, search suggestions) once known. */
export type TextStreamEvent =
  | { type: 'delta'; text: string }
  | {
      type: 'sources'
      sources: readonly unknown[]
      queries: readonly string[]
      searchEntryPoint?: string
    }

type Grounding = Omit<Extract<TextStreamEvent, { type: 'sources' }>, 'type'>

export interface StreamTextOptions<T, G extends Grounding = Grounding> {
  events: AsyncIterable<TextStreamEvent & ({ type: 'delta' } | G)>
  /** Builds the `done` payload from the full text and the grounding, if any (e.g. `{ article }`). */
  finish: (text: string, grounding: G | undefined) => T | Promise<T>
}

/**
 * Streams `events` as SSE. A failure before the first event is thrown (so it gets its real HTTP
 * status); one after the headers went out is sent as an `error` event.
 */
export async function streamText<T, G extends Grounding = Grounding>(
  c: Context<AppEnv>,
  options: StreamTextOptions<T, G>
): Promise<Response> {
  const iterator = options.events[Symbol.asyncIterator]()
  const first = await iterator.next()
  c.env?.timeout?.(c.req.raw, 0)
  c.header('Cache-Control', 'no-cache, no-transform')
  c.header('X-Accel-Buffering', 'no')
  const drain = c.get('drain')
  return streamSSE(c, async (stream) => {
    let text = ''
    let grounding: G | undefined
    let id = 0
    // A shutdown ends the stream with `server_restarting` (the client resumes or reports it).
    const drained = drain?.started()
    const restarting = drained?.promise.then((): never => {
      throw serverRestarting()
    })
    restarting?.catch(() => undefined)
    const next = () => (restarting ? Promise.race([iterator.next(), restarting]) : iterator.next())
    try {
      for (let step = first; !step.done; step = await next()) {
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
          const { type: _sources, ...rest } = event as G & { type: 'sources' }
          grounding = rest as unknown as G
          await stream.writeSSE({
            event: 'sources',
            data: JSON.stringify({
              sources: rest.sources,
              searchQueries: rest.queries,
              searchEntryPoints: rest.searchEntryPoint ? [rest.searchEntryPoint] : [],
            }),
            id: String(id++),
          })
        }
      }
      const result = await options.finish(text, grounding)
      await stream.writeSSE({ event: 'done', data: JSON.stringify(result), id: String(id++) })
    } catch (error) {
      const appError = toAppError(error)
      const log = c.get('log')
      if (appError.status >= 500 && appError.status !== 503) {
        log?.error(`stream failed: ${appError.code}`, { err: appError })
      }
      await stream.writeSSE({
        event: 'error',
        data: JSON.stringify({
          ...envelope(appError, c.get('requestId') ?? 'unknown'),
          status: appError.status,
        }),
        id: String(id++),
      })
    } finally {
      drained?.cancel()
    }
  })
}
