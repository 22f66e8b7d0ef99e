/**
 * @module request-log
 * Gives each request an id (`X-Request-Id`, kept from the caller when it looks like one), a
 * logger carrying that id and the Cloud Trace fields, and one access-log line when it ends.
 */
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from './context'
import { type Logger, traceFields } from './logger'

const SAFE_ID = /^[\w.:-]{8,128}$/

export interface RequestLogOptions {
  log: Logger
  projectId?: string
  /** Requests logged at debug level only (health probes, static files: Cloud Run logs those). */
  quiet?: (path: string) => boolean
  /** Requests another request logger handles (a mounted app with its own). */
  skip?: (path: string) => boolean
}

export const requestLog = (options: RequestLogOptions): MiddlewareHandler<AppEnv> => {
  const quiet = options.quiet ?? (() => false)
  const skip = options.skip ?? (() => false)
  return async function requestLog(c, next) {
    // Static files and probes with debug logging off: no id, no log line, nothing to pay for.
    const path = c.req.path
    if (skip(path) || (quiet(path) && !options.log.enabled('debug'))) return next()
    const started = performance.now()
    const incoming = c.req.header('X-Request-Id')
    const requestId = incoming && SAFE_ID.test(incoming) ? incoming : crypto.randomUUID()
    const log = options.log.child({
      requestId,
      ...traceFields(c.req.header('X-Cloud-Trace-Context'), options.projectId),
    })
    c.set('requestId', requestId)
    c.set('log', log)
    await next()
    c.header('X-Request-Id', requestId)
    const status = c.res.status
    // 503 is "unavailable for now" (storage busy, the AI service failing): a warning, not a fault.
    const level =
      status >= 500 && status !== 503
        ? 'error'
        : status === 503
          ? 'warn'
          : quiet(path)
            ? 'debug'
            : 'info'
    if (!log.enabled(level)) return
    const latency = (performance.now() - started) / 1000
    const entry = {
      httpRequest: {
        requestMethod: c.req.method,
        requestUrl: c.req.path,
        status,
        latency: `${latency.toFixed(4)}s`,
        userAgent: c.req.header('User-Agent'),
      },
    }
    const message = `${c.req.method} ${c.req.path} ${status}`
    log[level](message, entry)
  }
}
