import { afterAll, expect, test } from 'bun:test'
import { buildTestApp } from '../support/app'
import { startFakeGemini } from '../support/fake-gemini'

// Bun's idle timeout (10 s by default, 255 s at most) must not cut a model call that takes longer.
// Scaled down: the server times idle sockets out after 1 s, the model answers after 5 s.
// (Bun 1.4.5 cuts a quiet GET this way but not a POST whose body was sent; jsonBody also lifts the
// timeout explicitly so this holds whatever the runtime does.)
const gemini = await startFakeGemini()
const { app } = buildTestApp({ geminiUrl: gemini.url })
const server = Bun.serve({ port: 0, hostname: '127.0.0.1', idleTimeout: 1, fetch: app.fetch })
afterAll(() => {
  server.stop(true)
  gemini.stop()
})

test('a JSON API call outlives the server idle timeout once its body is read', async () => {
  gemini.enqueue({
    functionCall: {
      name: 'route_user_request',
      args: { intent: 'SEO', url: 'example.com', query: 'x' },
    },
    delayMs: 5_000,
  })
  const res = await fetch(`http://127.0.0.1:${server.port}/api/seo/analyze-intent`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ prompt: 'audit example.com' }),
  })
  expect(res.status).toBe(200)
  expect(((await res.json()) as { intent: string }).intent).toBe('SEO')
}, 15_000)
