/**
 * A deployment to verify, on loopback: the real server process (`bun server/index.ts`, as
 * `bun run start` runs it but from source) serving a small client build with hashed,
 * precompressed assets, with the fake Gemini (Developer API) and the fake Cloud Storage behind
 * it and API keys required, or none of these when the options say so.
 *
 * @example
 * const deployment = await startDeployment({ ai: true, gcs: true, apiKey: 'smoke-key-1' })
 * // bun run verify-deploy deployment.url --api-key smoke-key-1 --expect ai=developer,storage=gcs
 * await deployment.stop()
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, gzipSync } from 'node:zlib'
import { type SpawnedServer, spawnUntilReady } from '../../bench/harness'
import { REPO_ROOT } from '../../scripts/build-server'
import { type FakeGcs, startFakeGcs } from './fake-gcs'
import { type FakeGemini, startFakeGemini } from './fake-gemini'

export interface DeploymentOptions {
  ai?: boolean
  gcs?: boolean
  /** Required on `/api/*` when given (`API_KEYS`). */
  apiKey?: string
}

export interface Deployment {
  readonly url: string
  readonly server: SpawnedServer
  readonly gemini?: FakeGemini
  readonly gcs?: FakeGcs
  stop(): Promise<void>
}

export const SMOKE_BUCKET = 'ais-smoke-media'

/** index.html naming one hashed script, served precompressed like Vite's build after precompress. */
export function writeSmallDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ais-deploy-dist-'))
  mkdirSync(join(dir, 'assets'))
  const html =
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>AIS Studio</title>' +
    '<script type="module" crossorigin src="/assets/index-0a1b2c3d.js"></script></head>' +
    '<body><div id="app"></div></body></html>\n'
  writeFileSync(join(dir, 'index.html'), html)
  const script = `${'export const studio = "ais";\n'.repeat(200)}`
  writeFileSync(join(dir, 'assets', 'index-0a1b2c3d.js'), script)
  writeFileSync(join(dir, 'assets', 'index-0a1b2c3d.js.br'), brotliCompressSync(script))
  writeFileSync(join(dir, 'assets', 'index-0a1b2c3d.js.gz'), gzipSync(script))
  return dir
}

export async function startDeployment(options: DeploymentOptions = {}): Promise<Deployment> {
  const gemini = options.ai ? await startFakeGemini() : undefined
  const gcs = options.gcs ? await startFakeGcs() : undefined
  const dataDir = mkdtempSync(join(tmpdir(), 'ais-deploy-data-'))
  const server = await spawnUntilReady({
    command: [process.execPath, join(REPO_ROOT, 'server', 'index.ts')],
    cwd: dataDir,
    timeoutMs: 20_000,
    env: {
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      STATIC_DIR: writeSmallDist(),
      DATA_DIR: dataDir,
      RATE_LIMIT_PER_MINUTE: '0',
      // Set or emptied, so nothing leaks in from the environment the tests run in.
      GEMINI_API_KEY: gemini ? 'smoke-gemini-key' : '',
      GOOGLE_API_KEY: '',
      GOOGLE_GENAI_USE_VERTEXAI: '',
      ...(gemini ? { GEMINI_BASE_URL: gemini.url } : {}),
      GCP_STORAGE_BUCKET_NAME: gcs ? SMOKE_BUCKET : '',
      FIREBASE_STORAGE_BUCKET: '',
      ...(gcs ? { GCS_ENDPOINT: gcs.url } : {}),
      API_KEYS: options.apiKey ?? '',
    },
  })
  return {
    url: server.url,
    server,
    gemini,
    gcs,
    async stop() {
      await server.stop('SIGTERM')
      gemini?.stop()
      gcs?.stop()
    },
  }
}
