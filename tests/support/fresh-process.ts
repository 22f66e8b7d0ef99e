/**
 * @module tests/support/fresh-process
 * What a cold process loads, and when: the app is built in a fresh `bun` process (no other test
 * has imported anything there), and its module registry (`require.cache`, which Bun fills for
 * ESM too) shows which of the watched modules were evaluated at each moment.
 */
import { join } from 'node:path'

const ROOT = join(import.meta.dir, '..', '..')

/** Runs `script` in a fresh `bun` (cwd and `process.env.ROOT`: the repository); its last line of output, as JSON. */
export async function runFresh<T>(script: string, env: Record<string, string> = {}): Promise<T> {
  const child = Bun.spawn([process.execPath, '-e', script], {
    cwd: ROOT,
    env: { ...process.env, ROOT, ...env },
    stdout: 'pipe',
    stderr: 'pipe',
  })
  const [out, err, code] = await Promise.all([
    new Response(child.stdout).text(),
    new Response(child.stderr).text(),
    child.exited,
  ])
  if (code !== 0) throw new Error(`child failed (${code}): ${err}`)
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as T
}

export interface LoadingProbe {
  /** Parts of module paths to watch (`features/video/create-job.ts`, `jimp/`). */
  watched: string[]
  /** Requested first, as a start-up probe or the page would be (default `/health`). */
  first?: string
  /** The request whose modules are checked. */
  path: string
  init?: RequestInit
}

export interface LoadingSeen {
  /** Watched modules evaluated once the app is built, before any request. */
  built: string[]
  /** ... right after the first request's answer. */
  atStart: string[]
  /** ... after the probed request. */
  afterRequest: string[]
  status: number
}

/** Builds the app (no AI, a temporary data folder) in a fresh process and follows the watched modules. */
export function loadingAround(probe: LoadingProbe): Promise<LoadingSeen> {
  return runFresh<LoadingSeen>(
    `
    const loaded = (part) => Object.keys(require.cache).some((k) => k.includes(part))
    const watched = ${JSON.stringify(probe.watched)}
    const fs = require('node:fs')
    const { loadConfig } = await import(process.env.ROOT + '/server/config.ts')
    const { createDeps } = await import(process.env.ROOT + '/server/deps.ts')
    const { createApp } = await import(process.env.ROOT + '/server/app.ts')
    const dir = fs.mkdtempSync(require('node:os').tmpdir() + '/ais-fresh-')
    const app = createApp(createDeps(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'error', DATA_DIR: dir })))
    const built = watched.filter(loaded)
    await app.request(${JSON.stringify(probe.first ?? '/health')})
    const atStart = watched.filter(loaded)
    const res = await app.request(${JSON.stringify(probe.path)}, ${JSON.stringify(probe.init ?? {})})
    fs.rmSync(dir, { recursive: true, force: true })
    console.log(JSON.stringify({ built, atStart, status: res.status, afterRequest: watched.filter(loaded) }))
    `
  )
}
