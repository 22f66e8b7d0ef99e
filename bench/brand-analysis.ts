/**
 * @module bench/brand-analysis
 * Time of a full `POST /api/analyze` against the loopback fakes: the fake website (brand A:
 * home page, 3 logos, 4 images stored, 5 failing candidates including a 6 MB image that is
 * abandoned at 5 MB), the fake Gemini answering at once, and optionally the fake Custom Search
 * (10 more images) and the fake Cloud Storage JSON API. The model's own latency is not in the
 * figures: they measure what the server adds (fetching, parsing, downloads, storage).
 *
 * Run: bun bench/brand-analysis.ts [--runs=N]   (default 20 per scenario, after one warm-up)
 */
import { silentLogger } from '../server/core/logger'
import { createGcsStore } from '../server/storage/gcs-store'
import { acmeAnalysis, analyze, brandApp, startBrandFakes } from '../tests/brand/harness'
import { startFakeGcs } from '../tests/support/fake-gcs'
import { png } from '../tests/support/fake-site'
import { fmt, median, quantile } from './harness'

const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.split('=')[1] ?? 20)

const fakes = await startBrandFakes()
const gcs = await startFakeGcs()
const { site, gemini, cse } = fakes
const origin = site.origin('brand-a.test')
gemini.setHandler(() => ({ json: acmeAnalysis() }))
const searchLinks = Array.from({ length: 10 }, (_, i) => `${origin}/search-${i}.png`)
for (const [i, link] of searchLinks.entries()) {
  const bytes = png(400, 300, `search-${i}`)
  site.route(
    'brand-a.test',
    new URL(link).pathname,
    () => new Response(bytes, { headers: { 'Content-Type': 'image/png' } })
  )
}
cse.setLinks(searchLinks)

type Scenario = { name: string; app: ReturnType<typeof brandApp>['app'] }
const scenarios: Scenario[] = [
  { name: 'local store', app: brandApp(fakes).app },
  { name: 'local store + Custom Search', app: brandApp(fakes, { cse: true }).app },
  {
    name: 'Cloud Storage store (fake API)',
    app: brandApp(fakes, {
      deps: { store: createGcsStore({ bucket: 'bench', endpoint: gcs.url, log: silentLogger }) },
    }).app,
  },
]

async function once(app: Scenario['app']): Promise<number> {
  const started = performance.now()
  const res = await analyze(app, { url: `${origin}/` })
  const ms = performance.now() - started
  if (res.status !== 200) throw new Error(`analysis answered ${res.status}: ${await res.text()}`)
  await res.arrayBuffer()
  return ms
}

console.log(`brand analysis against the fakes, ${runs} runs per scenario (ms)`)
console.log('scenario                         first   median     p90')
for (const scenario of scenarios) {
  // The first call pays for lazy imports (Gemini SDK, HTML libraries, storage client).
  const first = await once(scenario.app)
  const times: number[] = []
  for (let i = 0; i < runs; i++) times.push(await once(scenario.app))
  console.log(
    `${scenario.name.padEnd(32)} ${fmt(first).padStart(6)} ${fmt(median(times)).padStart(8)} ${fmt(quantile(times, 0.9)).padStart(7)}`
  )
}

fakes.stop()
gcs.stop()
