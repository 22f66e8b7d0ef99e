/**
 * Time of a full SEO workflow run (all sixteen /api/seo endpoints, in the order the UI calls
 * them) over HTTP against the real server code, with the fake Gemini answering at once. What it
 * measures is our own cost per workflow: validation, prompts, knowledge retrieval, schema checks,
 * image storage, SDK overhead. Run: `bun bench/seo-workflow.ts [--runs=20]`.
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

const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.split('=')[1] ?? 20)
const site = 'https://www.northwind-coffee.example'

const gemini = await startFakeGemini()
gemini.setHandler(workflowModel(site))

const config = loadConfig({
  GEMINI_API_KEY: 'bench-key',
  GEMINI_BASE_URL: gemini.url,
  DATA_DIR: mkdtempSync(join(tmpdir(), 'ais-bench-')),
  RATE_LIMIT_PER_MINUTE: '0',
  LOG_LEVEL: 'error',
})
const log = createLogger({ level: 'error' })
const app = createApp(createDeps(config, { log, ai: createAiGateway({ ai: config.ai, log }) }))
const server = Bun.serve({ port: 0, hostname: '127.0.0.1', fetch: app.fetch })
const base = `http://127.0.0.1:${server.port}/api/seo`

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

const first = await workflow()
const totals: number[] = []
const perStep: Record<string, number[]> = {}
for (let i = 0; i < runs; i++) {
  const t = performance.now()
  const times = await workflow()
  totals.push(performance.now() - t)
  for (const [k, ms] of Object.entries(times)) {
    perStep[k] ??= []
    perStep[k].push(ms)
  }
}
const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0)
console.log(`SEO workflow, 16 endpoints over HTTP, fake Gemini answering at once (${runs} runs)`)
console.log(`first run (lazy SDK + knowledge index load): ${sum(first).toFixed(0)} ms`)
console.log(
  `median full run: ${median(totals).toFixed(1)} ms   p90: ${[...totals].sort((a, b) => a - b)[Math.floor(totals.length * 0.9)]?.toFixed(1)} ms`
)
console.log(`model calls per run: ${gemini.requests.length / (runs + 1)}`)
for (const [k, xs] of Object.entries(perStep))
  console.log(`  ${k.padEnd(20)} ${median(xs).toFixed(2)} ms`)
server.stop(true)
gemini.stop()
