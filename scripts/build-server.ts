/**
 * @module scripts/build-server
 * `bun run build:server`: bundles `server/index.ts` into one self-contained executable,
 * `dist/server`, so the image needs neither `node_modules` nor a separate Bun.
 *
 * Chosen from measurements (bench/README.md): `--compile --minify --bytecode` as ESM with code
 * splitting. Bytecode skips parsing at start; splitting puts everything reached only through
 * `await import()` (the Gemini and Cloud Storage SDKs) in chunks that are read on first use,
 * not at start. The other kinds stay here so bench/cold-start.ts can compare them.
 *
 * Usage: bun run scripts/build-server.ts [--kind=compiled|compiled-plain|js-bundle] [--outfile=PATH]
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, join, relative, resolve } from 'node:path'
import type { BunPlugin } from 'bun'

/** compiled: the production build. compiled-plain: `--compile` alone. js-bundle: run by `bun`. */
export type ServerBuildKind = 'compiled' | 'compiled-plain' | 'js-bundle'

export interface ServerBuildOptions {
  /** Repository root; defaults to the parent of this script's folder. */
  root?: string
  /** Entry file; defaults to `<root>/server/index.ts`. Probes pass a wrapper. */
  entry?: string
  /** Executable path (compiled) or entry file path (js-bundle); defaults to `<root>/dist/server`. */
  outfile?: string
  kind?: ServerBuildKind
  /** Extra bundler plugins (tests add a probe that reports when an SDK module is evaluated). */
  plugins?: BunPlugin[]
  /** Override minification (profiles read better with real names). */
  minify?: boolean
}

export interface ServerBuild {
  kind: ServerBuildKind
  /** The file to execute: the binary, or the JS entry to run with `bun`. */
  outfile: string
  /** The argv that starts it. */
  command: string[]
  /** Bytes on disk: the binary, or every file the JS bundle wrote. */
  bytes: number
  buildMs: number
}

export const REPO_ROOT = resolve(import.meta.dir, '..')
export const KNOWLEDGE_DOCS_DIR = 'server/features/seo/knowledge/docs'

export async function buildServer(options: ServerBuildOptions = {}): Promise<ServerBuild> {
  const root = options.root ?? REPO_ROOT
  const kind = options.kind ?? 'compiled'
  const entry = options.entry ?? join(root, 'server', 'index.ts')
  const outfile = resolve(
    root,
    options.outfile ?? (kind === 'js-bundle' ? 'dist/server-js/index.js' : 'dist/server')
  )
  const started = performance.now()
  const common = {
    entrypoints: [entry],
    target: 'bun' as const,
    format: 'esm' as const,
    minify: options.minify ?? kind !== 'compiled-plain',
    // Lazy `import()`s become their own chunks: the SDKs are not even parsed at start.
    splitting: kind !== 'compiled-plain',
    // Never inline the build machine's environment (it may hold keys) into the binary.
    env: 'disable' as const,
    plugins: options.plugins ?? [],
    throw: false,
  }
  let outputs: string[]
  if (kind === 'js-bundle') {
    const outdir = dirname(outfile)
    rmSync(outdir, { recursive: true, force: true })
    const result = await Bun.build({
      ...common,
      outdir,
      naming: { entry: basename(outfile), chunk: '[name]-[hash].[ext]' },
    })
    outputs = expectSuccess(result).outputs.map((o) => o.path)
  } else {
    const result = await Bun.build({
      ...common,
      bytecode: kind === 'compiled',
      compile: {
        outfile,
        // The project's bunfig.toml is about installs and tests; reading it at start is waste.
        autoloadBunfig: false,
        autoloadTsconfig: false,
        autoloadPackageJson: false,
      },
    })
    expectSuccess(result)
    outputs = [outfile]
  }
  const bytes = outputs.reduce((sum, path) => sum + statSync(path).size, 0)
  return {
    kind,
    outfile,
    command: kind === 'js-bundle' ? [process.execPath, outfile] : [outfile],
    bytes,
    buildMs: performance.now() - started,
  }
}

/** `<root>/dist/server`, built when missing or older than any file under `server/`. */
export async function ensureServerBuild(root = REPO_ROOT): Promise<string> {
  const binary = join(root, 'dist', 'server')
  const builtAt = statSync(binary, { throwIfNoEntry: false })?.mtimeMs ?? 0
  const sources = readdirSync(join(root, 'server'), { recursive: true, encoding: 'utf8' })
  const newest = Math.max(...sources.map((f) => statSync(join(root, 'server', f)).mtimeMs))
  if (builtAt < newest) await buildServer({ root })
  return binary
}

function expectSuccess(result: Bun.BuildOutput): Bun.BuildOutput {
  if (result.success) return result
  const messages = result.logs.map((l) => String(l)).join('\n')
  throw new Error(`bun build failed:\n${messages}`)
}

export interface DocsCheck {
  /** Every Markdown file in the knowledge folder. */
  docs: string[]
  /** Those whose text was not found in the build output. */
  missing: string[]
}

/**
 * Whether the knowledge-base Markdown (imported `with { type: 'text' }`) is inside the output.
 * It looks for each doc's longest plain-ASCII line, which the bundler keeps verbatim (as UTF-8, or
 * UTF-16 when the doc has characters beyond Latin-1).
 */
export function checkEmbeddedDocs(build: ServerBuild, root = REPO_ROOT): DocsCheck {
  const dir = join(root, KNOWLEDGE_DOCS_DIR)
  if (!existsSync(dir)) return { docs: [], missing: [] }
  const docs = readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .map((f) => join(dir, f))
  const haystacks =
    build.kind === 'js-bundle'
      ? readdirSync(dirname(build.outfile)).map((f) =>
          readFileSync(join(dirname(build.outfile), f))
        )
      : [readFileSync(build.outfile)]
  const missing = docs.filter((doc) => {
    const needle = distinctiveLine(readFileSync(doc, 'utf8'))
    if (needle === undefined) return false
    // A string with characters beyond Latin-1 is stored as UTF-16 in the executable.
    const forms = [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le')]
    return !haystacks.some((h) => forms.some((f) => h.includes(f)))
  })
  return { docs, missing }
}

/** The longest line the bundler cannot have escaped (ASCII, no quotes, backslashes or `${`). */
function distinctiveLine(text: string): string | undefined {
  const plain = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length >= 24 && /^[\x20-\x7e]+$/.test(l) && !/["'`\\]|\$\{/.test(l))
  return plain.sort((a, b) => b.length - a.length)[0]
}

function parseArgs(argv: string[]): ServerBuildOptions {
  const options: ServerBuildOptions = {}
  for (const arg of argv) {
    const [key, value] = arg.replace(/^--/, '').split('=')
    if (
      key === 'kind' &&
      (value === 'compiled' || value === 'compiled-plain' || value === 'js-bundle')
    )
      options.kind = value
    else if (key === 'outfile' && value) options.outfile = value
    else throw new Error(`unknown argument ${arg}`)
  }
  return options
}

if (import.meta.main) {
  const build = await buildServer(parseArgs(process.argv.slice(2)))
  const mb = (build.bytes / 1024 / 1024).toFixed(1)
  console.log(
    `built ${relative(REPO_ROOT, build.outfile)} (${build.kind}, ${mb} MB) in ${Math.round(build.buildMs)} ms`
  )
  const docs = checkEmbeddedDocs(build)
  if (docs.docs.length === 0) console.log(`no knowledge docs in ${KNOWLEDGE_DOCS_DIR} yet`)
  else if (docs.missing.length === 0) console.log(`all ${docs.docs.length} knowledge docs embedded`)
  else {
    console.warn(
      `WARNING: ${docs.missing.length} of ${docs.docs.length} knowledge docs are not in the bundle ` +
        `(not imported yet?): ${docs.missing.map((d) => basename(d)).join(', ')}`
    )
  }
}
