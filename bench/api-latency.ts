/**
 * @module bench/api-latency
 * What an API route adds over the upstream it calls: `POST /api/seo/analyze-intent` (validation,
 * rate limiter, access log, the gateway and the SDK's model call) on the production build, beside
 * the same model call sent straight to the fake Gemini ("upstream alone"), which answers at once
 * from a process of its own. At 1 connection (requests one after another) and at 50 (clients back
 * to back), this checkout and a baseline build (`--baseline=DIR` with `DIR/dist/server`),
 * interleaved in rounds (all the one-connection turns first, then the fifty-connection ones, each
 * after a quiet 2.5 s). Production settings: `LOG_LEVEL=info` (one access-log line per request,
 * read from the pipe as Cloud Run would) and the rate limiter on (with a limit no run reaches).
 * Overhead = route quantile - upstream quantile. Beside the times, the CPU time the server
 * process spent per request (from /proc), which other work on the machine does not inflate.
 *
 * Each build runs with the JavaScriptCore settings of its own image (`bench/image-env`).
 *
 * Run: bun bench/api-latency.ts [--baseline=DIR] [--requests=3000] [--seconds=5] [--rounds=3]
 */
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { ensureServerBuild, REPO_ROOT } from '../scripts/build-server'
import { startFakeProcess } from './fake-process'
import { fmt, quantile, type SpawnedServer, spawnUntilReady } from './harness'
import { imageJscEnv } from './image-env'

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1]
const requests = Number(arg('requests') ?? 3000)
const seconds = Number(arg('seconds') ?? 5)
const rounds = Number(arg('rounds') ?? 3)
const baselineDir = arg('baseline')
/** Quiet time before each turn: longer than the ledger's flush interval (2 s). */
const SETTLE_MS = 2_500

const fake = await startFakeProcess()
const env = (dir: string) => ({
  // The runtime settings of that build's image (its Dockerfile), as Cloud Run runs it.
  ...imageJscEnv(dir),
  NODE_ENV: 'production',
  LOG_LEVEL: 'info',
  RATE_LIMIT_PER_MINUTE: '1000000',
  GEMINI_API_KEY: 'bench-key',
  GEMINI_BASE_URL: fake.url,
  DATA_DIR: mkdtempSync(join(tmpdir(), 'ais-latency-')),
  STATIC_DIR: join(dir, 'client', 'dist'),
})

/** Starts a build with its log read from the pipe, as a platform's log agent would. */
async function serve(dir: string): Promise<SpawnedServer> {
  const server = await spawnUntilReady({
    command: [join(dir, 'dist', 'server')],
    env: env(dir),
    captureStdout: true,
  })
  const out = server.proc.stdout
  if (out && typeof out !== 'number') void new Response(out).arrayBuffer()
  return server
}

const servers: Record<string, SpawnedServer> = {}
try {
  if (baselineDir) servers.baseline = await serve(resolve(baselineDir))
  await ensureServerBuild()
  servers['this checkout'] = await serve(REPO_ROOT)
  await measure()
} finally {
  for (const s of Object.values(servers)) await s.stop()
  await fake.stop()
}

async function measure() {
  const route = (base: string) => () =>
    fetch(`${base}/api/seo/analyze-intent`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"prompt":"audit northwind.com"}',
    })
  // The model call as the server sends it, replayed straight to the fake.
  await (await route(Object.values(servers)[0]?.url ?? '')()).text()
  const last = await fake.last()
  const upstreamBody = JSON.stringify(last.body)
  const upstream = () =>
    fetch(fake.url + last.path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'x-goog-api-key': 'bench-key' },
      body: upstreamBody,
    })

  type Send = () => Promise<Response>
  const targets: Record<string, Send> = { 'upstream alone': upstream }
  for (const [name, s] of Object.entries(servers)) targets[name] = route(s.url)

  async function timed(send: Send): Promise<number> {
    const t = performance.now()
    const res = await send()
    await res.arrayBuffer()
    if (res.status !== 200) throw new Error(`HTTP ${res.status}`)
    return performance.now() - t
  }

  /** CPU time (user + system) a process has used, in ms (Linux /proc; 100 ticks a second). */
  function cpuMs(pid: number): number {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
    return (Number(fields[11]) + Number(fields[12])) * 10
  }
  const cpu = new Map<string, { ms: number; requests: number }>()
  const pidOf = (name: string) => servers[name]?.proc.pid

  const samples = new Map<string, number[]>()
  const keep = (key: string, values: number[]) =>
    samples.set(key, [...(samples.get(key) ?? []), ...values])

  // Warm-up: lazy modules, the SDK, connection pools, the JIT.
  for (const send of Object.values(targets)) for (let i = 0; i < 300; i++) await timed(send)

  // One connection first, every target in turn, then fifty: a turn never starts while another
  // server is still working off a fifty-connection turn (its GC, its ledger's batch of thousands
  // of calls) on the same CPUs. Each turn waits out the ledger's 2 s flush before it starts.
  for (const connections of [1, 50]) {
    for (let round = 0; round < rounds; round++) {
      const order = Object.keys(targets)
      if (round % 2) order.reverse()
      for (const name of order) {
        await Bun.sleep(SETTLE_MS)
        const send = targets[name] as Send
        const pid = pidOf(name)
        const cpuBefore = pid ? cpuMs(pid) : 0
        const values: number[] = []
        if (connections === 1) {
          for (let i = 0; i < requests; i++) values.push(await timed(send))
        } else {
          const stopAt = performance.now() + seconds * 1000
          await Promise.all(
            Array.from({ length: connections }, async () => {
              while (performance.now() < stopAt) values.push(await timed(send))
            })
          )
        }
        keep(`${name}|${connections}`, values)
        if (pid) {
          const used = cpu.get(name) ?? { ms: 0, requests: 0 }
          used.ms += cpuMs(pid) - cpuBefore
          used.requests += values.length
          cpu.set(name, used)
        }
      }
    }
  }

  console.log(
    `POST /api/seo/analyze-intent over the fake Gemini, ${rounds} interleaved rounds of ${requests} requests at 1 connection and ${seconds} s at 50 (Bun ${Bun.version}, ${navigator.hardwareConcurrency} CPUs; client, servers and fake share them)\n`
  )
  console.log('| target | connections | requests | p50 | p99 | overhead p50 | overhead p99 |')
  console.log('|---|---:|---:|---:|---:|---:|---:|')
  for (const connections of [1, 50]) {
    const base = samples.get(`upstream alone|${connections}`) ?? []
    for (const name of Object.keys(targets)) {
      const values = samples.get(`${name}|${connections}`) ?? []
      const p50 = quantile(values, 0.5)
      const p99 = quantile(values, 0.99)
      const over =
        name === 'upstream alone'
          ? '| | |'
          : `| ${fmt(p50 - quantile(base, 0.5), 2)} ms | ${fmt(p99 - quantile(base, 0.99), 2)} ms |`
      console.log(
        `| ${name} | ${connections} | ${values.length} | ${fmt(p50, 2)} ms | ${fmt(p99, 2)} ms ${over}`
      )
    }
  }
  console.log('\n| server | CPU time per request (all rounds) |\n|---|---:|')
  for (const [name, used] of cpu) {
    console.log(`| ${name} | ${fmt(used.ms / used.requests, 3)} ms |`)
  }
}
