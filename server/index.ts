/**
 * @module index
 * Process entry: config -> deps -> app -> Bun.serve. On SIGTERM (Cloud Run scale-in) it stops
 * accepting connections, lets in-flight requests finish and exits within 8 s.
 */
import { catalogueWarnings } from './ai/models'
import { createApp } from './app'
import { ConfigError, loadConfig } from './config'
import { createLogger } from './core/logger'
import { createDeps } from './deps'
import { appRootFrom, findClientDist, logDistChoice } from './static'

const SHUTDOWN_GRACE_MS = 8_000
const STARTUP_NOTES_DELAY_MS = 100
/** Bun's maximum; long model calls set no timeout of their own (SSE disables it per request). */
const IDLE_TIMEOUT_S = 255

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>
  try {
    config = loadConfig()
  } catch (error) {
    const log = createLogger({ format: process.env.K_SERVICE ? 'json' : 'pretty' })
    log.error(error instanceof ConfigError ? error.message : 'Could not read the configuration.')
    process.exit(1)
  }

  const lookup = await findClientDist({
    staticDir: config.staticDir,
    appRoot: appRootFrom(import.meta.dir, process.execPath),
    cwd: process.cwd(),
  })
  const deps = createDeps(config, { distDir: lookup.dir })
  const app = createApp(deps)

  const server = Bun.serve({
    port: config.port,
    hostname: '0.0.0.0',
    idleTimeout: IDLE_TIMEOUT_S,
    fetch: app.fetch,
  })
  deps.log.info(`AIS Studio listening on http://localhost:${server.port}`, {
    ai: config.ai.backend,
    storage: config.storage.bucket ? 'gcs' : 'local',
  })
  // Start-up notes, a moment after the server listens: they are not needed to answer its probe,
  // which they would otherwise hold up (the catalogue check alone is ~0.6 ms of first-run code).
  setTimeout(() => {
    logDistChoice(lookup, deps.log)
    // Ids from the environment the catalogue does not know (new models appear).
    for (const warning of catalogueWarnings(config.ai.models)) deps.log.warn(warning)
  }, STARTUP_NOTES_DELAY_MS)

  let stopping = false
  const shutdown = async (signal: string) => {
    if (stopping) return
    stopping = true
    deps.log.info(`${signal} received: draining in-flight requests`)
    const force = setTimeout(() => {
      deps.log.warn('drain took too long; exiting with requests still open')
      process.exit(0)
    }, SHUTDOWN_GRACE_MS)
    await server.stop(false)
    clearTimeout(force)
    deps.log.info('drained; bye')
    process.exit(0)
  }
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
  process.on('SIGINT', () => void shutdown('SIGINT'))
}

await main()
