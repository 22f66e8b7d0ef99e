/**
 * @module auth
 * Optional API-key protection for `/api/*`: when `API_KEYS` is set, each request must carry one
 * of them as `Authorization: Bearer <key>` or `X-Api-Key: <key>`. Keys are compared as SHA-256
 * digests in constant time (no early exit, no length leak).
 */
import type { MiddlewareHandler } from 'hono'
import { errors } from './errors'

// Bun's native hasher: `node:crypto` would cost milliseconds at every cold start.
const digest = (value: string) => new Bun.CryptoHasher('sha256').update(value).digest()

export const requireApiKey = (keys: readonly string[]): MiddlewareHandler => {
  const expected = keys.map(digest)
  return async function requireApiKey(c, next) {
    if (expected.length === 0 || c.req.method === 'OPTIONS') return next()
    const header = c.req.header('Authorization')
    const given = header?.match(/^Bearer\s+(.+)$/i)?.[1] ?? c.req.header('X-Api-Key')
    if (!given || !matchesAny(expected, digest(given.trim()))) throw errors.unauthorized()
    return next()
  }
}

function matchesAny(expected: Uint8Array[], given: Uint8Array): boolean {
  let matched = 0
  for (const key of expected) {
    let diff = 0
    for (let i = 0; i < key.length; i++) diff |= (key[i] as number) ^ (given[i] as number)
    matched |= Number(diff === 0)
  }
  return matched === 1
}
