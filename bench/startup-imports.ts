/**
 * @module bench/startup-imports
 * Part of bench/startup-profile.ts: the cost of each module the server imports eagerly. It reads
 * the static import graph of server/index.ts from the bundler's metafile, then times a compiled
 * probe (production build options) that imports those modules one by one in evaluation order.
 */
import { writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { buildServer, REPO_ROOT } from '../scripts/build-server'
import { fmt, median } from './harness'

export interface ImportCostOptions {
  runs: number
  /** A scratch folder. */
  work: string
  env: Record<string, string>
}

interface MetaInput {
  imports: { path: string; kind: string; original?: string; external?: boolean }[]
}

/**
 * The eager import graph of server/index.ts (static imports only) in evaluation order: server
 * files, the package entry files they import, and the Node built-ins they import.
 */
export async function eagerImports(work: string): Promise<{ specifier: string; label: string }[]> {
  const result = await Bun.build({
    entrypoints: [join(REPO_ROOT, 'server', 'index.ts')],
    target: 'bun',
    format: 'esm',
    splitting: true,
    outdir: join(work, 'meta'),
    metafile: true,
  })
  const meta = result.metafile as unknown
  const inputs = (typeof meta === 'string' ? JSON.parse(meta) : meta).inputs as Record<
    string,
    MetaInput
  >
  const order: { specifier: string; label: string }[] = []
  const seen = new Set<string>()
  const visit = (path: string) => {
    if (seen.has(path)) return
    seen.add(path)
    if (!path.includes('node_modules')) {
      for (const dep of inputs[path]?.imports ?? []) {
        if (dep.kind !== 'import-statement' && dep.kind !== 'require-call') continue
        if (dep.external && dep.original && !seen.has(dep.original)) {
          seen.add(dep.original)
          order.push({ specifier: dep.original, label: dep.original })
        } else if (!dep.external) visit(dep.path)
      }
    }
    const label = path.includes('node_modules') ? path.split('node_modules/').at(-1)! : path
    order.push({ specifier: resolve(process.cwd(), path), label })
  }
  visit(relative(process.cwd(), join(REPO_ROOT, 'server', 'index.ts')))
  return order.slice(0, -1) // index.ts itself would start the server
}

/** Time of each eager import, one after another, in a compiled probe. */
export async function importCosts({ runs, work, env }: ImportCostOptions) {
  const units = await eagerImports(work)
  const entry = join(work, 'imports-entry.ts')
  const lines = ['const costs: [string, number][] = []', 'let last = performance.now()']
  for (const u of units) {
    lines.push(`await import(${JSON.stringify(u.specifier)})`)
    lines.push(
      `costs.push([${JSON.stringify(u.label)}, performance.now() - last]); last = performance.now()`
    )
  }
  lines.push(`process.stderr.write('[import-costs]' + JSON.stringify(costs) + '\\n')`)
  writeFileSync(entry, lines.join('\n'))
  const probe = await buildServer({ entry, outfile: join(work, 'imports', 'probe') })
  const costs = new Map<string, number[]>()
  for (let i = 0; i < runs; i++) {
    const proc = Bun.spawnSync(probe.command, { env: { ...process.env, ...env } })
    const line = proc.stderr
      .toString()
      .split('\n')
      .find((l) => l.startsWith('[import-costs]'))
    for (const [label, ms] of JSON.parse(line?.slice(14) ?? '[]') as [string, number][]) {
      costs.set(label, [...(costs.get(label) ?? []), ms])
    }
  }
  const rows = [...costs].map(([label, xs]) => [label, median(xs)] as const)
  const total = rows.reduce((sum, [, ms]) => sum + ms, 0)
  console.log(
    `\nEager imports, one by one (median of ${runs}; ${units.length} modules, ${fmt(total, 1)} ms in all):`
  )
  for (const [label, ms] of rows.sort((a, b) => b[1] - a[1]).slice(0, 12)) {
    console.log(`  ${label.padEnd(52)} ${fmt(ms, 2).padStart(6)} ms`)
  }
  const groups = new Map<string, number>()
  for (const [label, ms] of rows) groups.set(groupOf(label), (groups.get(groupOf(label)) ?? 0) + ms)
  console.log('  by area (a GC pause lands on whichever import runs when it strikes):')
  for (const [group, ms] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, 10)) {
    console.log(`    ${group.padEnd(50)} ${fmt(ms, 2).padStart(6)} ms`)
  }
}

/** server/features/x, server/core, a package name, or "node: built-ins". */
function groupOf(label: string): string {
  if (label.startsWith('node:')) return 'node: built-ins'
  if (label.startsWith('server/')) {
    const parts = label.split('/')
    return parts.slice(0, parts[1] === 'features' ? 3 : 2).join('/')
  }
  const parts = label.split('/')
  return `package ${label.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]}`
}
