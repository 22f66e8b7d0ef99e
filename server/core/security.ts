/**
 * @module security
 * Response headers for every answer: Hono's secure headers plus a Content Security Policy the
 * built SPA runs under (scripts and styles from our own origin only, media from our own `/media`).
 */
import type { MiddlewareHandler } from 'hono'
import { secureHeaders } from 'hono/secure-headers'

export const securityHeaders = (): MiddlewareHandler => {
  const base = appHeaders()
  return async function securityHeaders(c, next) {
    // A route may set a stricter policy of its own (e.g. `sandbox` for SVG media): keep it.
    let routePolicy: string | null = null
    await base(c, async () => {
      await next()
      routePolicy = c.res.headers.get('Content-Security-Policy')
    })
    if (routePolicy) c.res.headers.set('Content-Security-Policy', routePolicy)
  }
}

const appHeaders = () =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      // Vue binds dynamic styles through the CSSOM, which CSP allows; inline style attributes
      // come only from our own templates.
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      mediaSrc: ["'self'", 'blob:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      frameSrc: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'strict-origin-when-cross-origin',
    crossOriginResourcePolicy: 'same-origin',
    crossOriginOpenerPolicy: 'same-origin',
    permissionsPolicy: {
      camera: [],
      microphone: [],
      geolocation: [],
    },
    // Headers only obsolete browsers read (IE, Flash) or that say nothing new: each one costs
    // every response a header write.
    xXssProtection: false,
    xDownloadOptions: false,
    xPermittedCrossDomainPolicies: false,
    xDnsPrefetchControl: false,
    originAgentCluster: false,
  })
