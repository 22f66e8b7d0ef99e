/**
 * @module security
 * Response headers for every answer: the secure headers Hono's `secureHeaders` would set with
 * our options, plus a Content Security Policy the built SPA runs under (scripts and styles from
 * our own origin only, media from our own `/media`). Written out as constant text: computing the
 * policy with `secureHeaders` cost about 0.6 ms at every cold start (bench/README.md).
 * A route may set a stricter policy of its own (e.g. `sandbox` for SVG media): it is kept.
 */
import type { MiddlewareHandler } from 'hono'

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // Vue binds dynamic styles through the CSSOM, which CSP allows; inline style attributes come
  // only from our own templates.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "frame-src 'none'",
].join('; ')

/**
 * Headers only obsolete browsers read (X-XSS-Protection, X-Download-Options, X-Permitted-Cross-
 * Domain-Policies, X-DNS-Prefetch-Control) or that say nothing new (Origin-Agent-Cluster) are
 * left out: each one costs every response a header write.
 */
export const SECURITY_HEADERS: readonly (readonly [string, string])[] = [
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['Strict-Transport-Security', 'max-age=15552000; includeSubDomains'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=()'],
]

export const securityHeaders = (): MiddlewareHandler =>
  async function securityHeaders(c, next) {
    await next()
    const headers = c.res.headers
    for (const [name, value] of SECURITY_HEADERS) headers.set(name, value)
    if (!headers.has('Content-Security-Policy')) {
      headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY)
    }
    headers.delete('X-Powered-By')
  }
