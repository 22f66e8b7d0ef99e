/**
 * @module bench/brand-analysis
 * Time of a full `POST /api/analyze` against the loopback fakes, single page against six pages
 * in one run (interleaved, so both see the same machine):
 * - single page: brand A of the fake website, the fixture the analysis was first measured on
 *   (home page, 3 logos, 4 images stored, 5 failing candidates including a 6 MB image that is
 *   abandoned at 5 MB; its navigation links and guessed pages answer 404);
 * - six pages: the brand-kit site (tests/support/fake-kit-site.ts): home page, robots.txt, a
 *   sitemap index and its sitemap, five further pages, a stylesheet, the logos (one PNG decoded
 *   for its colours) and the kit built from all of it.
 * The fake Gemini answers at once, so the figures are what the server adds (fetching, parsing,
 * downloads, storage, the kit), not the model's latency. Budget: six pages within 1.5x of one.
 *
 * `--baseline=DIR` adds the single-page run of another checkout in the same run (e.g. the
 * commit before the brand kit, unpacked with `git archive <rev> | tar -x -C DIR` and a
 * `node_modules` symlink), for "before" against "after".
 *
 * Run: bun bench/brand-analysis.ts [--runs=N] [--baseline=DIR]   (default 30 runs, after a warm-up)
 */
import {
  acmeAnalysis,
  analyze,
  brandApp,
  fjordAnalysis,
  KIT_HOST,
  startBrandFakes,
} from '../tests/brand/harness'
import { fmt, median, quantile } from './harness'

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1]
const runs = Number(arg('runs') ?? 30)
const baselineDir = arg('baseline')

type App = ReturnType<typeof brandApp>['app']
interface Scenario {
  name: string
  run: () => Promise<number>
  times: number[]
}

async function timed(app: App, url: string): Promise<number> {
  const started = performance.now()
  const res = await analyze(app, { url })
  const ms = performance.now() - started
  if (res.status !== 200) throw new Error(`analysis answered ${res.status}: ${await res.text()}`)
  await res.arrayBuffer()
  return ms
}

const fakes = await startBrandFakes()
const answers = { [KIT_HOST]: fjordAnalysis() }
fakes.gemini.setHandler((request) => ({
  json: request.promptText.includes(KIT_HOST) ? answers[KIT_HOST] : acmeAnalysis(),
}))
const app = brandApp(fakes).app
const scenarios: Scenario[] = [
  {
    name: 'single page (brand A)',
    run: () => timed(app, `${fakes.site.origin('brand-a.test')}/`),
    times: [],
  },
  {
    name: 'six pages (brand-kit site)',
    run: () => timed(app, `${fakes.site.origin(KIT_HOST)}/`),
    times: [],
  },
]

let stopBaseline = () => {}
if (baselineDir) {
  const before = (await import(
    `${baselineDir}/tests/brand/harness.ts`
  )) as typeof import('../tests/brand/harness')
  const old = await before.startBrandFakes()
  old.gemini.setHandler(() => ({ json: before.acmeAnalysis() }))
  const oldApp = before.brandApp(old).app
  stopBaseline = () => old.stop()
  scenarios.unshift({
    name: 'before: single page (brand A)',
    run: () => timed(oldApp as App, `${old.site.origin('brand-a.test')}/`),
    times: [],
  })
}

// The first call of each pays for lazy imports (Gemini SDK, HTML and CSS libraries, jimp).
const first: number[] = []
for (const s of scenarios) first.push(await s.run())
for (let i = 0; i < runs; i++) {
  // Alternate the order so neither scenario always runs on a warmer or colder machine.
  const order = i % 2 === 0 ? scenarios : [...scenarios].reverse()
  for (const s of order) s.times.push(await s.run())
}

console.log(`brand analysis against the fakes, ${runs} interleaved runs per scenario (ms)`)
console.log('scenario                          first   median     p90')
scenarios.forEach((s, i) => {
  console.log(
    `${s.name.padEnd(32)} ${fmt(first[i] ?? Number.NaN).padStart(6)} ${fmt(median(s.times)).padStart(8)} ${fmt(quantile(s.times, 0.9)).padStart(7)}`
  )
})
const single = scenarios.find((s) => s.name === 'single page (brand A)')
const six = scenarios.find((s) => s.name === 'six pages (brand-kit site)')
if (single && six) {
  const ratio = median(six.times) / median(single.times)
  console.log(`six pages / single page (medians): ${fmt(ratio, 2)}x  (budget 1.5x)`)
}
const before = scenarios.find((s) => s.name.startsWith('before'))
if (before && six) {
  console.log(
    `six pages / before single page (medians): ${fmt(median(six.times) / median(before.times), 2)}x`
  )
}

fakes.stop()
stopBaseline()
