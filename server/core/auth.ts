/**
 * @module auth
 * Optional API-key protection for `/api/*`: when `API_KEYS` is set, each request must carry one
 * of them as `Authorization: Bearer <key>` or `X-Api-Key: <key>`. Keys are compared in constant time.
 */
import { timingSafeEqual } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import { errors } from './errors'

export const requireApiKey = (keys: readonly string[]): MiddlewareHandler => {
  const expected = keys.map((k) => new TextEncoder().encode(k))
  return async function requireApiKey(c, next) {
    if (expected.length === 0 || c.req.method === 'OPTIONS') return next()
    const header = c.req.header('Authorization')
    const given = header?.match(/^Bearer\s+(.+)$/i)?.[1] ?? c.req.header('X-Api-Key')
    if (!given || !matches(expected, new TextEncoder().encode(given.trim()))) {
      throw errors.unauthorized()
    }
    return next()
  }
}

function matches(expected: Uint8Array[], given: Uint8Array): boolean {
  let ok = false
  for (const key of expected) {
    // Compare every key, same length only (timingSafeEqual requires it).
    if (key.length === given.length && timingSafeEqual(key, given)) ok = true
  }
  return ok
}
