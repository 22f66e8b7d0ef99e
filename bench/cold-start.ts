/**
 * @module bench/cold-start
 * `bun run bench`: cold start of the production server against a bare `Bun.serve` baseline
 * serving the same client build, interleaved in one run. Each sample spawns a fresh process and
 * times spawn -> first 200 on `/health`, or on `/`. Prints medians, p90 and the app/baseline
 * ratios (budget <= 2, aim 1.5) and the idle RSS of each.
 *
 * Options: --runs=N (15)  --write (put the table into bench/README.md)
 *          --variants (also the other server builds and a compiled baseline, to back the choice)
 */
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import {
  buildServer,
  ensureServerBuild,
  REPO_ROOT,
  type ServerBuildKind,
} from '../scripts/build-server'
import { clientDistFor, fmt, median, quantile, rssMb, spawnUntilReady } from './harness'

interface Candidate {
  name: string
  command: string[]
  /** Bytes of the executable (and bundle) it runs. */
  bytes?: number
  isBaseline?: boolean
}

const PATHS = ['/health', '/'] as const
const args = new Set(process.argv.slice(2))
const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.split('=')[1] ?? 15)
const BASELINE_SCRIPT = join(REPO_ROOT, 'bench', 'baseline-server.ts')

async function candidates(): Promise<Candidate[]> {
  const binary = await ensureServerBuild()
  const list: Candidate[] = [
    {
      name: 'app: dist/server (compiled, bytecode)',
      command: [binary],
      bytes: statSync(binary).size,
    },
    {
      name: 'baseline: bun bench/baseline-server.ts',
      command: [process.execPath, BASELINE_SCRIPT],
      isBaseline: true,
    },
  ]
  if (!args.has('--variants')) return list
  const dir = mkdtempSync(join(tmpdir(), 'ais-bench-variants-'))
  const kinds: ServerBuildKind[] = ['compiled-plain', 'js-bundle']
  for (const kind of kinds) {
    const build = await buildServer({
      kind,
      outfile: join(dir, kind === 'js-bundle' ? 'js/index.js' : 'server-plain'),
    })
    list.push({ name: `app: ${kind}`, command: build.command, bytes: build.bytes })
  }
  const compiledBaseline = join(dir, 'baseline')
  const result = await Bun.build({
    entrypoints: [BASELINE_SCRIPT],
    compile: { outfile: compiledBaseline, autoloadBunfig: false },
    bytecode: true,
    minify: true,
    format: 'esm',
    target: 'bun',
  })
  if (!result.success) throw new Error(result.logs.join('\n'))
  list.push({ name: 'baseline: compiled, bytecode', command: [compiledBaseline] })
  return list
}

async function main() {
  const dist = clientDistFor(REPO_ROOT)
  if (dist.note) console.log(dist.note)
  const list = await candidates()
  const dataDir = mkdtempSync(join(tmpdir(), 'ais-bench-data-'))
  const env = { NODE_ENV: 'production', STATIC_DIR: dist.dir, DATA_DIR: dataDir }
  const samples = new Map<string, number[]>()
  const key = (c: Candidate, path: string) => `${c.name} ${path}`

  // Warm the page cache so the first samples do not pay for reading the binaries from disk.
  for (const c of list) await (await spawnUntilReady({ command: c.command, env })).stop()

  for (let run = 0; run < runs; run++) {
    // Alternate the order so neither side always runs right after the other.
    const order = run % 2 === 0 ? list : [...list].reverse()
    for (const path of PATHS) {
      for (const c of order) {
        const server = await spawnUntilReady({ command: c.command, env, readyPath: path })
        await server.stop()
        samples.set(key(c, path), [...(samples.get(key(c, path)) ?? []), server.readyMs])
      }
    }
  }

  const rss = new Map<string, number>()
  for (const c of list) {
    const server = await spawnUntilReady({ command: c.command, env })
    for (const path of ['/', '/health', '/api/capabilities']) await fetch(server.url + path)
    await Bun.sleep(1500)
    rss.set(c.name, rssMb(server.proc.pid))
    await server.stop()
  }

  const baseline = list.find((c) => c.isBaseline)!
  const lines = [
    `Cold start, spawn -> first 200, ${runs} runs each, interleaved (Bun ${Bun.version}, ` +
      `${navigator.hardwareConcurrency} CPUs, ${new Date().toISOString().slice(0, 10)}).`,
    `Dist: ${dist.note ? 'stand-in (no client/dist)' : relative(REPO_ROOT, dist.dir)}.`,
    '',
    '| server | /health median | p90 | ratio | / median | p90 | ratio | RSS idle | size |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ]
  for (const c of list) {
    const cells = PATHS.flatMap((path) => {
      const xs = samples.get(key(c, path))!
      const ratio = median(xs) / median(samples.get(key(baseline, path))!)
      return [`${fmt(median(xs))} ms`, `${fmt(quantile(xs, 0.9))} ms`, `${fmt(ratio, 2)}x`]
    })
    const size = c.bytes ? `${fmt(c.bytes / 1024 / 1024)} MB` : ''
    lines.push(`| ${c.name} | ${cells.join(' | ')} | ${fmt(rss.get(c.name)!)} MB | ${size} |`)
  }
  const table = lines.join('\n')
  console.log(`\n${table}\n`)
  if (args.has('--write')) writeReadme(table)
}

/** Replaces the block between the cold-start markers in bench/README.md. */
function writeReadme(table: string) {
  const file = resolve(REPO_ROOT, 'bench', 'README.md')
  const text = readFileSync(file, 'utf8')
  const begin = '<!-- cold-start:begin -->'
  const end = '<!-- cold-start:end -->'
  const from = text.indexOf(begin)
  const to = text.indexOf(end)
  if (from < 0 || to < from) throw new Error(`bench/README.md has no ${begin} ... ${end} block`)
  writeFileSync(file, `${text.slice(0, from + begin.length)}\n${table}\n${text.slice(to)}`)
  console.log('bench/README.md updated')
}

if (import.meta.main) await main()
