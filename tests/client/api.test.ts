/**
 * The client's API wrapper against the real server app (in-process): successful answers are
 * parsed, every failure becomes an `ApiError` carrying the server's code, message and request id,
 * the wait of a 429, and a network failure or an abort is told apart from an HTTP error.
 */
import { describe, expect, test } from 'bun:test'
import { ApiError, isAbort, request } from '../../client/src/api/client'
import { buildTestApp } from '../support/app'

describe('request()', () => {
  test('returns the parsed body of a 2xx answer', async () => {
    const { app } = buildTestApp()
    const answer = Promise.resolve(app.request('/api/capabilities'))
    const capabilities = await request(
      answer as Promise<Response & { json(): Promise<{ ai: string }> }>
    )
    expect(capabilities.ai).toBe('none')
  })

  test('turns the error envelope into an ApiError with the request id', async () => {
    const { app } = buildTestApp()
    const error = await request(Promise.resolve(app.request('/api/no-such-endpoint'))).catch(
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(ApiError)
    const apiError = error as ApiError
    expect(apiError.status).toBe(404)
    expect(apiError.code).toBe('not_found')
    expect(apiError.message).toContain('not found')
    expect(apiError.requestId).toMatch(/\S{8,}/)
  })

  test('reads the wait of a 429 from the envelope', async () => {
    const { app } = buildTestApp({ env: { RATE_LIMIT_PER_MINUTE: '1' } })
    await request(Promise.resolve(app.request('/api/capabilities')))
    const error = (await request(Promise.resolve(app.request('/api/capabilities'))).catch(
      (e) => e
    )) as ApiError
    expect(error.status).toBe(429)
    expect(error.code).toBe('rate_limited')
    expect(error.retryAfterSeconds).toBeGreaterThan(0)
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(60)
  })

  test('reads Retry-After and field issues when the envelope has them', async () => {
    const answer = Response.json(
      {
        error: {
          code: 'invalid_input',
          message: 'The request is invalid.',
          details: { issues: [{ field: 'prompt', message: 'must be a string' }, { bad: 1 }] },
        },
        requestId: 'req-1',
      },
      { status: 400, headers: { 'Retry-After': '7' } }
    )
    const error = (await request(Promise.resolve(answer)).catch((e) => e)) as ApiError
    expect(error.fieldIssues).toEqual([{ field: 'prompt', message: 'must be a string' }])
    expect(error.retryAfterSeconds).toBe(7)
    expect(error.requestId).toBe('req-1')
  })

  test('an answer that is not an envelope is a bad_response with its status', async () => {
    const page = new Response('<html>Bad gateway</html>', {
      status: 502,
      headers: { 'Content-Type': 'text/html', 'X-Request-Id': 'from-header' },
    })
    const error = (await request(Promise.resolve(page)).catch((e) => e)) as ApiError
    expect(error.code).toBe('bad_response')
    expect(error.status).toBe(502)
    expect(error.requestId).toBe('from-header')
  })

  test('an unreachable server is a network error (status 0)', async () => {
    const closed = Bun.serve({ port: 0, fetch: () => new Response('') })
    const url = `http://127.0.0.1:${closed.port}/api/capabilities`
    closed.stop(true)
    const error = (await request(fetch(url)).catch((e) => e)) as ApiError
    expect(error).toBeInstanceOf(ApiError)
    expect(error.status).toBe(0)
    expect(error.code).toBe('network')
  })

  test('an aborted call rejects with the AbortError, not an ApiError', async () => {
    const slow = Bun.serve({
      port: 0,
      fetch: async () => {
        await Bun.sleep(2_000)
        return new Response('{}')
      },
    })
    const controller = new AbortController()
    const pending = request(fetch(`http://127.0.0.1:${slow.port}/`, { signal: controller.signal }))
    controller.abort()
    const error = await pending.catch((e) => e)
    slow.stop(true)
    expect(error).not.toBeInstanceOf(ApiError)
    expect(isAbort(error)).toBe(true)
  })
})
