/**
 * The app's security headers, written out as constants for start-up's sake, are exactly what
 * Hono's `secureHeaders` gives with the same policy; a route's own CSP is kept.
 */
import { expect, test } from 'bun:test'
import { Hono } from 'hono'
import { secureHeaders } from 'hono/secure-headers'
import { securityHeaders } from '../../server/core/security'

const HONO_EQUIVALENT = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
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
  permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
  xXssProtection: false,
  xDownloadOptions: false,
  xPermittedCrossDomainPolicies: false,
  xDnsPrefetchControl: false,
  originAgentCluster: false,
})

const headersOf = async (middleware: ReturnType<typeof securityHeaders>, routeCsp?: string) => {
  const app = new Hono().use(middleware).get('/', (c) => {
    if (routeCsp) c.header('Content-Security-Policy', routeCsp)
    c.header('X-Powered-By', 'something')
    return c.text('ok')
  })
  const res = await app.request('/')
  return Object.fromEntries([...res.headers].filter(([name]) => name !== 'content-type'))
}

test('the same headers as Hono secureHeaders with our policy', async () => {
  expect(await headersOf(securityHeaders())).toEqual(await headersOf(HONO_EQUIVALENT))
})

test("a route's own Content-Security-Policy is kept", async () => {
  const headers = await headersOf(securityHeaders(), 'sandbox')
  expect(headers['content-security-policy']).toBe('sandbox')
  expect(headers['x-frame-options']).toBe('DENY')
  expect(headers['x-powered-by']).toBeUndefined()
})
