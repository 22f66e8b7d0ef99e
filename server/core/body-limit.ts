/**
 * @module body-limit
 * Request body size limits: 1 MB by default, more only where a route takes images.
 */
import type { MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { errors } from './errors'

export const DEFAULT_BODY_LIMIT = 1024 * 1024

export const limitBody = (maxBytes: number): MiddlewareHandler =>
  bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw errors.payloadTooLarge(maxBytes)
    },
  })
