/**
 * @module bench/versus
 * This checkout against another one (`--baseline=DIR`, e.g. a `git archive` of an older commit),
 * in one run, interleaved: the per-request cost of a JSON step route, of an SSE step route and of
 * `/health`, each app in-process behind its own Bun.serve with its own fake Gemini answering at
 * once. A refactor that claims "no behaviour change" should show ratios within noise here.
 * The fake runs in this process, so its own work counts; `--fake=baseline` gives both apps the
 * baseline's fake (which accepts any model and answers the same way), leaving only the servers'
 * difference.
 * Run: `bun bench/versus.ts --baseline=/tmp/before [--runs=300] [--fake=baseline]`.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { median } from './harness'

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1]
const runs = Number(arg('runs') ?? 300)
const baselineDir = arg('baseline')
if (!baselineDir) {
  console.error('usage: bun bench/versus.ts --baseline=DIR [--runs=N]')
  process.exit(2)
}

const brief = {
  mainKeyword: 'Espresso zu Hause',
  targetLanguage: 'German',
  targetRegion: 'Germany',
}
const profile = { globalInfo: { brand_name: 'Northwind' }, projects: [] }

/** Starts one checkout's app with a fake Gemini from `fakeDir`; answers outlines and streams. */
async function start(dir: string, fakeDir = dir) {
  const load = (path: string) => import(resolve(dir, path))
  const [
    { createApp },
    { createDeps },
    { loadConfig },
    { createLogger },
    { createAiGateway },
    fake,
  ] = await Promise.all([
    load('server/app.ts'),
    load('server/deps.ts'),
    load('server/config.ts'),
    load('server/core/logger.ts'),
    load('server/ai/gateway.ts'),
    import(resolve(fakeDir, 'tests/support/fake-gemini')),
  ])
  const gemini = await fake.startFakeGemini()
  gemini.setHandler((r: { action?: string }) =>
    r.action === 'streamGenerateContent'
      ? { chunks: ['# Espresso\n\n', 'Mahlgrad fein.', ' Wasser 93 °C.'] }
      : { json: { outline: ['## Ausrüstung', '## Mahlgrad', '## Extraktion'] } }
  )
  const config = loadConfig({
    GEMINI_API_KEY: 'bench-key',
    GEMINI_BASE_URL: gemini.url,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'ais-versus-')),
    RATE_LIMIT_PER_MINUTE: '0',
    LOG_LEVEL: 'error',
  })
  const log = createLogger({ level: 'error' })
  const app = createApp(createDeps(config, { log, ai: createAiGateway({ ai: config.ai, log }) }))
  const server = Bun.serve({ port: 0, hostname: '127.0.0.1', fetch: app.fetch, idleTimeout: 0 })
  const base = `http://127.0.0.1:${server.port}`
  return {
    base,
    stop: () => {
      server.stop(true)
      gemini.stop()
    },
  }
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })

const probes = {
  '/health': (base: string) => fetch(`${base}/health`),
  'JSON step (generate-outline)': (base: string) =>
    post(`${base}/api/seo/generate-outline`, { researchSummary: 'notes', brief, profile }),
  'SSE step (write-article, to done)': (base: string) =>
    post(
      `${base}/api/seo/write-article`,
      { outline: ['## A'], brief, profile },
      { Accept: 'text/event-stream' }
    ),
}

const apps = {
  baseline: await start(baselineDir),
  'this checkout': await start(
    resolve(import.meta.dir, '..'),
    arg('fake') === 'baseline' ? baselineDir : undefined
  ),
}
const samples: Record<string, Record<string, number[]>> = {}
for (const [probe, run] of Object.entries(probes)) {
  samples[probe] = {}
  for (const [name, app] of Object.entries(apps)) {
    // Warm-up: lazy modules, the SDK, connection pools.
    for (let i = 0; i < 20; i++) {
      const res = await run(app.base)
      if (!res.ok) throw new Error(`${name} ${probe}: HTTP ${res.status} ${await res.text()}`)
      await res.text()
    }
    samples[probe][name] = []
  }
  for (let i = 0; i < runs; i++) {
    for (const [name, app] of Object.entries(apps)) {
      const t = performance.now()
      const res = await run(app.base)
      await res.text()
      samples[probe][name]?.push(performance.now() - t)
    }
  }
}
const p99 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.99)] ?? 0
console.log(
  `This checkout against ${baselineDir}, ${runs} interleaved requests each` +
    (arg('fake') === 'baseline' ? ", both against the baseline's fake" : ', each with its own fake')
)
console.log('| probe | baseline median / p99 | this median / p99 | ratio (medians) |')
console.log('|---|---:|---:|---:|')
for (const [probe, byApp] of Object.entries(samples)) {
  const a = byApp.baseline ?? []
  const b = byApp['this checkout'] ?? []
  console.log(
    `| ${probe} | ${median(a).toFixed(2)} / ${p99(a).toFixed(2)} ms | ${median(b).toFixed(2)} / ${p99(b).toFixed(2)} ms | ${(median(b) / median(a)).toFixed(2)}x |`
  )
}
for (const app of Object.values(apps)) app.stop()
