/**
 * Cold start: the video job logic and prompt tools load on the first video request, not when
 * the app is built. Checked in a fresh `bun` process, whose module registry shows what loaded.
 */
import { expect, test } from 'bun:test'
import { join } from 'node:path'

const root = join(import.meta.dir, '..', '..')

test('building the app loads no video job logic; the first job request does', async () => {
  const child = Bun.spawn(
    [
      process.execPath,
      '-e',
      `
      const loaded = (path) => Object.keys(require.cache).some((k) => k.endsWith(path))
      const watched = ['features/video/create-job.ts', 'features/video/advance-job.ts', 'features/video/prompts/creative-director.ts', 'ai/gemini/video.ts']
      const { loadConfig } = await import(process.env.ROOT + '/server/config.ts')
      const { createDeps } = await import(process.env.ROOT + '/server/deps.ts')
      const { createApp } = await import(process.env.ROOT + '/server/app.ts')
      const dir = require('node:fs').mkdtempSync(require('node:os').tmpdir() + '/ais-lazy-video-')
      const app = createApp(createDeps(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'error', DATA_DIR: dir })))
      await app.request('/health')
      const atStart = watched.filter(loaded)
      const res = await app.request('/api/video/jobs')
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
  expect(seen.afterRequest).toContain('features/video/advance-job.ts')
})
