/**
 * @module auth
 * Optional API-key protection for `/api/*`: when `API_KEYS` is set, each request must carry one
 * of them as `X-Api-Key: <key>` or `Authorization: Bearer <key>`, and gets the key's workspace
 * (`c.get('workspace')`); without keys every request is in the default workspace. `X-Api-Key`
 * wins when both are sent: behind Cloud Run IAM the Authorization header carries the caller's
 * identity token, not an app key. Keys are compared as SHA-256 digests in constant time (no
 * early exit, no length leak).
 */
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from './context'
import { errors } from './errors'

/** An API key and the workspace whose saved work (and jobs) it sees. */
export interface ApiKey {
  readonly workspace: string
  readonly key: string
  /** May read every workspace's usage (`+name:key` in `API_KEYS`). */
  readonly admin?: boolean
}

/** The workspace of unnamed keys, and of every request when no keys are configured. */
export const DEFAULT_WORKSPACE = 'default'

// Bun's native hasher: `node:crypto` would cost milliseconds at every cold start.
const digest = (value: string) => new Bun.CryptoHasher('sha256').update(value).digest()

/**
 * @example
 * api.use('*', requireApiKey([{ workspace: 'acme', key: 'k-1' }]))
 * api.get('/whoami', (c) => c.text(c.get('workspace'))) // 'acme' for `Authorization: Bearer k-1`
 */
export const requireApiKey = (keys: readonly ApiKey[]): MiddlewareHandler<AppEnv> => {
  const expected = keys.map((k) => digest(k.key))
  const workspaces = keys.map((k) => k.workspace)
  const admins = keys.map((k) => k.admin === true)
  return async function requireApiKey(c, next) {
    if (expected.length === 0) {
      c.set('workspace', DEFAULT_WORKSPACE)
      c.set('admin', false)
      return next()
    }
    if (c.req.method === 'OPTIONS') return next()
    const given =
      c.req.header('X-Api-Key') ?? c.req.header('Authorization')?.match(/^Bearer\s+(.+)$/i)?.[1]
    const index = given ? matchingIndex(expected, digest(given.trim())) : -1
    if (index < 0) throw errors.unauthorized()
    c.set('workspace', workspaces[index] as string)
    c.set('admin', admins[index] === true)
    return next()
  }
}

/** The index of the key that matches (keys are distinct), or -1; every key is compared in full. */
function matchingIndex(expected: Uint8Array[], given: Uint8Array): number {
  let matched = 0
  for (const [i, key] of expected.entries()) {
    let diff = 0
    for (let b = 0; b < key.length; b++) diff |= (key[b] as number) ^ (given[b] as number)
    // All ones when this key matched, else zero: no branch on the secret.
    const mask = -Number(diff === 0)
    matched = (matched & ~mask) | ((i + 1) & mask)
  }
  return matched - 1
}
