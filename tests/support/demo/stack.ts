/**
 * The demo stack: the real app in-process, with the fake Gemini answering as the demo model, a
 * fake website for brand analysis (`northwind-coffee.test`, reachable through a test fetch
 * policy that lets only that name through to loopback), local media storage in a temporary
 * folder, video jobs that finish with a real MP4 after a few polls, and `AIS_DEMO=true` so the
 * UI labels the answers. `bun run dev:demo` and the browser tests start it; nothing under
 * server/ imports it.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApp } from '../../../server/app'
import { loadConfig } from '../../../server/config'
import { createDeps } from '../../../server/deps'
import { type FakeGemini, startFakeGemini } from '../fake-gemini'
import { type FakeSite, startFakeSite, testPolicy } from '../fake-site'
import { demoModel } from './model'
import { scriptDemoVideos } from './video-answers'

export const DEMO_HOST = 'northwind-coffee.test'
export const DEMO_BRAND = 'Northwind Coffee Roasters'
/** Not a secret: the fake Gemini accepts any key, and it never leaves the server. */
const DEMO_KEY = 'demo-fake-gemini-key'

export interface DemoStack {
  url: string
  gemini: FakeGemini
  site: FakeSite
  /** The sample website a brand analysis can read. */
  sampleSite: string
  stop: () => Promise<void>
}

export interface DemoOptions {
  port?: number
  /** The built client to serve (the browser tests); without it the API only (Vite serves the UI). */
  distDir?: string
  /** Extra environment (e.g. LOG_LEVEL). */
  env?: Record<string, string>
}

export async function startDemoStack(options: DemoOptions = {}): Promise<DemoStack> {
  const gemini = await startFakeGemini()
  gemini.setHandler(demoModel)
  scriptDemoVideos(gemini)
  const site = await startFakeSite()
  site.addBrand(DEMO_HOST, { name: DEMO_BRAND, seed: 'demo' })
  const sampleSite = site.origin(DEMO_HOST)
  const dataDir = mkdtempSync(join(tmpdir(), 'ais-demo-data-'))

  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    LOG_FORMAT: 'pretty',
    RATE_LIMIT_PER_MINUTE: '0',
    GEMINI_MAX_RETRIES: '0',
    // A demo video job is ready after a few looks of its event stream: about ten seconds.
    VIDEO_EVENTS_POLL_MS: '2000',
    ...options.env,
    GEMINI_API_KEY: DEMO_KEY,
    GEMINI_BASE_URL: gemini.url,
    DATA_DIR: dataDir,
    AIS_DEMO: 'true',
    AIS_DEMO_SITE: sampleSite,
  })
  const deps = createDeps(config, { distDir: options.distDir, fetchPolicy: testPolicy(site) })
  const app = createApp(deps)
  const server = Bun.serve({
    port: options.port ?? 0,
    hostname: '127.0.0.1',
    idleTimeout: 255,
    fetch: (request, bun) => app.fetch(request, bun),
  })
  return {
    url: `http://127.0.0.1:${server.port}`,
    gemini,
    site,
    sampleSite,
    stop: async () => {
      await server.stop(true)
      gemini.stop()
      site.stop()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
