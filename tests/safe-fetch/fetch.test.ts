import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import { join } from 'node:path'
import { AppError } from '../../server/core/errors'
import { type SafeFetchOptions, safeFetch, USER_AGENT } from '../../server/core/safe-fetch'
import { HUGE_IMAGE_BYTES, startFakeSite, testPolicy } from '../support/fake-site'

const site = await startFakeSite()
site.addBrand('brand-a.test', { name: 'Acme Roasters', seed: 'a' })
afterAll(() => site.stop())
beforeEach(() => site.clear())

const origin = site.origin('brand-a.test')
const options = (over: Partial<SafeFetchOptions> = {}): SafeFetchOptions => ({
  policy: testPolicy(site),
  accept: ['text/html'],
  maxBytes: 1024 * 1024,
  timeoutMs: 2_000,
  ...over,
})

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(AppError)
    return error as AppError
  }
  throw new Error('expected the fetch to fail')
}

describe('connecting to the checked address', () => {
  test('dials the resolved address once and sends the original Host header', async () => {
    const policy = testPolicy(site)
    const response = await safeFetch(`${origin}/`, options({ policy }))
    expect(response.status).toBe(200)
    expect(response.contentType).toBe('text/html')
    expect(new TextDecoder().decode(response.body)).toContain('Acme Roasters')
    expect(policy.lookups).toEqual(['brand-a.test'])
    const [request] = site.hits('brand-a.test', '/')
    expect(request?.headers.host).toBe(`brand-a.test:${site.port}`)
    expect(request?.headers['user-agent']).toBe(USER_AGENT)
  })

  test('a second answer from DNS is never asked for within one hop (no rebinding window)', async () => {
    let calls = 0
    const policy = {
      ...testPolicy(site),
      resolve: async () => (++calls === 1 ? ['127.0.0.1'] : ['10.0.0.1']),
    }
    const response = await safeFetch(`${origin}/`, options({ policy }))
    expect(response.status).toBe(200)
    expect(calls).toBe(1)
  })

  test('error statuses come back unread, without throwing', async () => {
    const response = await safeFetch(`${origin}/forbidden`, options())
    expect(response.ok).toBe(false)
    expect(response.status).toBe(403)
    expect(response.body.byteLength).toBe(0)
  })

  test('a name that does not resolve is a 502 naming the reason', async () => {
    const error = await failure(safeFetch(`http://nowhere.example:${site.port}/`, options()))
    expect(error.status).toBe(502)
    expect(error.code).toBe('fetch_unreachable')
    expect(error.message).toContain('could not be resolved')
    expect(error.details).toMatchObject({ reasonCode: 'host_not_found', reasonParams: {} })
  })

  test('a closed port is a 502 "connection refused"', async () => {
    const closed = Bun.serve({ port: 0, hostname: '127.0.0.1', fetch: () => new Response('x') })
    const port = closed.port as number
    closed.stop(true)
    const error = await failure(
      safeFetch(
        `http://closed.test:${port}/`,
        options({ policy: { ...testPolicy(site), allowedPorts: [port] } })
      )
    )
    expect(error.status).toBe(502)
    expect(error.message).toContain('connection was refused')
    expect(error.details).toMatchObject({ reasonCode: 'connection_refused' })
  })
})

describe('limits', () => {
  test('a body larger than the cap is abandoned while streaming', async () => {
    const error = await failure(
      safeFetch(`${origin}/huge.png`, options({ accept: ['image/'], maxBytes: 5 * 1024 * 1024 }))
    )
    expect(error.status).toBe(502)
    expect(error.code).toBe('fetch_too_large')
    expect(error.message).toContain('larger than 5 MB')
    expect(error.details).toMatchObject({ reasonCode: 'too_large', reasonParams: { size: '5 MB' } })
  })

  test('a declared Content-Length over the cap is refused before reading', async () => {
    const error = await failure(
      safeFetch(
        `${origin}/huge-declared.png`,
        options({ accept: ['image/'], maxBytes: HUGE_IMAGE_BYTES - 1 })
      )
    )
    expect(error.code).toBe('fetch_too_large')
  })

  test('a slow site hits the deadline: 504', async () => {
    const started = performance.now()
    const error = await failure(safeFetch(`${origin}/slow?ms=3000`, options({ timeoutMs: 300 })))
    expect(error.status).toBe(504)
    // A site's timeout, not the AI service's (`upstream_timeout`).
    expect(error.code).toBe('fetch_timeout')
    expect(error.details).toMatchObject({ reasonCode: 'timed_out', reasonParams: { seconds: 0.3 } })
    expect(performance.now() - started).toBeLessThan(1_500)
  })

  test('a type the caller does not accept is refused without reading the body', async () => {
    const error = await failure(safeFetch(`${origin}/document.pdf`, options()))
    expect(error.status).toBe(502)
    expect(error.code).toBe('fetch_wrong_type')
    expect(error.message).toContain('application/pdf')
    expect(error.details).toMatchObject({
      reasonCode: 'wrong_type',
      reasonParams: { type: 'application/pdf', expected: 'text/html' },
    })
  })

  test('a family of types can be accepted (image/)', async () => {
    const response = await safeFetch(`${origin}/logo.png`, options({ accept: ['image/'] }))
    expect(response.contentType).toBe('image/png')
    expect(response.body.byteLength).toBeGreaterThan(50)
  })

  test('a caller that goes away cancels the fetch', async () => {
    const controller = new AbortController()
    const pending = safeFetch(`${origin}/slow?ms=3000`, options({ signal: controller.signal }))
    setTimeout(() => controller.abort(), 50)
    const error = await failure(pending)
    expect(error.code).toBe('cancelled')
  })
})

// Test-only self-signed certificate for secure.test (see fixtures/README.md).
const fixtures = join(import.meta.dir, 'fixtures')
const cert = await Bun.file(join(fixtures, 'secure-test.cert.pem')).text()
const key = await Bun.file(join(fixtures, 'secure-test.key.pem')).text()
const tlsSite = await startFakeSite({ tls: { cert, key } })
tlsSite.addBrand('secure.test', { name: 'Secure Brand', seed: 's' })
afterAll(() => tlsSite.stop())

describe('https: SNI and certificate checked against the host name', () => {
  test('dials 127.0.0.1 while the certificate for secure.test is verified', async () => {
    const response = await safeFetch(`${tlsSite.origin('secure.test')}/`, {
      ...options(),
      policy: testPolicy(tlsSite, { ca: cert }),
    })
    expect(response.status).toBe(200)
    expect(new TextDecoder().decode(response.body)).toContain('Secure Brand')
    expect(tlsSite.hits('secure.test', '/')[0]?.headers.host).toBe(`secure.test:${tlsSite.port}`)
  })

  test('another name on the same address fails certificate verification: 502', async () => {
    const error = await failure(
      safeFetch(`${tlsSite.origin('impostor.test')}/`, {
        ...options(),
        policy: testPolicy(tlsSite, { ca: cert }),
      })
    )
    expect(error.status).toBe(502)
    expect(error.message).toContain('certificate')
    expect(error.details).toMatchObject({ reasonCode: 'tls_failed' })
    expect(tlsSite.hits('impostor.test')).toHaveLength(0)
  })
})
