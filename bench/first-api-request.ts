/**
 * @module bench/first-api-request
 * What a fresh instance's first API call costs: spawn -> 200 on `/health`, then the time of the
 * first `GET /api/capabilities`, and spawn -> first 200 on `/api/capabilities` without a `/health`
 * before it. Compares this checkout's `dist/server` with another build (`--against=<binary>`,
 * e.g. the previous commit's), interleaved in one run; medians and p90.
 *
 * Options: --runs=N (21)  --against=PATH (required)  --pause=MS (0: between `/health` and the
 *          API call, as a start-up probe is followed by traffic some time later)
 */
import { ensureServerBuild } from '../scripts/build-server'
import { fmt, median, quantile, spawnUntilReady } from './harness'

const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.split('=')[1] ?? 21)
const against = process.argv.find((a) => a.startsWith('--against='))?.split('=')[1]
const pauseMs = Number(process.argv.find((a) => a.startsWith('--pause='))?.split('=')[1] ?? 0)
if (!against) throw new Error('--against=<server binary> is required')

const servers = [
  { name: 'this checkout', command: [await ensureServerBuild()] },
  { name: `against: ${against}`, command: [against] },
]
const env = { NODE_ENV: 'production', LOG_LEVEL: 'warn' }
const samples = servers.map(() => ({ firstCall: [] as number[], spawnToApi: [] as number[] }))

async function timeFirstCall(url: string): Promise<number> {
  const started = performance.now()
  const response = await fetch(`${url}/api/capabilities`)
  await response.arrayBuffer()
  if (response.status !== 200) throw new Error(`/api/capabilities answered ${response.status}`)
  return performance.now() - started
}

for (let run = 0; run < runs; run++) {
  for (const [i, server] of servers.entries()) {
    const warm = await spawnUntilReady({ command: server.command, env })
    if (pauseMs) await Bun.sleep(pauseMs)
    samples[i]?.firstCall.push(await timeFirstCall(warm.url))
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
