/**
 * @module bench/startup-profile
 * Where the server's start-up time goes. Builds the server with the production options into
 * probes and prints medians of:
 *   1. a timeline: runtime ready -> server modules evaluated -> Bun.serve called (config, deps,
 *      createApp) -> listening -> first request in -> first response out;
 *   2. CPU-profile totals (Bun's --cpu-prof-md, 50 us sampling) of Node built-ins evaluated at start
 *      and of the app's start-up functions; the last profile is kept in bench/results/;
 *   3. the cost of each eager import (the static import graph of server/index.ts, imported one by
 *      one in evaluation order), the largest first.
 * With --what-if it also times variants of the server patched at build time (the changes
 * bench/README.md recommends) against the production build, interleaved.
 *
 * Usage: bun run bench/startup-profile.ts [--runs=9] [--what-if]
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BunPlugin } from 'bun'
import { buildServer, REPO_ROOT } from '../scripts/build-server'
import { clientDistFor, fmt, median, spawnUntilReady } from './harness'
import { importCosts } from './startup-imports'

const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.split('=')[1] ?? 9)
const work = mkdtempSync(join(tmpdir(), 'ais-startup-'))
const dist = clientDistFor(REPO_ROOT)
const env = { NODE_ENV: 'production', STATIC_DIR: dist.dir, DATA_DIR: join(work, 'data') }
const MARKS = '[startup-marks]'

/** Statements of server/index.ts after which the timeline takes a mark (when they are there). */
const INDEX_MARKS: [RegExp, string][] = [
  [/^(\s*)(config = loadConfig\(\))$/m, 'loadConfig()'],
  [/^(\s*)(const deps = createDeps\(.*\))$/m, 'findClientDist() + createDeps()'],
  [/^(\s*)(const app = createApp\(deps\))$/m, 'createApp()'],
]

/** Marks the end of server/index.ts's imports, just before it calls main(), and steps inside it. */
const markModulesEvaluated: BunPlugin = {
  name: 'mark-modules-evaluated',
  setup(build) {
    build.onLoad({ filter: /server[\\/]index\.ts$/ }, async ({ path }) => {
      let source = (await Bun.file(path).text()).replace(
        /^(await )?main\(\)\s*$/m,
        "globalThis.__mark?.('modules evaluated')\n$1main()"
      )
      for (const [statement, name] of INDEX_MARKS) {
        source = source.replace(
          statement,
          `$1$2\n$1;(globalThis as any).__mark?.(${JSON.stringify(name)})`
        )
      }
      return { contents: source, loader: 'ts' }
    })
  },
}

/** An entry that timestamps the phases around Bun.serve, then loads the real server. */
function timelineEntry(): string {
  const file = join(work, 'timeline-entry.ts')
  writeFileSync(
    file,
    `// Wall time and CPU time (all threads) since process start: on a busy machine the CPU time
// says what the work cost, the wall time also what waiting for a core cost.
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000 }
const marks: [string, number, number][] = [['runtime ready', performance.now(), cpu()]]
const mark = (name: string) => marks.push([name, performance.now(), cpu()])
;(globalThis as any).__mark = mark
const serve = Bun.serve
;(Bun as any).serve = (options: any) => {
  mark('Bun.serve called')
  let first = true
  const server = serve({
    ...options,
    async fetch(request: Request, srv: any) {
      if (!first) return options.fetch(request, srv)
      first = false
      mark('first request in')
      const response = await options.fetch(request, srv)
      mark('first response out')
      process.stderr.write(${JSON.stringify(MARKS)} + JSON.stringify(marks) + '\\n')
      return response
    },
  })
  mark('listening')
  return server
}
await import(${JSON.stringify(join(REPO_ROOT, 'server', 'index.ts'))})
`
  )
  return file
}

async function timeline(readyPath: string) {
  const probe = await buildServer({
    entry: timelineEntry(),
    outfile: join(work, 'timeline', 'server'),
    plugins: [markModulesEvaluated],
  })
  const phases = new Map<string, { wall: number[]; cpu: number[] }>()
  const outside: number[] = []
  for (let i = 0; i < runs; i++) {
    const server = await spawnUntilReady({ command: probe.command, env, readyPath })
    outside.push(server.readyMs)
    await server.stop('SIGTERM')
    const line = (await server.stderr()).split('\n').find((l) => l.startsWith(MARKS))
    const marks = JSON.parse(line?.slice(MARKS.length) ?? '[]') as [string, number, number][]
    let previous = [0, 0]
    for (const [name, at, cpu] of marks) {
      const phase = phases.get(name) ?? { wall: [], cpu: [] }
      phase.wall.push(at - previous[0]!)
      phase.cpu.push(cpu - previous[1]!)
      phases.set(name, phase)
      previous = [at, cpu]
    }
  }
  console.log(
    `\nTimeline to the first ${readyPath} inside the process (median of ${runs}, ms since process start; wall, then CPU):`
  )
  let total = 0
  for (const [name, { wall, cpu }] of phases) {
    total += median(wall)
    console.log(
      `  ${name.padEnd(34)} +${fmt(median(wall), 2).padStart(6)}  (${fmt(total, 1).padStart(5)})   cpu ${fmt(median(cpu), 2).padStart(5)}`
    )
  }
  console.log(`  seen from outside: spawn -> first 200 on ${readyPath} ${fmt(median(outside))} ms`)
}

const FUNCTIONS = [
  'main',
  'loadConfig',
  'createDeps',
  'createApp',
  'findClientDist',
  'buildAllMatchers',
]

async function cpuProfile() {
  const build = await buildServer({ outfile: join(work, 'profiled', 'server'), minify: false })
  const dir = join(work, 'profiles')
  const totals = new Map<string, number[]>()
  for (let i = 0; i < runs; i++) {
    rmSync(dir, { recursive: true, force: true })
    const server = await spawnUntilReady({
      command: build.command,
      env: { ...env, BUN_OPTIONS: `--cpu-prof-md --cpu-prof-interval=50 --cpu-prof-dir=${dir}` },
    })
    await server.stop('SIGTERM')
    const md = readFileSync(join(dir, readdirSync(dir)[0]!), 'utf8')
    for (const [name, ms] of profileTotals(md)) totals.set(name, [...(totals.get(name) ?? []), ms])
    if (i === runs - 1) {
      mkdirSync(join(REPO_ROOT, 'bench', 'results'), { recursive: true })
      writeFileSync(join(REPO_ROOT, 'bench', 'results', 'startup-cpu-profile.md'), md)
    }
  }
  const rows = [...totals]
    .map(([name, xs]) => [name, median([...xs, ...Array(runs - xs.length).fill(0)])] as const)
    .filter(([, ms]) => ms >= 0.3)
    .sort((a, b) => b[1] - a[1])
  console.log(`\nCPU profile totals (median of ${runs}; includes children; >= 0.3 ms):`)
  for (const [name, ms] of rows) console.log(`  ${name.padEnd(28)} ${fmt(ms, 2).padStart(6)} ms`)
  console.log('  last profile: bench/results/startup-cpu-profile.md')
}

/** Largest total per built-in module body and per app start-up function in a --cpu-prof-md file. */
function profileTotals(md: string): Map<string, number> {
  const totals = new Map<string, number>()
  const tree = md.slice(md.indexOf('## Call Tree'))
  for (const row of tree.matchAll(
    /^\|[^|]+\|\s*([\d.]+)(ms|us)\s*\|[^|]+\|[^|]+\|\s*`([^`]+)`\s*\|\s*`([^`]+)`/gm
  )) {
    const [, value, unit, fn, location] = row as unknown as string[]
    const ms = Number(value) / (unit === 'us' ? 1000 : 1)
    const builtin = /^node:[\w/]+$/.test(fn!) && location!.startsWith(`${fn}:`)
    const name = builtin ? `import ${fn}` : FUNCTIONS.includes(fn!) ? `${fn}()` : undefined
    if (name) totals.set(name, Math.max(totals.get(name) ?? 0, ms))
  }
  return totals
}

/** Patches that changed their file in the last build (the others no longer match the code). */
const applied = new Set<string>()

/** A build-time source patch of one server file (a no-op once the change is made for real). */
function patch(name: string, file: RegExp, from: RegExp, to: string): BunPlugin {
  return {
    name,
    setup(build) {
      build.onLoad({ filter: file }, async ({ path }) => {
        const source = await Bun.file(path).text()
        if (from.test(source)) applied.add(name)
        return { contents: source.replace(from, to), loader: 'ts' }
      })
    },
  }
}

const withoutNodeCrypto = patch(
  'auth-without-node-crypto',
  /server[\\/]core[\\/]auth\.ts$/,
  /import \{ timingSafeEqual \} from 'node:crypto'/,
  'const timingSafeEqual = (a: Uint8Array, b: Uint8Array) => { let d = 0; for (let i = 0; i < a.length; i++) d |= a[i]! ^ b[i]!; return d === 0 }'
)
const quickRouter = patch(
  'hono-quick-router',
  /server[\\/]app\.ts$/,
  /import \{ Hono \} from 'hono'/,
  "import { Hono } from 'hono/quick'"
)

/** The changes bench/README.md recommends, applied at build time. */
const WHAT_IF: Record<string, BunPlugin[]> = {
  'auth.ts without node:crypto': [withoutNodeCrypto],
  "app.ts on 'hono/quick'": [quickRouter],
  both: [withoutNodeCrypto, quickRouter],
}

async function whatIf() {
  const variants = [
    {
      name: 'production build',
      command: (await buildServer({ outfile: join(work, 'prod', 'server') })).command,
    },
  ]
  for (const [name, plugins] of Object.entries(WHAT_IF)) {
    applied.clear()
    const build = await buildServer({
      outfile: join(work, name.replace(/\W+/g, '-'), 'server'),
      plugins,
    })
    const missed = plugins.filter((p) => !applied.has(p.name)).map((p) => p.name)
    if (missed.length) console.log(`  (${name}: ${missed.join(', ')} did not match the code)`)
    variants.push({ name, command: build.command })
  }
  const samples = new Map<string, number[]>()
  for (let i = 0; i < runs * 2; i++) {
    for (const readyPath of ['/health', '/']) {
      for (const v of i % 2 ? [...variants].reverse() : variants) {
        const server = await spawnUntilReady({ command: v.command, env, readyPath })
        await server.stop()
        const key = `${v.name}\t${readyPath}`
        samples.set(key, [...(samples.get(key) ?? []), server.readyMs])
      }
    }
  }
  console.log(`\nWhat if (spawn -> first 200, median of ${runs * 2}, interleaved):`)
  for (const readyPath of ['/health', '/']) {
    const base = median(samples.get(`production build\t${readyPath}`)!)
    for (const v of variants) {
      const ms = median(samples.get(`${v.name}\t${readyPath}`)!)
      const delta = `${ms - base >= 0 ? '+' : ''}${fmt(ms - base)}`
      console.log(
        `  ${readyPath.padEnd(8)} ${v.name.padEnd(30)} ${fmt(ms).padStart(6)} ms  (${delta} ms)`
      )
    }
  }
}

if (dist.note) console.log(dist.note)
await timeline('/health')
await timeline('/')
await cpuProfile()
await importCosts({ runs, work, env })
if (process.argv.includes('--what-if')) await whatIf()
rmSync(work, { recursive: true, force: true })
