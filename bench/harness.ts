/**
 * @module bench/harness
 * Shared by the benchmarks and the built-server tests: free ports, spawning a server and timing
 * spawn -> first 200, reading a process's RSS, and the statistics the reports print.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A port nobody listens on right now (the OS picks it; released before use). */
export function freePort(): number {
  const probe = Bun.listen({ hostname: '127.0.0.1', port: 0, socket: { data() {} } })
  const port = probe.port
  probe.stop(true)
  return port
}

export interface SpawnedServer {
  proc: Bun.Subprocess<'ignore', 'pipe' | 'ignore', 'pipe'>
  port: number
  url: string
  /** ms from just before spawn to the first 200 on `readyPath`. */
  readyMs: number
  /** Everything the process wrote to stderr so far (read after it exits). */
  stderr: () => Promise<string>
  stop: (signal?: NodeJS.Signals) => Promise<number>
}

export interface SpawnOptions {
  command: string[]
  env?: Record<string, string | undefined>
  cwd?: string
  /** Path polled until it answers 200. */
  readyPath?: string
  /** How to ask it (default a plain GET): a POST to time spawn -> first answer of an API call. */
  readyInit?: RequestInit
  timeoutMs?: number
  /** Keep stdout (the JSON log) instead of discarding it. */
  captureStdout?: boolean
}

/**
 * Spawns a server on a free port and polls `readyPath` every millisecond until it answers 200.
 * The clock starts just before spawn, so the figure covers exec, runtime start, app start,
 * listening and the first request: what a Cloud Run startup probe would see.
 */
export async function spawnUntilReady(options: SpawnOptions): Promise<SpawnedServer> {
  const port = freePort()
  const url = `http://127.0.0.1:${port}`
  const readyPath = options.readyPath ?? '/health'
  const timeoutMs = options.timeoutMs ?? 10_000
  const started = performance.now()
  const proc = Bun.spawn(options.command, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env, PORT: String(port) },
    stdin: 'ignore',
    stdout: options.captureStdout ? 'pipe' : 'ignore',
    stderr: 'pipe',
  })
  let stderrText: Promise<string> | undefined
  const stderr = () => {
    stderrText ??= new Response(proc.stderr).text()
    return stderrText
  }
  const stop = async (signal: NodeJS.Signals = 'SIGKILL') => {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal)
    return proc.exited
  }
  for (;;) {
    const status = await fetch(url + readyPath, { redirect: 'manual', ...options.readyInit }).then(
      (r) => r.arrayBuffer().then(() => r.status),
      () => 0
    )
    if (status === 200) break
    if (proc.exitCode !== null || proc.signalCode !== null) {
      throw new Error(`${options.command.join(' ')} exited early:\n${await stderr()}`)
    }
    if (performance.now() - started > timeoutMs) {
      await stop()
      throw new Error(`${options.command.join(' ')}: no 200 on ${readyPath} in ${timeoutMs} ms`)
    }
    await Bun.sleep(1)
  }
  return { proc, port, url, readyMs: performance.now() - started, stderr, stop }
}

/** Resident set size of a running process in MB (Linux /proc). */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = Number(status.match(/^VmRSS:\s+(\d+)\s+kB/m)?.[1] ?? Number.NaN)
  return kb / 1024
}

export function median(values: number[]): number {
  return quantile(values, 0.5)
}

/** Linear-interpolated quantile (q in 0..1). */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const pos = (sorted.length - 1) * q
  const lo = Math.floor(pos)
  const hi = Math.ceil(pos)
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo)
}

export const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a')

/**
 * A client build to serve: `<root>/client/dist` when it has an `index.html`, else a small
 * stand-in (index.html, one hashed JS and CSS asset) in a temp folder, with a note saying so.
 */
export function clientDistFor(root: string): { dir: string; note?: string } {
  const real = join(root, 'client', 'dist')
  if (existsSync(join(real, 'index.html'))) return { dir: real }
  const dir = mkdtempSync(join(tmpdir(), 'ais-bench-dist-'))
  mkdirSync(join(dir, 'assets'))
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><title>AIS Studio</title>' +
      '<script type="module" src="/assets/index-stand1n.js"></script>' +
      '<link rel="stylesheet" href="/assets/index-stand1n.css"></head>' +
      '<body><div id="app"></div></body></html>\n'
  )
  writeFileSync(join(dir, 'assets', 'index-stand1n.js'), `${'console.log("ais");\n'.repeat(2000)}`)
  writeFileSync(join(dir, 'assets', 'index-stand1n.css'), `${'body{margin:0}\n'.repeat(500)}`)
  return { dir, note: `no client/dist: served a stand-in dist from ${dir}` }
}

/** The largest hashed JS file under `<dist>/assets`, as a URL path (for throughput runs). */
export function largestAsset(dist: string): string | undefined {
  const assets = join(dist, 'assets')
  if (!existsSync(assets)) return undefined
  const js = readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .map((f) => ({ f, size: statSync(join(assets, f)).size }))
    .sort((a, b) => b.size - a.size)
  return js[0] ? `/assets/${js[0].f}` : undefined
}

/**
 * Prints one row per setup and scenario: the median and the `q` quantile of the times kept
 * under `"<setup>|<scenario>"`, in ms.
 */
export function printTimes(options: {
  title: string
  setups: readonly { name: string }[]
  scenarios: readonly { label: string }[]
  times: Map<string, number[]>
  q: number
  labelWidth: number
}): void {
  const { title, setups, scenarios, times, q, labelWidth } = options
  const qName = `p${Math.round(q * 100)}`
  console.log(`\n${title}`)
  console.log(
    `${'store'.padEnd(22)} ${'operation'.padEnd(labelWidth)} ${'median'.padStart(7)} ${qName.padStart(7)}`
  )
  for (const setup of setups) {
    for (const scenario of scenarios) {
      const values = times.get(`${setup.name}|${scenario.label}`) ?? []
      console.log(
        `${setup.name.padEnd(22)} ${scenario.label.padEnd(labelWidth)} ${fmt(median(values), 2).padStart(7)} ${fmt(quantile(values, q), 2).padStart(7)}`
      )
    }
  }
}
