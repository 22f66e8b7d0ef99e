/**
 * The real process entry under SIGTERM: calls priced in the instance's last moments are written
 * to the ledger before it exits, not lost with its memory.
 */
import { afterAll, expect, test } from 'bun:test'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from '../e2e/support/server'
import { startFakeGemini } from '../support/fake-gemini'

const gemini = await startFakeGemini()
afterAll(() => gemini.stop())

test('the calls still in memory are written to the ledger before the process exits', async () => {
  gemini.setHandler(() => ({
    functionCall: {
      name: 'route_user_request',
      args: { intent: 'SEO', url: 'example.com', query: 'audit' },
    },
  }))
  const dataDir = mkdtempSync(join(tmpdir(), 'ais-usage-shutdown-'))
  const port = freePort()
  const proc = Bun.spawn(['bun', '--no-env-file', 'server/index.ts'], {
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      GEMINI_API_KEY: 'test-key-usage',
      GEMINI_BASE_URL: gemini.url,
      DATA_DIR: dataDir,
      LOG_FORMAT: 'json',
      STATIC_DIR: '/nonexistent',
    },
    stdout: 'pipe',
    stderr: 'pipe',
  })
  const base = `http://127.0.0.1:${port}`
  for (let i = 0; i < 200; i++) {
    const up = await fetch(`${base}/health`).then(
      (r) => r.ok,
      () => false
    )
    if (up) break
    await Bun.sleep(25)
  }
  const res = await fetch(`${base}/api/seo/analyze-intent`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ prompt: 'audit example.com' }),
  })
  expect(res.status).toBe(200)
  // Well inside the two seconds after which the buffer would be written anyway.
  proc.kill('SIGTERM')
  expect(await proc.exited).toBe(0)
  gemini.setHandler(undefined)
  const batches = [...new Bun.Glob('ledger/default/*/*/calls/*.json').scanSync({ cwd: dataDir })]
  expect(batches.filter((f) => !f.endsWith('.meta.json'))).toHaveLength(1)
}, 20_000)
