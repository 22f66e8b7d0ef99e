/**
 * @module bench/static-throughput
 * Steady-state throughput with wrk (apt-get install wrk): the production server against the bare
 * `Bun.serve` baseline on a hashed asset and an SPA deep link, also as an English browser asking
 * for brotli (the shell chosen by Accept-Language) (budget: app >= 0.8x baseline), and
 * the latency of API routes at 50 connections (budget: p99 under 2 ms): `/api/capabilities` (the
 * middleware chain alone) and `POST /api/seo/analyze-intent` with the fake Gemini answering at once.
 *
 * Usage: bun run bench/static-throughput.ts [--seconds=5] [--connections=50] [--rounds=5]
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ensureServerBuild, REPO_ROOT } from '../scripts/build-server'
import { startFakeGemini } from '../tests/support/fake-gemini'
import { clientDistFor, fmt, largestAsset, type SpawnedServer, spawnUntilReady } from './harness'

const option = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback)
const seconds = option('seconds', 5)
const connections = option('connections', 50)
const rounds = option('rounds', 5)
const work = mkdtempSync(join(tmpdir(), 'ais-wrk-'))

interface WrkResult {
  rps: number
  p50: number
  p99: number
  errors: string
}

/** Runs wrk (2 threads) and reads requests/s and latency percentiles (ms) from its report. */
async function wrk(url: string, headers: string[] = [], script?: string): Promise<WrkResult> {
  const args = ['wrk', '-t2', `-c${connections}`, `-d${seconds}s`, '--latency']
  for (const h of headers) args.push('-H', h)
  if (script) args.push('-s', script)
  const proc = Bun.spawn([...args, url], { stdout: 'pipe', stderr: 'pipe' })
  const out = await new Response(proc.stdout).text()
  if ((await proc.exited) !== 0)
    throw new Error(`wrk failed: ${await new Response(proc.stderr).text()}`)
  const ms = (line: string | undefined) => {
    const [, value, unit] = line?.match(/([\d.]+)(us|ms|s)\b/) ?? []
    return Number(value) * (unit === 'us' ? 0.001 : unit === 's' ? 1000 : 1)
  }
  return {
    rps: Number(out.match(/Requests\/sec:\s+([\d.]+)/)?.[1]),
    p50: ms(out.match(/^\s+50%\s+\S+/m)?.[0]),
    p99: ms(out.match(/^\s+99%\s+\S+/m)?.[0]),
    errors: [out.match(/Non-2xx or 3xx responses: \d+/)?.[0], out.match(/Socket errors:.*/)?.[0]]
      .filter(Boolean)
      .join('; '),
  }
}

async function main() {
  const binary = await ensureServerBuild()
  const dist = clientDistFor(REPO_ROOT)
  if (dist.note) console.log(dist.note)
  const gemini = await startFakeGemini()
  gemini.setHandler(() => ({
    functionCall: { name: 'route_user_request', args: { intent: 'SEO', query: 'audit my site' } },
  }))
  const env = {
    NODE_ENV: 'production',
    STATIC_DIR: dist.dir,
    DATA_DIR: join(work, 'data'),
    RATE_LIMIT_PER_MINUTE: '0',
    // Warnings and errors only: an access-log line per request would measure the log pipe.
    LOG_LEVEL: 'warn',
    GEMINI_API_KEY: 'bench-key',
    GEMINI_BASE_URL: gemini.url,
  }
  const servers: Record<string, SpawnedServer> = {
    app: await spawnUntilReady({ command: [binary], env }),
    baseline: await spawnUntilReady({
      command: [process.execPath, join(REPO_ROOT, 'bench', 'baseline-server.ts')],
      env,
    }),
  }
  const rows: string[] = []
  try {
    const targets = [
      { name: 'hashed asset', path: largestAsset(dist.dir) ?? '/index.html', headers: [] },
      { name: 'SPA deep link', path: '/seo/brief?step=2', headers: ['Accept: text/html'] },
      // The shell chosen by Accept-Language (index.en.html), precompressed as a browser takes it.
      {
        name: 'SPA deep link, English browser, br',
        path: '/seo/brief?step=2',
        headers: [
          'Accept: text/html',
          'Accept-Language: en-US,en;q=0.9',
          'Accept-Encoding: gzip, deflate, br',
        ],
      },
    ]
    rows.push('| request | app req/s | baseline req/s | ratio | app p99 | baseline p99 |')
    rows.push('|---|---:|---:|---:|---:|---:|')
    for (const t of targets) {
      // Alternate app and baseline for several rounds (neither always runs second) and take the
      // median: wrk, the servers and the VM share two CPUs, single runs swing by ±30 %.
      const results: Record<string, WrkResult[]> = { app: [], baseline: [] }
      for (let round = 0; round < rounds; round++) {
        const order = round % 2 === 0 ? ['app', 'baseline'] : ['baseline', 'app']
        for (const name of order)
          results[name]!.push(await wrk(servers[name]!.url + t.path, t.headers))
      }
      const mid = (name: string) => {
        const sorted = [...results[name]!].sort((a, b) => a.rps - b.rps)
        return sorted[Math.floor(sorted.length / 2)]!
      }
      const app = mid('app')
      const base = mid('baseline')
      rows.push(
        `| ${t.name} \`${t.path}\` | ${fmt(app.rps, 0)} | ${fmt(base.rps, 0)} | ${fmt(app.rps / base.rps, 2)}x | ${fmt(app.p99, 2)} ms | ${fmt(base.p99, 2)} ms |`
      )
      for (const r of [app, base]) if (r.errors) console.log(`${t.name}: ${r.errors}`)
    }
    const post = join(work, 'post.lua')
    writeFileSync(
      post,
      `wrk.method = "POST"\nwrk.body = '{"prompt":"audit northwind.com"}'\nwrk.headers["Content-Type"] = "application/json"\n`
    )
    rows.push('', '| route | req/s | p50 | p99 |', '|---|---:|---:|---:|')
    const api = [
      // The floor: what 50 connections cost on this machine with no app at all.
      { name: 'baseline GET /health', server: 'baseline', path: '/health', script: undefined },
      { name: 'app GET /health', server: 'app', path: '/health', script: undefined },
      {
        name: 'app GET /api/capabilities',
        server: 'app',
        path: '/api/capabilities',
        script: undefined,
      },
      {
        name: 'app POST /api/seo/analyze-intent (fake Gemini)',
        server: 'app',
        path: '/api/seo/analyze-intent',
        script: post,
      },
    ]
    for (const a of api) {
      const r = await wrk(servers[a.server]!.url + a.path, [], a.script)
      rows.push(`| ${a.name} | ${fmt(r.rps, 0)} | ${fmt(r.p50, 2)} ms | ${fmt(r.p99, 2)} ms |`)
      if (r.errors) console.log(`${a.name}: ${r.errors}`)
    }
  } finally {
    for (const s of Object.values(servers)) await s.stop()
    gemini.stop()
  }
  console.log(
    `\nwrk -t2 -c${connections} -d${seconds}s, Bun ${Bun.version}, ${navigator.hardwareConcurrency} CPUs (wrk, server and fake share them)\n`
  )
  console.log(rows.join('\n'))
}

await main()
