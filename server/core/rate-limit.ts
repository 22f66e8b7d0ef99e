/**
 * @module rate-limit
 * A per-client fixed-window limit for the API (per instance; Cloud Run's max-instances bounds
 * the total). Over the limit: 429 with `Retry-After`.
 */
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from './context'
import { errors } from './errors'

export interface RateLimitOptions {
  perMinute: number
  now?: () => number
  /** Behind Google's front end the client address is the last `X-Forwarded-For` entry. */
  trustForwardedFor?: boolean
}

export const rateLimit = (options: RateLimitOptions): MiddlewareHandler<AppEnv> => {
  const now = options.now ?? Date.now
  const windows = new Map<string, { start: number; count: number }>()
  let lastSweep = now()
  return async function rateLimit(c, next) {
    if (options.perMinute <= 0 || c.req.method === 'OPTIONS') return next()
    const t = now()
    if (t - lastSweep > 60_000) {
      for (const [key, w] of windows) if (t - w.start >= 60_000) windows.delete(key)
      lastSweep = t
    }
    const key = clientKey(c.req.raw, c.env, options.trustForwardedFor ?? false)
    let w = windows.get(key)
    if (!w || t - w.start >= 60_000) {
      w = { start: t, count: 0 }
      windows.set(key, w)
    }
    w.count++
    c.header('RateLimit-Limit', String(options.perMinute))
    c.header('RateLimit-Remaining', String(Math.max(0, options.perMinute - w.count)))
    if (w.count > options.perMinute) {
      throw errors.rateLimited((w.start + 60_000 - t) / 1000)
    }
    return next()
  }
}

function clientKey(
  req: Request,
  server: AppEnv['Bindings'] | undefined,
  trustXff: boolean
): string {
  if (trustXff) {
    const xff = req.headers.get('X-Forwarded-For')
    const last = xff?.split(',').at(-1)?.trim()
    if (last) return last
  }
  return server?.requestIP?.(req)?.address ?? 'local'
}
