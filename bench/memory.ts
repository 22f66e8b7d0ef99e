/**
 * @module bench/memory
 * Memory of the production build under AI load: 50 connections on `POST /api/seo/analyze-intent`
 * (the fake Gemini answering at once, in a process of its own) for `--seconds` per round, four
 * rounds, this checkout and a baseline build (`--baseline=DIR` with `DIR/dist/server`) taking
 * turns; the peak RSS during each round (sampled every 100 ms), the RSS after it, and the RSS
 * after `--idle` seconds with no requests. Load from wrk when installed (apt-get install wrk),
 * else from Bun clients in this process.
 *
 * Run: bun bench/memory.ts [--baseline=DIR] [--seconds=12] [--rounds=4] [--idle=60]
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { ensureServerBuild, REPO_ROOT } from '../scripts/build-server'
import { startFakeProcess } from './fake-process'
import { fmt, rssMb, type SpawnedServer, spawnUntilReady } from './harness'
import { imageJscEnv } from './image-env'

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1]
const seconds = Number(arg('seconds') ?? 12)
const rounds = Number(arg('rounds') ?? 4)
const idle = Number(arg('idle') ?? 60)
const baselineDir = arg('baseline')
const work = mkdtempSync(join(tmpdir(), 'ais-memory-'))
const wrk = Bun.which('wrk')

const fake = await startFakeProcess()
const servers: Record<string, SpawnedServer> = {}
const body = '{"prompt":"audit northwind.com"}'

async function serve(dir: string): Promise<SpawnedServer> {
  return spawnUntilReady({
    command: [join(dir, 'dist', 'server')],
    env: {
      ...imageJscEnv(dir),
      NODE_ENV: 'production',
      // Warnings only: the access log's pipe is not what this measures.
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '0',
      GEMINI_API_KEY: 'bench-key',
      GEMINI_BASE_URL: fake.url,
      DATA_DIR: mkdtempSync(join(work, 'data-')),
      STATIC_DIR: join(dir, 'client', 'dist'),
    },
  })
}

/** 50 connections for `seconds`; resolves with the requests answered. */
async function load(url: string): Promise<number> {
  if (wrk) {
    const script = join(work, 'post.lua')
    writeFileSync(
      script,
      `wrk.method = "POST"\nwrk.body = '${body}'\nwrk.headers["Content-Type"] = "application/json"\n`
    )
    const proc = Bun.spawn([wrk, '-t2', '-c50', `-d${seconds}s`, '-s', script, url], {
      stdout: 'pipe',
    })
    const out = await new Response(proc.stdout).text()
    await proc.exited
    return Number(out.match(/(\d+) requests in/)?.[1] ?? 0)
  }
  let answered = 0
  const stopAt = Date.now() + seconds * 1000
  await Promise.all(
    Array.from({ length: 50 }, async () => {
      while (Date.now() < stopAt) {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body,
        })
        await res.arrayBuffer()
        answered++
      }
    })
  )
  return answered
}

const rows: string[] = []
try {
  if (baselineDir) servers.baseline = await serve(resolve(baselineDir))
  await ensureServerBuild()
  servers['this checkout'] = await serve(REPO_ROOT)
  const start = Object.fromEntries(Object.entries(servers).map(([n, s]) => [n, rssMb(s.proc.pid)]))
  for (let round = 1; round <= rounds; round++) {
    for (const [name, server] of Object.entries(servers)) {
      let peak = 0
      const sampler = setInterval(() => {
        peak = Math.max(peak, rssMb(server.proc.pid))
      }, 100)
      const answered = await load(`${server.url}/api/seo/analyze-intent`)
      clearInterval(sampler)
      rows.push(
        `| ${name} | round ${round} | ${answered} | ${fmt(peak, 0)} MB | ${fmt(rssMb(server.proc.pid), 0)} MB |`
      )
    }
  }
  await Bun.sleep(idle * 1000)
  console.log(
    `50 connections on POST /api/seo/analyze-intent, ${seconds} s a round, builds taking turns (${wrk ? 'wrk -t2 -c50' : 'Bun clients'}; Bun ${Bun.version}, ${navigator.hardwareConcurrency} CPUs)\n`
  )
  console.log('| build | when | requests | peak RSS | RSS after |')
  console.log('|---|---|---:|---:|---:|')
  for (const name of Object.keys(servers)) {
    console.log(`| ${name} | at start | | | ${fmt(start[name] ?? Number.NaN, 0)} MB |`)
  }
  for (const row of rows) console.log(row)
  for (const [name, server] of Object.entries(servers)) {
    console.log(`| ${name} | after ${idle} s idle | | | ${fmt(rssMb(server.proc.pid), 0)} MB |`)
  }
} finally {
  for (const s of Object.values(servers)) await s.stop()
  await fake.stop()
}
