import { afterAll, describe, expect, test } from 'bun:test'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startFakeGemini } from '../support/fake-gemini'

// The real process entry (server/index.ts) under SIGTERM, as Cloud Run sends it on scale-in.
const gemini = await startFakeGemini()
afterAll(() => gemini.stop())

async function freePort(): Promise<number> {
  const probe = Bun.serve({ port: 0, fetch: () => new Response() })
  const port = probe.port as number
  probe.stop(true)
  return port
}

async function startServer() {
  const port = await freePort()
  const proc = Bun.spawn(['bun', 'server/index.ts'], {
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      GEMINI_API_KEY: 'test-key-shutdown',
      GEMINI_BASE_URL: gemini.url,
      GEMINI_MAX_RETRIES: '0',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'ais-shutdown-')),
      LOG_FORMAT: 'json',
      STATIC_DIR: '/nonexistent',
    },
    stdout: 'pipe',
    stderr: 'pipe',
  })
  const base = `http://127.0.0.1:${port}`
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${base}/health`)).ok) return { proc, base }
    } catch {}
    await Bun.sleep(50)
  }
  proc.kill()
  throw new Error('server did not start')
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
    const { proc, base } = await startServer()
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
    const out = await new Response(proc.stdout).text()
    expect(out).toContain('SIGTERM received')
  }, 15_000)

  test('a request that never ends does not keep the process past 8 s', async () => {
    gemini.reset()
    gemini.enqueue({ hang: true })
    const { proc, base } = await startServer()
    const stuck = intentRequest(base).catch(() => undefined)
    await waitForGeminiCall()
    const signalledAt = Date.now()
    proc.kill('SIGTERM')
    expect(await proc.exited).toBe(0)
    const elapsed = Date.now() - signalledAt
    expect(elapsed).toBeGreaterThan(7_000)
    expect(elapsed).toBeLessThan(9_500)
    await stuck
  }, 20_000)
})
