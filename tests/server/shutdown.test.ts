import { afterAll, describe, expect, test } from 'bun:test'
import { startFakeGemini } from '../support/fake-gemini'
import { startServerProcess } from '../support/server-process'

// The real process entry (server/index.ts) under SIGTERM, as Cloud Run sends it on scale-in.
const gemini = await startFakeGemini()
afterAll(() => gemini.stop())

async function startServer() {
  const { proc, base, output } = await startServerProcess(gemini.url)
  return { proc, base, output }
}

const intentRequest = (base: string) =>
  fetch(`${base}/api/seo/analyze-intent`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ prompt: 'audit example.com' }),
  })

async function waitForGeminiCall() {
  for (let i = 0; i < 100 && gemini.requests.length === 0; i++) await Bun.sleep(20)
  expect(gemini.requests.length).toBeGreaterThan(0)
}

describe('SIGTERM', () => {
  test('finishes the in-flight request, refuses new ones, exits 0', async () => {
    gemini.reset()
    gemini.enqueue({
      functionCall: {
        name: 'route_user_request',
        args: { intent: 'SEO', url: 'example.com', query: 'audit' },
      },
      delayMs: 1_500,
    })
    const { proc, base, output } = await startServer()
    const inFlight = intentRequest(base)
    await waitForGeminiCall()
    const signalledAt = Date.now()
    proc.kill('SIGTERM')
    await Bun.sleep(200)
    const refused = await fetch(`${base}/health`).then(
      () => false,
      () => true
    )
    const res = await inFlight
    expect(res.status).toBe(200)
    expect(((await res.json()) as { intent: string }).intent).toBe('SEO')
    expect(refused).toBe(true)
    expect(await proc.exited).toBe(0)
    expect(Date.now() - signalledAt).toBeLessThan(8_000)
    expect(await output()).toContain('SIGTERM received')
  }, 15_000)

  test('a request that never ends is answered 503 server_restarting, and the process exits by 8 s', async () => {
    gemini.reset()
    gemini.enqueue({ hang: true })
    const { proc, base } = await startServer()
    const stuck = intentRequest(base)
    await waitForGeminiCall()
    const signalledAt = Date.now()
    proc.kill('SIGTERM')
    expect(await proc.exited).toBe(0)
    const elapsed = Date.now() - signalledAt
    expect(elapsed).toBeGreaterThan(7_000)
    expect(elapsed).toBeLessThan(9_500)
    const answer = await stuck
    expect(answer.status).toBe(503)
    expect(((await answer.json()) as { error: { code: string } }).error.code).toBe(
      'server_restarting'
    )
    expect(answer.headers.get('Retry-After')).toBe('1')
  }, 20_000)
})
