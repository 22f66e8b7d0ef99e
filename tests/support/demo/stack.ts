/**
 * The demo stack: the real app in-process, with the fake Gemini answering as the demo model, a
 * fake website for brand analysis (`northwind-coffee.test`, reachable through a test fetch
 * policy that lets only `.test` names through to loopback), a fake Search Console with the
 * site's search data (`sc-domain:northwind-coffee.test`), local media storage in a temporary
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
import { type FakeSearchConsole, startFakeSearchConsole } from '../fake-search-console'
import { type FakeSite, startFakeSite, testPolicy } from '../fake-site'
import { demoModel } from './model'
import { DEMO_PROPERTY, demoFacts } from './search-console-data'
import { scriptDemoVideos } from './video-answers'

export const DEMO_HOST = 'northwind-coffee.test'
export const DEMO_BRAND = 'Northwind Coffee Roasters'
/** Not a secret: the fake Gemini accepts any key, and it never leaves the server. */
const DEMO_KEY = 'demo-fake-gemini-key'
/** Not a secret either: it seals the demo's own WordPress credentials in a temporary folder. */
const DEMO_SECRETS_KEY = Buffer.alloc(32, 42).toString('base64')

export { DEMO_PROPERTY }

export interface DemoStack {
  url: string
  gemini: FakeGemini
  site: FakeSite
  /** The fake Search Console, with the demo property's data. */
  searchConsole: FakeSearchConsole
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
  /** Loopback ports `.test` names may reach besides the sample site's (a test WordPress). */
  extraPorts?: number[]
}

export async function startDemoStack(options: DemoOptions = {}): Promise<DemoStack> {
  const gemini = await startFakeGemini()
  gemini.setHandler(demoModel)
  scriptDemoVideos(gemini)
  const site = await startFakeSite()
  site.addBrand(DEMO_HOST, { name: DEMO_BRAND, seed: 'demo' })
  const sampleSite = site.origin(DEMO_HOST)
  const searchConsole = await startFakeSearchConsole()
  searchConsole.addProperty(DEMO_PROPERTY, demoFacts())
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
    SEARCH_CONSOLE_ENDPOINT: searchConsole.url,
    SECRETS_KEY: DEMO_SECRETS_KEY,
  })
  const policy = testPolicy(site)
  const deps = createDeps(config, {
    distDir: options.distDir,
    fetchPolicy: {
      ...policy,
      allowedPorts: [...policy.allowedPorts, ...(options.extraPorts ?? [])],
    },
    searchConsoleAuth: { keyFilename: searchConsole.credentialsFile() },
  })
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
    searchConsole,
    sampleSite,
    stop: async () => {
      await server.stop(true)
      gemini.stop()
      site.stop()
      searchConsole.stop()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
