/**
 * @module bench/storms
 * The storm table: each Gemini fault of `tests/support/fake-gemini/faults.ts` for `--seconds`
 * under 50 clients sending back to back, against this checkout and a baseline (`--baseline=DIR`,
 * e.g. a `git archive` of main with its `node_modules`), each app in this process behind its own
 * `Bun.serve` with its own fake (this checkout's, which has the fault knobs), with production
 * budgets and retries. Per fault: the answers by status, the upstream calls the fake saw (and per
 * request), and the time from the end of the fault to the first 200.
 *
 * Run: bun bench/storms.ts --baseline=/tmp/before [--seconds=10] [--connections=50]
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { type Fault, startFakeGemini } from '../tests/support/fake-gemini'
import { describeStorm, runStorm, type StormRequest } from '../tests/support/storm'

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1]
const seconds = Number(arg('seconds') ?? 10)
const connections = Number(arg('connections') ?? 50)
const baselineDir = arg('baseline')

const brief = {
  mainKeyword: 'Espresso zu Hause',
  targetLanguage: 'German',
  targetRegion: 'Germany',
}
const profile = { globalInfo: { brand_name: 'Northwind' }, projects: [] }
const intent: StormRequest = {
  label: 'analyze-intent',
  path: '/api/seo/analyze-intent',
  body: { prompt: 'audit northwind.com' },
}
const outline: StormRequest = {
  label: 'generate-outline',
  path: '/api/seo/generate-outline',
  body: { researchSummary: 'notes', brief, profile },
}
const article: StormRequest = {
  label: 'write-article (SSE)',
  path: '/api/seo/write-article',
  body: { outline: ['## A'], brief, profile },
  stream: true,
}
const storms: { name: string; fault: Fault; request: StormRequest }[] = [
  {
    name: `429 + Retry-After: ${seconds}`,
    fault: { kind: 'rateLimited', retryAfter: seconds },
    request: intent,
  },
  { name: '503 burst', fault: { kind: 'unavailable' }, request: outline },
  { name: 'hang past the deadline', fault: { kind: 'hang' }, request: intent },
  { name: 'stream cut mid-answer', fault: { kind: 'cutStream', frames: 2 }, request: article },
  { name: 'malformed JSON in a 200', fault: { kind: 'malformed' }, request: intent },
]

async function start(dir: string) {
  const load = (path: string) => import(resolve(dir, path))
  const [{ createApp }, { createDeps }, { loadConfig }, { createLogger }] = await Promise.all([
    load('server/app.ts'),
    load('server/deps.ts'),
    load('server/config.ts'),
    load('server/core/logger.ts'),
  ])
  const gemini = await startFakeGemini()
  gemini.setHandler((r) => {
    if (r.action === 'streamGenerateContent') return { chunks: ['# Espresso\n\n', 'Fein mahlen.'] }
    if (r.body?.tools?.[0]?.functionDeclarations) {
      return { functionCall: { name: 'route_user_request', args: { intent: 'SEO', query: 'x' } } }
    }
    return { json: { outline: ['## Ausrüstung', '## Mahlgrad', '## Extraktion'] } }
  })
  const config = loadConfig({
    GEMINI_API_KEY: 'bench-key',
    GEMINI_BASE_URL: gemini.url,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'ais-storms-')),
    RATE_LIMIT_PER_MINUTE: '0',
    LOG_LEVEL: 'error',
  })
  const app = createApp(
    createDeps(config, { log: createLogger({ level: 'error', write: () => {} }) })
  )
  const server = Bun.serve({ port: 0, hostname: '127.0.0.1', fetch: app.fetch, idleTimeout: 0 })
  return { base: `http://127.0.0.1:${server.port}`, gemini, server }
}

let unhandled = 0
process.on('unhandledRejection', () => unhandled++)
const apps = {
  ...(baselineDir ? { baseline: await start(baselineDir) } : {}),
  'this checkout': await start(resolve(import.meta.dir, '..')),
}
console.log(
  `Storms of ${seconds} s, ${connections} clients back to back, production budgets and retries (Bun ${Bun.version}, ${navigator.hardwareConcurrency} CPUs)\n`
)
console.log('| build | fault (request) | requests | answers | upstream calls | recovery |')
console.log('|---|---|---:|---|---:|---:|')
for (const storm of storms) {
  for (const [name, app] of Object.entries(apps)) {
    const result = await runStorm({
      base: app.base,
      gemini: app.gemini,
      fault: storm.fault,
      request: storm.request,
      connections,
      faultMs: seconds * 1000,
      recoverWithinMs: 70_000,
    })
    console.log(describeStorm(`${name} | ${storm.name} (${storm.request.label})`, result))
    if (result.badEnvelopes) console.log(`  ${result.badEnvelopes} answers outside the envelope`)
    if (result.missingRetryAfter)
      console.log(`  ${result.missingRetryAfter} 429s without Retry-After`)
  }
}
console.log(`\nunhandled rejections: ${unhandled}`)
for (const app of Object.values(apps)) {
  app.server.stop(true)
  app.gemini.stop()
}
