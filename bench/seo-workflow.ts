/**
 * Time of a full SEO workflow run (all sixteen /api/seo endpoints, in the order the UI calls
 * them) over HTTP against the real server code, with the fake Gemini answering at once. What it
 * measures is our own cost per workflow: validation, prompts, knowledge retrieval, schema checks,
 * image storage, SDK overhead. It runs two configurations side by side, interleaved: grounded
 * JSON in one call (Gemini 3: Google Search and the schema together) and in two calls (research,
 * then structure: what families that refuse Search with JSON need). `--latency=ms` makes every
 * model call take that long, as a real one would.
 * Run: `bun bench/seo-workflow.ts [--runs=20] [--latency=0]`.
 */

import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createAiGateway } from '../server/ai/gateway'
import { createApp } from '../server/app'
import { loadConfig } from '../server/config'
import { createLogger } from '../server/core/logger'
import { createDeps } from '../server/deps'
import { brief as fixtureBrief, profile, solution } from '../tests/seo/fixtures'
import { workflowModel } from '../tests/seo/workflow-model'
import { startFakeGemini } from '../tests/support/fake-gemini'

const arg = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback)
const runs = arg('runs', 20)
const latencyMs = arg('latency', 0)
const site = 'https://www.northwind-coffee.example'

const gemini = await startFakeGemini()
const model = workflowModel(site)
gemini.setHandler((r) => ({ ...model(r), ...(latencyMs ? { delayMs: latencyMs } : {}) }))

/** A server whose text model is `textModel` (its family decides one or two grounded calls). */
function serve(textModel: string) {
  const config = loadConfig({
    GEMINI_API_KEY: 'bench-key',
    GEMINI_BASE_URL: gemini.url,
    GEMINI_MODEL_TEXT: textModel,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'ais-bench-')),
    RATE_LIMIT_PER_MINUTE: '0',
    LOG_LEVEL: 'error',
  })
  const log = createLogger({ level: 'error' })
  const app = createApp(createDeps(config, { log, ai: createAiGateway({ ai: config.ai, log }) }))
  const server = Bun.serve({ port: 0, hostname: '127.0.0.1', fetch: app.fetch })
  return { server, base: `http://127.0.0.1:${server.port}/api/seo` }
}

const variants = {
  'one call (gemini-3.8-flash)': serve('gemini-3.8-flash'),
  'two calls (gemini-2.5-flash-lite)': serve('gemini-2.5-flash-lite'),
}
let base = ''

async function step<T = any>(path: string, body: unknown): Promise<T> {
  const res = await fetch(`${base}/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`)
  return res.json() as Promise<T>
}

/** One workflow, step by step as the client chains them; returns ms per step. */
async function workflow(): Promise<Record<string, number>> {
  const times: Record<string, number> = {}
  const timed = async <T>(name: string, body: unknown): Promise<T> => {
    const t = performance.now()
    const out = await step<T>(name, body)
    times[name] = performance.now() - t
    return out
  }
  await timed('analyze-intent', { prompt: `SEO audit for ${site}` })
  const report = await timed<any>('diagnosis', { url: site, profile })
  const { competitors } = await timed<any>('competitors', { url: site, profile })
  const analysis = await timed<any>('competitor-analysis', {
    competitors,
    seoReport: report,
    profile,
  })
  const { solutions } = await timed<any>('solution-board', {
    url: site,
    profile,
    competitors: analysis.competitors,
    analysisReport: analysis,
    seoReport: report,
  })
  const brief = await timed<any>('content-brief', {
    solution: solutions[0] ?? solution,
    url: site,
    profile,
    seoReport: report,
  })
  await timed('new-content-idea', { profile, previousBrief: fixtureBrief })
  const research = await timed<any>('web-research', { brief: fixtureBrief })
  const { outline } = await timed<any>('generate-outline', {
    researchSummary: research.summary,
    brief: fixtureBrief,
    profile,
  })
  const written = await timed<any>('write-article', { outline, brief: fixtureBrief, profile })
  const polished = await timed<any>('polish-article', {
    article: written.article,
    brief: fixtureBrief,
    profile,
  })
  const illustrated = await timed<any>('generate-images', {
    article: polished.article,
    brief: fixtureBrief,
  })
  const qa = await timed<any>('preflight-check', {
    article: illustrated.article,
    brief: fixtureBrief,
    profile,
  })
  const issues = qa.issues.length ? qa.issues : [{ type: 'SEO', description: 'Tighten the intro.' }]
  const fixed = await timed<any>('auto-fix', {
    article: illustrated.article,
    issues,
    brief: fixtureBrief,
    profile,
  })
  await timed('generate-metadata', { article: fixed.article, brief: fixtureBrief })
  await timed('agent-action', { userText: 'Go back to the competitors', currentStep: 6 })
  void brief
  return times
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)] ?? 0
}

const p90 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)] ?? 0
const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0)

interface Result {
  first: number
  totals: number[]
  calls: number
  perStep: Record<string, number[]>
}
const results: Record<string, Result> = {}
for (const [name, v] of Object.entries(variants)) {
  base = v.base
  const before = gemini.requests.length
  results[name] = {
    first: sum(await workflow()),
    totals: [],
    calls: gemini.requests.length - before,
    perStep: {},
  }
}
// Interleaved, so both variants see the same machine noise.
for (let i = 0; i < runs; i++) {
  for (const [name, v] of Object.entries(variants)) {
    base = v.base
    const result = results[name] as Result
    const t = performance.now()
    const times = await workflow()
    result.totals.push(performance.now() - t)
    for (const [k, ms] of Object.entries(times)) {
      result.perStep[k] ??= []
      result.perStep[k].push(ms)
    }
  }
}
console.log(
  `SEO workflow, 16 endpoints over HTTP, fake Gemini answering after ${latencyMs} ms (${runs} interleaved runs each)`
)
for (const [name, r] of Object.entries(results)) {
  console.log(
    `${name.padEnd(36)} median ${median(r.totals).toFixed(1)} ms  p90 ${p90(r.totals).toFixed(1)} ms  model calls ${r.calls}  first run ${r.first.toFixed(0)} ms`
  )
}
const [one, two] = Object.values(results) as [Result, Result]
console.log(
  `one call / two calls, median: ${(median(one.totals) / median(two.totals)).toFixed(2)}x`
)
for (const k of Object.keys(one.perStep)) {
  console.log(
    `  ${k.padEnd(20)} ${median(one.perStep[k] ?? []).toFixed(2)} ms   ${median(two.perStep[k] ?? []).toFixed(2)} ms`
  )
}
for (const v of Object.values(variants)) v.server.stop(true)
gemini.stop()
