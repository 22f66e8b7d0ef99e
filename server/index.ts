/**
 * @module index
 * Process entry: config -> deps -> app -> Bun.serve. On SIGTERM (Cloud Run scale-in) it stops
 * accepting connections, ends event streams with `server_restarting`, lets in-flight requests
 * finish, answers the ones still waiting on an upstream at 7 s with the same 503 (`core/drain`),
 * writes the priced calls still in memory to the ledger and exits within 8 s (9 s at worst, when
 * requests outlive the grace and the store is slow: inside Cloud Run's 10 s).
 */
import { catalogueWarnings } from './ai/models'
import { createApp } from './app'
import { ConfigError, loadConfig } from './config'
import { createLogger } from './core/logger'
import { createDeps } from './deps'
import { appRootFrom, findClientDist, logDistChoice } from './static'

const SHUTDOWN_GRACE_MS = 7_700
/** When work still waiting on an upstream is cut, so its request is answered before the exit. */
const LAST_CALL_MS = 7_000
/** What the ledger's last write may take at exit. */
const LEDGER_FLUSH_MS = 1_000
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
    await log.flush()
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
    deps.drain.start()
    const lastCall = setTimeout(() => {
      deps.log.warn('requests still waiting on an upstream: answering them server_restarting')
      deps.drain.lastCall()
    }, LAST_CALL_MS)
    // Priced calls still in memory go to the ledger before the instance goes (a slow store gets
    // 1 s), then the log, written once per tick (a blocked pipe gets 200 ms).
    const exit = () =>
      Promise.race([
        deps.ledger.flush().catch((error: unknown) => {
          deps.log.error('ledger not flushed at shutdown', { err: error })
        }),
        Bun.sleep(LEDGER_FLUSH_MS),
      ])
        .then(() => Promise.race([deps.log.flush(), Bun.sleep(200)]))
        .finally(() => process.exit(0))
    const force = setTimeout(() => {
      deps.log.warn('drain took too long; exiting with requests still open')
      void exit()
    }, SHUTDOWN_GRACE_MS)
    await server.stop(false)
    clearTimeout(lastCall)
    clearTimeout(force)
    deps.log.info('drained; bye')
    await exit()
  }
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
  process.on('SIGINT', () => void shutdown('SIGINT'))
}

await main()
