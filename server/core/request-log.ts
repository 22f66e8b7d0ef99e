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
  /** Paths logged at debug level only (health probes). */
  quietPaths?: readonly string[]
}

export const requestLog = (options: RequestLogOptions): MiddlewareHandler<AppEnv> => {
  const quiet = new Set(options.quietPaths ?? [])
  return async function requestLog(c, next) {
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
    if (status >= 500) log.error(message, entry)
    else if (quiet.has(c.req.path)) log.debug(message, entry)
    else log.info(message, entry)
  }
}
