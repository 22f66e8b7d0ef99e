/**
 * @module body-limit
 * Request body size limits: 1 MB by default, more only where a route takes images or saved
 * documents (those routes set their own limit, and the default skips them).
 */
import type { MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { errors } from './errors'
import { annotate } from './openapi/route-doc'

export const DEFAULT_BODY_LIMIT = 1024 * 1024

/**
 * @example
 * api.use(limitBody(DEFAULT_BODY_LIMIT, { skip: (path) => path.startsWith('/api/library/') }))
 */
export const limitBody = (
  maxBytes: number,
  options: { skip?: (path: string) => boolean } = {}
): MiddlewareHandler => {
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw errors.payloadTooLarge(maxBytes)
    },
  })
  const { skip } = options
  if (skip) return (c, next) => (skip(c.req.path) ? next() : limit(c, next))
  // A limit of its own, for one route: the API document states it.
  return annotate(limit, { bodyLimit: maxBytes })
}
