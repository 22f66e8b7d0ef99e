/**
 * Imports point inward: `core/` is the centre and knows nothing of the rest; `ai/` and `storage/`
 * know nothing of features; features never reach for the composition root (`deps.ts`, `app.ts`,
 * `index.ts`), and no two features depend on each other in a circle. Type imports count too.
 */
import { describe, expect, test } from 'bun:test'
import { readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'

const SERVER = resolve(import.meta.dir, '../../server')
const files = [...new Bun.Glob('**/*.ts').scanSync({ cwd: SERVER })].filter(
  (f) => !f.endsWith('.d.ts')
)

const IMPORT = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g

/** Where a server file lives: `core`, `ai`, `storage`, `features/<name>`, `features` (shared) or `root`. */
function areaOf(file: string): string {
  const [top, second] = file.split('/')
  if (!second) return 'root'
  if (top === 'features') return file.split('/').length > 2 ? `features/${second}` : 'features'
  return top as string
}

/** Every relative import of every server file, resolved to a path under server/. */
const edges = files.flatMap((file) => {
  const source = readFileSync(join(SERVER, file), 'utf8')
  return [...source.matchAll(IMPORT)]
    .map((m) => (m[1] ?? m[2]) as string)
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => ({ file, target: relative(SERVER, resolve(SERVER, dirname(file), spec)) }))
})

const ROOT_MODULES = ['deps', 'app', 'index']
const isRoot = (target: string) => ROOT_MODULES.includes(target.replace(/\.ts$/, ''))

const violations = (allowed: (from: string, to: string, target: string) => boolean) =>
  edges
    .filter(({ file, target }) => !allowed(areaOf(file), areaOf(`${target}.ts`), target))
    .map(({ file, target }) => `${file} -> ${target}`)

describe('imports point inward', () => {
  test('there is something to check', () => {
    expect(edges.length).toBeGreaterThan(100)
  })

  test('core/ imports only core/', () => {
    expect(violations((from, to) => from !== 'core' || to === 'core')).toEqual([])
  })

  test('ai/ and storage/ import neither features, each other, nor the composition root', () => {
    const bad = (from: string, to: string, target: string) =>
      (from === 'ai' || from === 'storage') &&
      (to.startsWith('features') ||
        (to !== from && (to === 'ai' || to === 'storage')) ||
        isRoot(target))
    expect(violations((from, to, target) => !bad(from, to, target))).toEqual([])
  })

  test('features never import the composition root', () => {
    expect(
      violations((from, _to, target) => !from.startsWith('features') || !isRoot(target))
    ).toEqual([])
  })

  test('no two features depend on each other in a circle', () => {
    const graph = new Map<string, Set<string>>()
    for (const { file, target } of edges) {
      const from = areaOf(file)
      const to = areaOf(`${target}.ts`)
      if (from.startsWith('features/') && to.startsWith('features/') && from !== to) {
        graph.set(from, (graph.get(from) ?? new Set()).add(to))
      }
    }
    const cycles: string[] = []
    for (const [a, targets] of graph) {
      for (const b of targets) if (graph.get(b)?.has(a) && a < b) cycles.push(`${a} <-> ${b}`)
    }
    expect(cycles).toEqual([])
  })
})
