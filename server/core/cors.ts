/**
 * @module cors
 * CORS for API consumers on other origins: only the origins in `ALLOWED_ORIGINS` get CORS
 * headers; with none configured the API is same-origin only.
 */
import type { MiddlewareHandler } from 'hono'
import { cors } from 'hono/cors'

export const corsFor = (allowedOrigins: readonly string[]): MiddlewareHandler => {
  if (allowedOrigins.length === 0) return async (_c, next) => next()
  const any = allowedOrigins.includes('*')
  const allowed = new Set(allowedOrigins.map((o) => o.toLowerCase()))
  return cors({
    origin: (origin) => (any || allowed.has(origin.toLowerCase()) ? origin : null),
    allowMethods: ['GET', 'POST', 'DELETE', 'OPTIONS'],
    allowHeaders: ['Content-Type', 'Authorization', 'X-Api-Key', 'X-Request-Id', 'Accept'],
    exposeHeaders: ['X-Request-Id', 'Retry-After'],
    maxAge: 600,
  })
}
