/**
 * The built server, `dist/server` (built here when missing or older than server/), run as the
 * container runs it: from `<root>/dist/server` with the UI in `<root>/client/dist` and the working
 * directory elsewhere. It answers /health and the UI, listens on all interfaces on PORT, drains on
 * SIGTERM, carries the knowledge docs, and evaluates no Google SDK before a request needs it.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type SpawnedServer, spawnUntilReady } from '../../bench/harness'
import {
  buildServer,
  checkEmbeddedDocs,
  ensureServerBuild,
  KNOWLEDGE_DOCS_DIR,
  REPO_ROOT,
} from '../../scripts/build-server'
import { buildSdkProbe, PROBE_LINE } from './sdk-probe'

const BUILD_TIMEOUT = 180_000
const UI_MARKER = 'ais-binary-test-ui'
let root: string
let binary: string
const running: SpawnedServer[] = []

/** A checkout-free layout like the image's /app: dist/server and client/dist side by side. */
function containerLayout(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ais-binary-'))
  mkdirSync(join(dir, 'dist'))
  mkdirSync(join(dir, 'client', 'dist', 'assets'), { recursive: true })
  writeFileSync(join(dir, 'client', 'dist', 'index.html'), `<!doctype html><p>${UI_MARKER}</p>\n`)
  writeFileSync(join(dir, 'client', 'dist', 'assets', 'app-0a1b2c3d.js'), 'export {}\n')
  return dir
}

function placeBinary(source: string, target: string) {
  try {
    linkSync(source, target)
  } catch {
    copyFileSync(source, target)
  }
}

async function start(command: string[], env: Record<string, string> = {}) {
  const cwd = mkdtempSync(join(tmpdir(), 'ais-cwd-'))
  const server = await spawnUntilReady({
    command,
    cwd,
    env: { NODE_ENV: 'production', DATA_DIR: join(cwd, 'data'), STATIC_DIR: '', ...env },
    timeoutMs: 15_000,
  })
  running.push(server)
  return server
}

beforeAll(async () => {
  const built = await ensureServerBuild()
  root = containerLayout()
  binary = join(root, 'dist', 'server')
  placeBinary(built, binary)
}, BUILD_TIMEOUT)

afterAll(async () => {
  for (const server of running) await server.stop()
  rmSync(root, { recursive: true, force: true })
})

describe('dist/server', () => {
  test('answers /health, and the UI from <its folder>/../client/dist with cwd elsewhere', async () => {
    const server = await start([binary])
    const health = await fetch(`${server.url}/health`)
    expect(health.status).toBe(200)
    expect(await health.json()).toEqual({ status: 'ok' })

    const home = await fetch(`${server.url}/`)
    expect(home.status).toBe(200)
    expect(await home.text()).toContain(UI_MARKER)
    const deepLink = await fetch(`${server.url}/seo`, { headers: { Accept: 'text/html' } })
    expect(await deepLink.text()).toContain(UI_MARKER)
    const asset = await fetch(`${server.url}/assets/app-0a1b2c3d.js`)
    expect(asset.status).toBe(200)
    expect(asset.headers.get('Cache-Control')).toContain('immutable')
  })

  test('listens on all interfaces (0.0.0.0) on the PORT it is given', async () => {
    const server = await start([binary])
    const portHex = server.port.toString(16).toUpperCase().padStart(4, '0')
    const listening = readFileSync('/proc/net/tcp', 'utf8')
      .split('\n')
      .map((l) => l.trim().split(/\s+/))
      .filter((cols) => cols[1]?.endsWith(`:${portHex}`) && cols[3] === '0A')
      .map((cols) => cols[1]!.split(':')[0])
    expect(listening).toContain('00000000')
  })

  test('exits 0 within 8 s of SIGTERM', async () => {
    const server = await start([binary])
    const sent = performance.now()
    const code = await server.stop('SIGTERM')
    expect(code).toBe(0)
    expect(performance.now() - sent).toBeLessThan(8_000)
  })

  test('carries every knowledge-base doc inside the binary', () => {
    const wired = existsSync(join(REPO_ROOT, KNOWLEDGE_DOCS_DIR, '..', 'documents.ts'))
    const check = checkEmbeddedDocs({
      kind: 'compiled',
      outfile: binary,
      command: [],
      bytes: 0,
      buildMs: 0,
    })
    if (!wired) return // No docs module yet: nothing imports the Markdown.
    expect(check.docs.length).toBeGreaterThan(0)
    expect(check.missing).toEqual([])
  })
})

describe('lazy SDKs', () => {
  let probe: string

  beforeAll(async () => {
    probe = await buildSdkProbe(mkdtempSync(join(tmpdir(), 'ais-probe-')))
  }, BUILD_TIMEOUT)

  test('neither @google/genai nor @google-cloud/storage is evaluated at start or by /health and /', async () => {
    const server = await start([probe], {
      STATIC_DIR: join(root, 'client', 'dist'),
      // Both backends configured: the SDKs are still only loaded on first use.
      GEMINI_API_KEY: 'probe-key',
      GCP_STORAGE_BUCKET_NAME: 'probe-bucket',
      GCS_ENDPOINT: 'http://127.0.0.1:9',
    })
    expect((await fetch(`${server.url}/`)).status).toBe(200)
    expect((await fetch(`${server.url}/api/capabilities`)).status).toBe(200)
    await server.stop('SIGTERM')
    expect(await server.stderr()).not.toContain(PROBE_LINE)
  })

  test('the probe does report the SDK once the server creates its Gemini client', async () => {
    const server = await start([probe], { SDK_PROBE_LOAD: '1' })
    await Bun.sleep(300)
    await server.stop('SIGTERM')
    const stderr = await server.stderr()
    expect(stderr).toContain('[sdk-probe] client created')
    expect(stderr).toContain(`${PROBE_LINE} @google/genai`)
  })

  test('the SDKs sit in chunks of their own, outside the entry chunk', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ais-chunks-'))
    const build = await buildServer({ kind: 'js-bundle', outfile: join(dir, 'index.js') })
    const entry = readFileSync(build.outfile, 'utf8')
    expect(entry).not.toContain('google-genai-sdk/')
    expect(entry).not.toContain('gccl-invocation-id')
    const chunks = readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8'))
    expect(chunks.some((c) => c.includes('google-genai-sdk/'))).toBe(true)
    expect(chunks.some((c) => c.includes('gccl-invocation-id'))).toBe(true)
    rmSync(dir, { recursive: true, force: true })
  })
})
