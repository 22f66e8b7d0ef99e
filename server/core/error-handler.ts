/**
 * @module error-handler
 * Turns anything thrown in a route into the error envelope. Expected failures (`AppError`) keep
 * their status and message; anything else is logged in full and answered with a plain 500.
 */
import type { Context, ErrorHandler, NotFoundHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { AppEnv } from './context'
import { serverRestarting } from './drain'
import { AppError, envelope, errors } from './errors'
import type { Logger } from './logger'

export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err
  if (err instanceof HTTPException) {
    if (err.status === 413) return errors.payloadTooLarge(0)
    if (err.status === 400)
      return errors.badRequest('bad_request', 'The request could not be read.')
    if (err.status === 401) return errors.unauthorized()
    if (err.status === 404) return errors.notFound()
  }
  return errors.internal(err)
}

export const sendError = (c: Context<AppEnv>, error: AppError): Response => {
  const requestId = c.get('requestId') ?? crypto.randomUUID()
  return c.json(envelope(error, requestId), error.status, {
    ...error.headers,
    'Cache-Control': 'no-store',
  })
}

export const onError =
  (fallbackLog: Logger): ErrorHandler<AppEnv> =>
  (err, c) => {
    let error = toAppError(err)
    // Work cut by the drain's last call looks cancelled; the client is told why.
    if (error.code === 'cancelled' && c.get('drain')?.draining) error = serverRestarting()
    const log = c.get('log') ?? fallbackLog
    if (isCircuitOpen(error)) {
      // A fast failure while the AI service is down: its opening was logged, once.
      log.debug(`${error.code}: ${error.message}`)
    } else if (error.status === 503) {
      // A missing configuration, not a fault: one line, no stack.
      log.warn(`${error.code}: ${error.message}`)
    } else if (error.status >= 500) {
      log.error(`${error.code}: ${error.message}`, { err: error })
    } else {
      log.debug(`${error.code}: ${error.message}`)
    }
    return sendError(c, error)
  }

/** The answer of an open circuit (`ai/circuit-breaker` marks its details). */
const isCircuitOpen = (error: AppError) =>
  (error.details as { circuit?: unknown } | undefined)?.circuit === 'open'

export const onNotFound: NotFoundHandler<AppEnv> = (c) => sendError(c, errors.notFound())
