/**
 * @module bench/first-api-request
 * What a fresh instance's first API call costs: spawn -> 200 on `/health`, then the time of the
 * first `GET /api/capabilities`, and spawn -> first 200 on `/api/capabilities` without a `/health`
 * before it. Compares this checkout's `dist/server` with another build (`--against=<binary>`,
 * e.g. the previous commit's), interleaved in one run; medians and p90.
 *
 * `--ai`: the first AI request instead (`POST /api/image/summarize-prompt`, the fast role, against
 * the fake Gemini answering at once), after `/health` and a pause that lets the API load in the
 * background as it does in production: what it pays for the SDK, for reading the service's model
 * list (this checkout) and for the call; then the same request again, warm. The difference of the
 * first-request medians between the two builds is what the model list costs.
 *
 * Options: --runs=N (21)  --against=PATH (required)  --pause=MS (0; 300 with --ai: between
 *          `/health` and the API call, as a start-up probe is followed by traffic later)  --ai
 */
import { ensureServerBuild } from '../scripts/build-server'
import { startFakeGemini } from '../tests/support/fake-gemini'
import { fmt, median, quantile, spawnUntilReady } from './harness'

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1]
const runs = Number(arg('runs') ?? 21)
const against = arg('against')
const ai = process.argv.includes('--ai')
const pauseMs = Number(arg('pause') ?? (ai ? 300 : 0))
if (!against) throw new Error('--against=<server binary> is required')

const servers = [
  { name: 'this checkout', command: [await ensureServerBuild()] },
  { name: `against: ${against}`, command: [against] },
]
const env: Record<string, string> = { NODE_ENV: 'production', LOG_LEVEL: 'warn' }

const gemini = ai ? await startFakeGemini() : undefined
if (gemini) {
  gemini.setHandler(() => ({ json: { title: 'Misty valley' } }))
  Object.assign(env, { GEMINI_API_KEY: 'bench-key', GEMINI_BASE_URL: gemini.url })
}

async function timed(url: string, init?: RequestInit): Promise<number> {
  const started = performance.now()
  const response = await fetch(url, init)
  await response.arrayBuffer()
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`)
  return performance.now() - started
}

const firstCapabilities = (url: string) => timed(`${url}/api/capabilities`)
const aiRequest = (url: string) =>
  timed(`${url}/api/image/summarize-prompt`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ prompt: 'mist over a valley at dawn' }),
  })

if (ai) {
  const samples = servers.map(() => ({ first: [] as number[], warm: [] as number[] }))
  const lists = servers.map(() => 0)
  for (let run = 0; run < runs; run++) {
    for (const [i, server] of servers.entries()) {
      const listed = gemini?.listRequests.length ?? 0
      const spawned = await spawnUntilReady({ command: server.command, env })
      if (pauseMs) await Bun.sleep(pauseMs)
      samples[i]?.first.push(await aiRequest(spawned.url))
      samples[i]?.warm.push(await aiRequest(spawned.url))
      await spawned.stop()
      lists[i] = (lists[i] ?? 0) + (gemini?.listRequests.length ?? 0) - listed
    }
  }
  gemini?.stop()
  console.log(
    `\nFirst AI request (POST /api/image/summarize-prompt, fake Gemini answering at once), ${runs} runs each, interleaved, ${pauseMs} ms after /health (Bun ${Bun.version}).\n`
  )
  console.log(
    '| server | first AI request: median | p90 | second (warm): median | p90 | list reads per instance |'
  )
  console.log('|---|---:|---:|---:|---:|---:|')
  for (const [i, server] of servers.entries()) {
    const s = samples[i] as (typeof samples)[number]
    console.log(
      `| ${server.name} | ${fmt(median(s.first))} ms | ${fmt(quantile(s.first, 0.9))} ms | ${fmt(median(s.warm))} ms | ${fmt(quantile(s.warm, 0.9))} ms | ${((lists[i] ?? 0) / runs).toFixed(1)} |`
    )
  }
  const [ours, theirs] = samples.map((s) => median(s.first))
  console.log(
    `\nThe first AI request of this checkout: ${fmt((ours ?? 0) - (theirs ?? 0))} ms more (median against median), ${fmt((ours ?? 0) / (theirs ?? 1))}x.`
  )
  process.exit(0)
}

const samples = servers.map(() => ({ firstCall: [] as number[], spawnToApi: [] as number[] }))
for (let run = 0; run < runs; run++) {
  for (const [i, server] of servers.entries()) {
    const warm = await spawnUntilReady({ command: server.command, env })
    if (pauseMs) await Bun.sleep(pauseMs)
    samples[i]?.firstCall.push(await firstCapabilities(warm.url))
    await warm.stop()
    const cold = await spawnUntilReady({
      command: server.command,
      env,
      readyPath: '/api/capabilities',
    })
    samples[i]?.spawnToApi.push(cold.readyMs)
    await cold.stop()
  }
}

console.log(
  `\nFirst API request, ${runs} runs each, interleaved, ${pauseMs} ms after /health (Bun ${Bun.version}).\n`
)
console.log(
  '| server | first /api/capabilities after /health: median | p90 | spawn -> first 200 on /api/capabilities: median | p90 |'
)
console.log('|---|---:|---:|---:|---:|')
for (const [i, server] of servers.entries()) {
  const s = samples[i] as (typeof samples)[number]
  console.log(
    `| ${server.name} | ${fmt(median(s.firstCall))} ms | ${fmt(quantile(s.firstCall, 0.9))} ms | ${fmt(median(s.spawnToApi))} ms | ${fmt(quantile(s.spawnToApi, 0.9))} ms |`
  )
}
