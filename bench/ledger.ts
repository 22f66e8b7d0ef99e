/**
 * @module bench/ledger
 * What the spend ledger adds to an AI call, on both stores, against the build before it
 * (`--baseline=DIR`, e.g. a `git archive` of the commit before, with its `node_modules`). Each
 * app runs in this process behind its own `Bun.serve` with its own fake Gemini answering at
 * once; local disk in a temporary folder, Cloud Storage through the real library against the
 * fake JSON API (one bucket per app). Requests are interleaved app by app, in a new random
 * order each round, so load on the machine hits them alike. Per store:
 *
 * - one JSON step (`generate-outline`, one model call) at a time: before, this build (the call
 *   priced, admitted and kept in memory; the ledger written in the background), this build
 *   with a daily budget (every call admitted against the day's totals), and this build with
 *   the ledger's write awaited after each call (what an inline write would add: a batch object
 *   and the day's compare-and-swap);
 * - 16 calls at once in one workspace (each call's latency): before, and this build, which
 *   would show calls queueing on the day's totals if they did;
 * - the ledger's own writes per call over the run (batches and folds are per instance and
 *   flush, not per call).
 *
 * Run: bun bench/ledger.ts --baseline=DIR [--runs=300]
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { BlobStore } from '../server/storage/types'
import { startFakeGcs } from '../tests/support/fake-gcs'
import { fmt, median, quantile } from './harness'

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1]
const runs = Number(arg('runs') ?? 300)
const baselineDir = arg('baseline')
if (!baselineDir) {
  console.error('usage: bun bench/ledger.ts --baseline=DIR [--runs=N]')
  process.exit(2)
}
const HERE = resolve(import.meta.dir, '..')
const gcs = await startFakeGcs()

const body = JSON.stringify({
  researchSummary: 'notes',
  brief: { mainKeyword: 'Espresso at home', targetLanguage: 'English', targetRegion: 'US' },
  profile: { globalInfo: { brand_name: 'Northwind' }, projects: [] },
})

interface Running {
  base: string
  /** Awaits the ledger's writes (this build only). */
  flush?: () => Promise<void>
  /** Writes of `ledger/` objects so far (this build only). */
  ledgerWrites: () => number
  stop: () => void
}

/** One checkout's app on one store, with its own fake Gemini. */
async function start(dir: string, store: 'local' | 'gcs', env: Record<string, string> = {}) {
  const load = (path: string) => import(resolve(dir, path))
  const [{ createApp }, { createDeps }, { loadConfig }, { createLogger }, fake] = await Promise.all(
    [
      load('server/app.ts'),
      load('server/deps.ts'),
      load('server/config.ts'),
      load('server/core/logger.ts'),
      import(resolve(dir, 'tests/support/fake-gemini')),
    ]
  )
  const gemini = await fake.startFakeGemini()
  gemini.setHandler(() => ({ json: { outline: ['## Grinder', '## Water', '## Extraction'] } }))
  const config = loadConfig({
    GEMINI_API_KEY: 'bench-key',
    GEMINI_BASE_URL: gemini.url,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'ais-ledger-bench-')),
    ...(store === 'gcs'
      ? {
          GCP_STORAGE_BUCKET_NAME: `bench-${crypto.randomUUID().slice(0, 8)}`,
          GCS_ENDPOINT: gcs.url,
        }
      : {}),
    RATE_LIMIT_PER_MINUTE: '0',
    LOG_LEVEL: 'error',
    ...env,
  })
  const deps = createDeps(config, { log: createLogger({ level: 'error' }) })
  let writes = 0
  const storeOf = deps.store as BlobStore
  const put = storeOf.put
  storeOf.put = (key, data, options) => {
    if (key.startsWith('ledger/')) writes += 1
    return put(key, data, options)
  }
  const server = Bun.serve({
    port: 0,
    hostname: '127.0.0.1',
    fetch: createApp(deps).fetch,
    idleTimeout: 0,
  })
  const running: Running = {
    base: `http://127.0.0.1:${server.port}`,
    ...(deps.ledger ? { flush: () => deps.ledger.flush() } : {}),
    ledgerWrites: () => writes,
    stop: () => {
      server.stop(true)
      gemini.stop()
    },
  }
  return running
}

const call = async (app: Running) => {
  const res = await fetch(`${app.base}/api/seo/generate-outline`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body,
  })
  if (!res.ok) throw new Error(`HTTP ${res.status} ${await res.text()}`)
  await res.arrayBuffer()
}

type Probe = (app: Running) => Promise<number[]>

const one: Probe = async (app) => {
  const t = performance.now()
  await call(app)
  return [performance.now() - t]
}
const oneThenWrite: Probe = async (app) => {
  const t = performance.now()
  await call(app)
  await app.flush?.()
  return [performance.now() - t]
}
const sixteen: Probe = async (app) =>
  Promise.all(
    Array.from({ length: 16 }, async () => {
      const t = performance.now()
      await call(app)
      return performance.now() - t
    })
  )

interface Row {
  store: string
  label: string
  app: Running
  probe: Probe
  times: number[]
  calls: number
}

const rows: Row[] = []
for (const store of ['local', 'gcs'] as const) {
  const name = store === 'local' ? 'local disk' : 'Cloud Storage (fake)'
  const add = (label: string, app: Running, probe: Probe) =>
    rows.push({ store: name, label, app, probe, times: [], calls: 0 })
  const before = await start(baselineDir as string, store)
  const now = await start(HERE, store)
  const budget = await start(HERE, store, { BUDGET_USD_PER_DAY: '1000' })
  const inline = await start(HERE, store)
  add('before: one call', before, one)
  add('this build: one call', now, one)
  add('this build, daily budget: one call', budget, one)
  add('this build, ledger write awaited', inline, oneThenWrite)
  add('before: 16 at once', before, sixteen)
  add('this build: 16 at once', now, sixteen)
}

// Warm-up: lazy modules, the SDKs, connection pools, the day's totals loaded.
for (const row of rows) for (let i = 0; i < 20; i++) await row.probe(row.app)
for (const row of rows) await row.app.flush?.()
const writesBefore = new Map(rows.map((r) => [r.app, r.app.ledgerWrites()]))
// Each round in a new random order, so no probe always follows the burst of another.
const shuffled = () => rows.map((r) => [Math.random(), r] as const).sort((a, b) => a[0] - b[0])
for (let i = 0; i < runs; i++) {
  for (const [, row] of shuffled()) {
    const times = await row.probe(row.app)
    row.times.push(...times)
    row.calls += times.length
  }
}

const load = (await Bun.file('/proc/loadavg').text()).split(' ').slice(0, 3).join(' ')
console.log(
  `Ledger cost per AI call against ${baselineDir}: ${runs} interleaved rounds, Bun ${Bun.version}, load ${load}`
)
console.log('| store | probe | median | p99 | median vs before |')
console.log('|---|---|---:|---:|---:|')
for (const row of rows) {
  const base = rows.find(
    (r) =>
      r.store === row.store &&
      r.label.startsWith('before') &&
      r.probe === (row.probe === sixteen ? sixteen : one)
  )
  const ratio = base ? median(row.times) / median(base.times) : Number.NaN
  console.log(
    `| ${row.store} | ${row.label} | ${fmt(median(row.times), 2)} ms | ${fmt(quantile(row.times, 0.99), 2)} ms | ${fmt(ratio, 2)}x |`
  )
}
console.log('\nLedger writes during the timed rounds (batches and day folds, background):')
const seen = new Set<Running>()
for (const row of rows) {
  if (seen.has(row.app) || row.label.startsWith('before')) continue
  seen.add(row.app)
  await row.app.flush?.()
  const calls = rows.filter((r) => r.app === row.app).reduce((n, r) => n + r.calls, 0)
  const writes = row.app.ledgerWrites() - (writesBefore.get(row.app) ?? 0)
  console.log(`- ${row.store}, ${row.label.split(':')[0]}: ${writes} writes for ${calls} calls`)
}
for (const app of new Set(rows.map((r) => r.app))) app.stop()
gcs.stop()
