/**
 * The SSE reader against the real app in-process with the fake Gemini: deltas arrive in order
 * and the promise settles with the `done` payload; an `error` event rejects with its ApiError;
 * a failure before the stream is an ApiError with the HTTP status; a stream cut before `done`
 * is never taken as complete.
 */
import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import { ApiError } from '../../client/src/api/errors'
import { postEventStream } from '../../client/src/api/sse'
import { brief, profile } from '../seo/fixtures'
import { buildTestApp } from '../support/app'
import { startFakeGemini } from '../support/fake-gemini'

const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
beforeEach(() => gemini.reset())
const { app } = buildTestApp({ geminiUrl: gemini.url, env: { GEMINI_MAX_RETRIES: '0' } })
const viaApp = (url: string, init: RequestInit) => app.request(url, init)
const body = { brief, profile, outline: ['## A'], uiLanguage: 'en' }

describe('postEventStream', () => {
  test('passes each delta on and resolves with the done payload', async () => {
    gemini.enqueue({ chunks: ['# Espresso\n\n', 'Guide text ', 'in parts.'] })
    const deltas: string[] = []
    const done = await postEventStream<{ article: string }>('/api/seo/write-article', body, {
      fetch: viaApp,
      onDelta: (d) => deltas.push(d),
    })
    expect(deltas.join('')).toBe('# Espresso\n\nGuide text in parts.')
    expect(done.article).toBe('# Espresso\n\nGuide text in parts.')
  })

  test('an error event after the first delta rejects with its status and code', async () => {
    gemini.enqueue({ chunks: ['# Start', ' more'], errorAfter: { code: 500, message: 'boom' } })
    const deltas: string[] = []
    const error = await postEventStream('/api/seo/write-article', body, {
      fetch: viaApp,
      onDelta: (d) => deltas.push(d),
    }).catch((e) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).status).toBeGreaterThanOrEqual(500)
    expect(deltas.length).toBeGreaterThan(0)
  })

  test('a failure before the stream starts is an ApiError with the HTTP status', async () => {
    const error = (await postEventStream(
      '/api/seo/write-article',
      { brief: {} },
      {
        fetch: viaApp,
      }
    ).catch((e) => e)) as ApiError
    expect(error.status).toBe(400)
    expect(error.code).toBe('invalid_input')
  })

  test('a stream that ends without done is refused as incomplete', async () => {
    const cut = async () =>
      new Response('event: delta\ndata: {"text":"half"}\n\n', {
        headers: { 'Content-Type': 'text/event-stream' },
      })
    const error = (await postEventStream('/x', {}, { fetch: cut }).catch((e) => e)) as ApiError
    expect(error.code).toBe('stream_incomplete')
  })

  test('stopping a stream mid-way rejects with the AbortError, not an ApiError', async () => {
    const slow = Bun.serve({
      port: 0,
      fetch: () =>
        new Response(
          new ReadableStream({
            async start(controller) {
              controller.enqueue(new TextEncoder().encode('event: delta\ndata: {"text":"a"}\n\n'))
              await Bun.sleep(2_000)
              controller.close()
            },
          }),
          { headers: { 'Content-Type': 'text/event-stream' } }
        ),
    })
    const controller = new AbortController()
    const deltas: string[] = []
    const pending = postEventStream(
      `http://127.0.0.1:${slow.port}/`,
      {},
      {
        signal: controller.signal,
        onDelta: (d) => {
          deltas.push(d)
          controller.abort()
        },
      }
    )
    const error = await pending.catch((e) => e)
    slow.stop(true)
    expect(deltas).toEqual(['a'])
    expect(error).not.toBeInstanceOf(ApiError)
    expect((error as DOMException).name).toBe('AbortError')
  })
})
