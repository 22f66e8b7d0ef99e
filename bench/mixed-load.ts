/**
 * @module bench/mixed-load
 * `--seconds` (60) at `--connections` (100) of mixed traffic on the production build, the fake
 * Gemini answering at once from a process of its own: hashed assets, SPA deep links, `/health`,
 * a JSON step (`analyze-intent`), saved-work reads, saved-work writes (read, then `PUT` with
 * `If-Match`, the counter one up), video job polls (two jobs running, two finished). Counts per
 * request kind by status, then the saved documents against what the writers saw committed: no
 * write lost or applied twice (final counter = confirmed writes, final ETag = the last commit's).
 * The rate limiter is on, with a limit the run does not reach (every client is 127.0.0.1).
 *
 * Run: bun bench/mixed-load.ts [--seconds=60] [--connections=100] [--baseline=DIR]
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { ensureServerBuild, REPO_ROOT } from '../scripts/build-server'
import { counterDocument, counterOf, type Role, startMixedLoad } from '../tests/support/mixed-load'
import { startFakeProcess } from './fake-process'
import { clientDistFor, largestAsset, spawnUntilReady } from './harness'
import { imageJscEnv } from './image-env'

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1]
const seconds = Number(arg('seconds') ?? 60)
const connections = Number(arg('connections') ?? 100)
const baselineDir = arg('baseline')
const dist = clientDistFor(REPO_ROOT)
const ROLES: Role[] = [
  'static',
  'deepLink',
  'health',
  'jsonStep',
  'libraryRead',
  'libraryWrite',
  'videoPoll',
  'static',
  'libraryWrite',
  'jsonStep',
]
const DOCUMENTS = Array.from({ length: 8 }, (_, i) => `load-doc-${i}`)

const fake = await startFakeProcess()
try {
  if (dist.note) console.log(dist.note)
  if (baselineDir) await run('baseline', resolve(baselineDir))
  await ensureServerBuild()
  await run('this checkout', REPO_ROOT)
} finally {
  await fake.stop()
}

async function run(name: string, dir: string) {
  const server = await spawnUntilReady({
    command: [join(dir, 'dist', 'server')],
    env: {
      ...imageJscEnv(dir),
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      RATE_LIMIT_PER_MINUTE: '1000000',
      GEMINI_API_KEY: 'bench-key',
      GEMINI_BASE_URL: fake.url,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'ais-mixed-')),
      STATIC_DIR: dist.dir,
    },
    captureStdout: true,
  })
  // The access log, read as Cloud Run's agent would.
  const logs = server.proc.stdout
  if (logs && typeof logs !== 'number') void new Response(logs).arrayBuffer()
  const base = server.url
  try {
    for (const id of DOCUMENTS) {
      const res = await fetch(`${base}/api/library/brand-profiles/${id}`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', 'If-None-Match': '*' },
        body: JSON.stringify(counterDocument(id, 0)),
      })
      if (res.status !== 201) throw new Error(`setup: HTTP ${res.status} ${await res.text()}`)
    }
    const jobIds: string[] = []
    for (const prompt of ['keep running: dawn', 'keep running: dusk', 'a harbour', 'a bay']) {
      const res = await fetch(`${base}/api/video/jobs`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ mode: 'text', prompt }),
      })
      if (res.status !== 202) throw new Error(`setup: HTTP ${res.status} ${await res.text()}`)
      jobIds.push(((await res.json()) as { id: string }).id)
    }
    const load = startMixedLoad({
      base,
      connections,
      roles: ROLES,
      assetPath: largestAsset(dist.dir) ?? '/index.html',
      documents: DOCUMENTS,
      jobIds,
    })
    await Bun.sleep(seconds * 1000)
    await load.stop()

    console.log(
      `\n${name}: ${seconds} s at ${connections} connections (Bun ${Bun.version}, ${navigator.hardwareConcurrency} CPUs; clients, server and fake share them)\n`
    )
    console.log('| request | answers | by outcome |')
    console.log('|---|---:|---|')
    const byRole = new Map<string, Record<string, number>>()
    for (const [key, count] of load.tally) {
      const [role = '', , outcome = ''] = key.split('|')
      const row = byRole.get(role) ?? {}
      row[outcome] = (row[outcome] ?? 0) + count
      byRole.set(role, row)
    }
    for (const [role, outcomes] of byRole) {
      const total = Object.values(outcomes).reduce((a, b) => a + b, 0)
      const detail = Object.entries(outcomes)
        .sort((a, b) => b[1] - a[1])
        .map(([o, n]) => `${o}: ${n}`)
        .join(', ')
      console.log(`| ${role} | ${total} | ${detail} |`)
    }
    let confirmed = 0
    let mismatches = 0
    for (const id of DOCUMENTS) {
      const commits = load.commits.get(id) ?? []
      confirmed += commits.length
      const res = await fetch(`${base}/api/library/brand-profiles/${id}`)
      const saved = (await res.json()) as { etag: string; document: { title: string } }
      const last = commits.find((c) => c.counter === commits.length)
      const counters = new Set(commits.map((c) => c.counter))
      const ok =
        counterOf(saved.document) === commits.length &&
        counters.size === commits.length &&
        (!last || last.etag === saved.etag)
      if (!ok) mismatches++
    }
    console.log(
      `\nsaved work: ${confirmed} confirmed writes on ${DOCUMENTS.length} documents; ${mismatches} documents differ from what the writers committed (lost or doubled writes)`
    )
  } finally {
    await server.stop('SIGTERM')
  }
}
