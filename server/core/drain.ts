/**
 * @module drain
 * The shutdown of one server process (Cloud Run sends SIGTERM, then SIGKILL 10 s later). Once
 * `start()` is called: event streams end with an `error` event `server_restarting` (the client
 * resumes or reports it), a new request on a kept-alive connection gets 503 `server_restarting`
 * with `Connection: close`, and answers still being prepared finish; `lastCall()` then aborts
 * the work still waiting on an upstream, so those requests get the same 503 instead of a reset
 * connection when the process exits.
 *
 * @example
 * const drain = createDrain()
 * app.use(drainGuard({ drain }))
 * process.on('SIGTERM', async () => { drain.start(); setTimeout(drain.lastCall, 7_000); await server.stop() })
 */
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from './context'
import { AppError } from './errors'

export interface Drain {
  /** Aborts when the drain starts (streams end). */
  readonly signal: AbortSignal
  readonly draining: boolean
  start(): void
  /**
   * Resolves when the drain starts (at once if it has); `cancel()` drops the listener, which a
   * stream must do when it ends (the drain outlives every request).
   */
  started(): { promise: Promise<void>; cancel: () => void }
  /** Aborts the work of every request still open (the process is about to exit). */
  lastCall(): void
  /**
   * A signal for one request's work: aborted when the client leaves, or by `lastCall` until
   * `done()` (the answer is out; a stream's work still stops when its client leaves).
   */
  work(request: Request): { signal: AbortSignal; done: () => void }
}

export function createDrain(): Drain {
  const started = new AbortController()
  const open = new Set<AbortController>()
  let closing = false
  return {
    signal: started.signal,
    get draining() {
      return started.signal.aborted
    },
    start: () => started.abort(),
    started() {
      let cancel = () => {}
      const promise = new Promise<void>((resolve) => {
        if (started.signal.aborted) return resolve()
        const listener = () => resolve()
        started.signal.addEventListener('abort', listener, { once: true })
        cancel = () => started.signal.removeEventListener('abort', listener)
      })
      return { promise, cancel: () => cancel() }
    },
    lastCall() {
      closing = true
      for (const controller of open) controller.abort(serverRestarting())
    },
    work(request) {
      const controller = new AbortController()
      const client = request.signal
      const onClientGone = () => controller.abort(client.reason)
      if (closing) controller.abort(serverRestarting())
      else if (client.aborted) controller.abort(client.reason)
      else client.addEventListener('abort', onClientGone, { once: true })
      open.add(controller)
      return {
        signal: controller.signal,
        done: () => {
          open.delete(controller)
        },
      }
    },
  }
}

/** The answer while the process shuts down: try again in a moment (another instance answers). */
export const serverRestarting = () =>
  new AppError(503, 'server_restarting', 'The server is restarting; try again in a moment.', {
    headers: { 'Retry-After': '1', Connection: 'close' },
    details: { retryAfterSeconds: 1 },
  })

export interface DrainGuardOptions {
  drain: Drain
  /** Requests another guard handles (a mounted app with its own). */
  skip?: (path: string) => boolean
  /** Give each request a work signal (`c.var.signal`); static files need none. */
  track?: boolean
}

/**
 * Refuses new requests while draining (503 `server_restarting`, `Connection: close`) and gives
 * each request the drain and a work signal (`c.var.signal`) that `lastCall` aborts.
 */
export const drainGuard = (options: DrainGuardOptions): MiddlewareHandler<AppEnv> => {
  const { drain } = options
  const skip = options.skip ?? (() => false)
  return async function drainGuard(c, next) {
    if (skip(c.req.path)) return next()
    if (drain.draining) throw serverRestarting()
    if (options.track === false) return next()
    const work = drain.work(c.req.raw)
    c.set('drain', drain)
    c.set('signal', work.signal)
    try {
      await next()
    } finally {
      work.done()
    }
    if (drain.draining) c.header('Connection', 'close')
  }
}
