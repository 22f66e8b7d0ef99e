/**
 * Cold start: the library's logic and document schemas (with the brand and SEO schemas they
 * build on) load on the first library request, not when the app is built. Checked in a fresh
 * `bun` process, whose module registry shows exactly what was imported.
 */
import { expect, test } from 'bun:test'
import { join } from 'node:path'

const root = join(import.meta.dir, '..', '..')

test('building the app loads no library logic or schemas; the first library request does', async () => {
  const child = Bun.spawn(
    [
      process.execPath,
      '-e',
      `
      const loaded = (path) => Object.keys(require.cache).some((k) => k.endsWith(path))
      const watched = ['features/library/documents.ts', 'features/library/schemas/index.ts', 'features/brand/profile.ts']
      const { loadConfig } = await import(process.env.ROOT + '/server/config.ts')
      const { createDeps } = await import(process.env.ROOT + '/server/deps.ts')
      const { createApp } = await import(process.env.ROOT + '/server/app.ts')
      const dir = require('node:fs').mkdtempSync(require('node:os').tmpdir() + '/ais-lazy-library-')
      const app = createApp(createDeps(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'error', DATA_DIR: dir })))
      await app.request('/health')
      const atStart = watched.filter(loaded)
      const res = await app.request('/api/library/brand-profiles')
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
  expect(seen.status).toBe(200)
  expect(seen.afterRequest).toContain('features/library/documents.ts')
})
