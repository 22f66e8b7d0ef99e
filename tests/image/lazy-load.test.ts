/**
 * Cold start: the image studio's logic, schemas and pixel libraries load on the first image
 * request that needs them, not when the app is built. Checked in a fresh `bun` process, whose
 * module registry shows exactly what was imported.
 */
import { expect, test } from 'bun:test'
import { join } from 'node:path'

const root = join(import.meta.dir, '..', '..')

test('building the app loads no image logic, schemas or pixel code; the first request loads its step only', async () => {
  const child = Bun.spawn(
    [
      process.execPath,
      '-e',
      `
      const loaded = (path) => Object.keys(require.cache).some((k) => k.includes(path))
      const watched = ['features/image/generate.ts', 'features/image/schemas.ts', 'features/image/summarize-prompt.ts', 'media/pixels.ts', 'jimp/', '@jsquash/']
      const { loadConfig } = await import(process.env.ROOT + '/server/config.ts')
      const { createDeps } = await import(process.env.ROOT + '/server/deps.ts')
      const { createApp } = await import(process.env.ROOT + '/server/app.ts')
      const dir = require('node:fs').mkdtempSync(require('node:os').tmpdir() + '/ais-lazy-image-')
      const app = createApp(createDeps(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'error', DATA_DIR: dir })))
      await app.request('/api/capabilities')
      const atStart = watched.filter(loaded)
      const res = await app.request('/api/image/summarize-prompt', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"prompt":"x"}' })
      require('node:fs').rmSync(dir, { recursive: true, force: true })
      console.log(JSON.stringify({ atStart, status: res.status, afterRequest: watched.filter(loaded) }))
      `,
    ],
    { cwd: root, env: { ...process.env, ROOT: root }, stdout: 'pipe', stderr: 'pipe' }
  )
  const [out, err, code] = await Promise.all([
    new Response(child.stdout).text(),
    new Response(child.stderr).text(),
    child.exited,
  ])
  if (code !== 0) throw new Error(`child failed (${code}): ${err}`)
  const seen = JSON.parse(out.trim().split('\n').at(-1) ?? '{}')
  expect(seen.atStart).toEqual([])
  // No AI configured: the step's module loads (its schema validates), then the gateway says 503.
  expect(seen.status).toBe(503)
  expect(seen.afterRequest).toContain('features/image/summarize-prompt.ts')
  expect(seen.afterRequest).not.toContain('features/image/generate.ts')
  expect(seen.afterRequest).not.toContain('jimp/')
})
