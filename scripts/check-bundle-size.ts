/**
 * Measures the client build from Vite's manifest and fails when the initial JavaScript (the entry
 * chunk and everything it imports statically, gzip level 9) exceeds the 60 KB budget of
 * ARCHITECTURE.md, or when a built chunk carries server-only code (a Node built-in, the Gemini SDK,
 * a server environment variable name). Prints the initial, per-page and total sizes.
 *
 * Usage: bun run scripts/check-bundle-size.ts [dist]   (default client/dist)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'

export const INITIAL_JS_BUDGET = 60 * 1024

interface ManifestChunk {
  file: string
  src?: string
  isEntry?: boolean
  imports?: string[]
  dynamicImports?: string[]
  css?: string[]
}
type Manifest = Record<string, ManifestChunk>

/** Strings that only server code contains; finding one means server code leaked into the bundle. */
const SERVER_MARKERS = [
  'GEMINI_API_KEY',
  'GOOGLE_API_KEY',
  'x-goog-api-key',
  'generativelanguage.googleapis.com',
  '@google/genai',
  '@google-cloud/storage',
  'process.env',
  '"node:',
  'Bun.serve',
]

export interface BundleReport {
  initialFiles: string[]
  initialGzip: number
  pages: { src: string; gzip: number }[]
  totalJsGzip: number
  totalRaw: number
  leaks: { file: string; marker: string }[]
}

const gzipSize = (path: string) => gzipSync(readFileSync(path), { level: 9 }).byteLength

/** The entry's chunk key and the keys it pulls in through static imports, transitively. */
function staticClosure(manifest: Manifest, key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen
  seen.add(key)
  for (const imported of manifest[key]?.imports ?? []) staticClosure(manifest, imported, seen)
  return seen
}

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.')) yield* walk(path)
    } else if (!/\.(br|gz)$/.test(entry.name)) yield path
  }
}

export function measure(dist: string): BundleReport {
  const manifest: Manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'))
  const entryKey = Object.keys(manifest).find((k) => manifest[k]?.isEntry)
  if (!entryKey) throw new Error('the Vite manifest has no entry chunk')

  const initial = staticClosure(manifest, entryKey)
  const initialFiles = [...initial].map((k) => manifest[k]?.file).filter((f) => f?.endsWith('.js'))
  const initialGzip = initialFiles.reduce((sum, f) => sum + gzipSize(join(dist, f as string)), 0)

  const pages = (manifest[entryKey]?.dynamicImports ?? []).map((src) => {
    const own = [...staticClosure(manifest, src)].filter((k) => !initial.has(k))
    const gzip = own
      .map((k) => manifest[k]?.file)
      .filter((f): f is string => Boolean(f?.endsWith('.js')))
      .reduce((sum, f) => sum + gzipSize(join(dist, f)), 0)
    return { src, gzip }
  })

  let totalRaw = 0
  let totalJsGzip = 0
  const leaks: BundleReport['leaks'] = []
  for (const path of walk(dist)) {
    totalRaw += statSync(path).size
    if (!path.endsWith('.js')) continue
    totalJsGzip += gzipSize(path)
    const text = readFileSync(path, 'utf8')
    for (const marker of SERVER_MARKERS) {
      if (text.includes(marker)) leaks.push({ file: path, marker })
    }
  }
  return {
    initialFiles: initialFiles as string[],
    initialGzip,
    pages,
    totalJsGzip,
    totalRaw,
    leaks,
  }
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`

if (import.meta.main) {
  const dist = resolve(process.argv[2] ?? 'client/dist')
  const report = measure(dist)
  console.log(`initial JS (gzip): ${kb(report.initialGzip)} of ${kb(INITIAL_JS_BUDGET)} budget`)
  console.log(`  ${report.initialFiles.join(', ')}`)
  for (const page of report.pages) console.log(`  lazy ${page.src}: +${kb(page.gzip)} gzip`)
  console.log(
    `all JS (gzip): ${kb(report.totalJsGzip)}; client build (raw): ${kb(report.totalRaw)}`
  )
  let failed = false
  if (report.initialGzip > INITIAL_JS_BUDGET) {
    console.error(`FAIL: the initial JavaScript exceeds ${kb(INITIAL_JS_BUDGET)} gzip.`)
    failed = true
  }
  for (const leak of report.leaks) {
    console.error(`FAIL: ${leak.file} contains "${leak.marker}": server code in the client bundle.`)
    failed = true
  }
  process.exit(failed ? 1 : 0)
}
