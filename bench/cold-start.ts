/**
 * @module bench/cold-start
 * `bun run bench`: cold start of the production server against a bare `Bun.serve` that answers
 * `/health` and nothing else (bench/bare-server.ts), run from source: the yardstick of the budget
 * (aim 1.5x). The same bare server compiled with bytecode shows the runtime's own floor. Each
 * sample spawns a fresh process and times spawn -> first 200 on `/health` (and, for the app, on
 * `/`, and on its first AI answer with the fake Gemini answering at once), all interleaved in one
 * run. Prints medians, p90, ratios to the bare server's `/health` (of the medians, and the median
 * of each run's own ratio: the two samples of a run are taken moments apart, so a busy machine's
 * changing load disturbs that one less), and the idle RSS of each.
 *
 * Options: --runs=N (15)  --write (put the table into bench/README.md)
 *          --variants (also the other server builds, to back the choice of build)
 *          --against=PATH (also another server binary, e.g. the previous commit's dist/server)
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
import { startFakeGemini } from '../tests/support/fake-gemini'
import { clientDistFor, fmt, median, quantile, rssMb, spawnUntilReady } from './harness'

interface Candidate {
  name: string
  command: string[]
  paths: readonly Probe[]
  /** Bytes of the executable (and bundle) it runs. */
  bytes?: number
  isBaseline?: boolean
}

interface Probe {
  label: string
  path: string
  init?: RequestInit
}

const HEALTH: Probe = { label: '/health', path: '/health' }
const HOME: Probe = { label: '/', path: '/' }
const AI: Probe = {
  label: 'first AI answer',
  path: '/api/seo/analyze-intent',
  init: {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ prompt: 'audit northwind.com' }),
  },
}
const COLUMNS = [HEALTH, HOME, AI]
const args = new Set(process.argv.slice(2))
const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.split('=')[1] ?? 15)
const BARE_SCRIPT = join(REPO_ROOT, 'bench', 'bare-server.ts')

async function candidates(): Promise<Candidate[]> {
  const binary = await ensureServerBuild()
  const dir = mkdtempSync(join(tmpdir(), 'ais-bench-variants-'))
  const compiledBare = join(dir, 'bare')
  const result = await Bun.build({
    entrypoints: [BARE_SCRIPT],
    compile: { outfile: compiledBare, autoloadBunfig: false },
    bytecode: true,
    minify: true,
    format: 'esm',
    target: 'bun',
  })
  if (!result.success) throw new Error(result.logs.join('\n'))
  const list: Candidate[] = [
    {
      name: 'app: dist/server (compiled, bytecode)',
      command: [binary],
      paths: COLUMNS,
      bytes: statSync(binary).size,
    },
    {
      name: 'bare: bun bench/bare-server.ts',
      command: [process.execPath, BARE_SCRIPT],
      paths: [HEALTH],
      isBaseline: true,
    },
    {
      name: 'bare: compiled, bytecode',
      command: [compiledBare],
      paths: [HEALTH],
      bytes: statSync(compiledBare).size,
    },
  ]
  const against = process.argv.find((a) => a.startsWith('--against='))?.split('=')[1]
  if (against) {
    list.push({
      name: `app: ${against}`,
      command: [against],
      paths: COLUMNS,
      bytes: statSync(against).size,
    })
  }
  if (!args.has('--variants')) return list
  const kinds: ServerBuildKind[] = ['compiled-plain', 'js-bundle']
  for (const kind of kinds) {
    const build = await buildServer({
      kind,
      outfile: join(dir, kind === 'js-bundle' ? 'js/index.js' : 'server-plain'),
    })
    list.push({ name: `app: ${kind}`, command: build.command, paths: COLUMNS, bytes: build.bytes })
  }
  return list
}

async function main() {
  const dist = clientDistFor(REPO_ROOT)
  if (dist.note) console.log(dist.note)
  const gemini = await startFakeGemini()
  gemini.setHandler(() => ({
    functionCall: { name: 'route_user_request', args: { intent: 'SEO', query: 'audit my site' } },
  }))
  const list = await candidates()
  const dataDir = mkdtempSync(join(tmpdir(), 'ais-bench-data-'))
  const env = {
    NODE_ENV: 'production',
    STATIC_DIR: dist.dir,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    GEMINI_API_KEY: 'bench-key',
    GEMINI_BASE_URL: gemini.url,
  }
  const samples = new Map<string, number[]>()
  const key = (c: Candidate, probe: Probe) => `${c.name} ${probe.label}`

  // Warm the page cache so the first samples do not pay for reading the binaries from disk.
  for (const c of list) await (await spawnUntilReady({ command: c.command, env })).stop()

  for (let run = 0; run < runs; run++) {
    // Alternate the order so neither side always runs right after the other.
    const order = run % 2 === 0 ? list : [...list].reverse()
    for (const probe of COLUMNS) {
      for (const c of order) {
        if (!c.paths.includes(probe)) continue
        const server = await spawnUntilReady({
          command: c.command,
          env,
          readyPath: probe.path,
          readyInit: probe.init,
        })
        await server.stop()
        samples.set(key(c, probe), [...(samples.get(key(c, probe)) ?? []), server.readyMs])
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
  gemini.stop()

  const bareRuns = samples.get(key(list.find((c) => c.isBaseline)!, HEALTH))!
  const baseline = median(bareRuns)
  const lines = [
    `Cold start, spawn -> first 200, ${runs} runs each, interleaved (Bun ${Bun.version}, ` +
      `${navigator.hardwareConcurrency} CPUs, ${new Date().toISOString().slice(0, 10)}). ` +
      'Ratios to the bare server from source on /health.',
    `Dist: ${dist.note ? 'stand-in (no client/dist)' : relative(REPO_ROOT, dist.dir)}. ` +
      'First AI answer: POST /api/seo/analyze-intent as the first request, fake Gemini answering at once.',
    '',
    `| server | ${COLUMNS.map((p) => `${p.label} median | p90 | ratio | paired`).join(' | ')} | RSS idle | size |`,
    `|---|${COLUMNS.map(() => '---:|---:|---:|---:|').join('')}---:|---:|`,
  ]
  for (const c of list) {
    const cells = COLUMNS.flatMap((probe) => {
      const xs = samples.get(key(c, probe))
      if (!xs) return ['', '', '', '']
      const paired = median(xs.map((x, run) => x / bareRuns[run]!))
      return [
        `${fmt(median(xs))} ms`,
        `${fmt(quantile(xs, 0.9))} ms`,
        `${fmt(median(xs) / baseline, 2)}x`,
        `${fmt(paired, 2)}x`,
      ]
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
