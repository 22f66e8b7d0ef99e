/**
 * @module app
 * `createApp(deps)`: health, the API, media and the static UI; the only place where features,
 * AI and storage are wired together. The API (`api.ts`) is its own Hono app mounted at `/api`,
 * loaded once the instance has answered its first request (the start-up probe or the page) or
 * on the first API request, whichever comes first: start-up evaluates only what health, media
 * and the UI need, and the top-level router matches pages and assets against a handful of routes.
 */
import type { MiddlewareHandler } from 'hono'
// Hono's preset with the pattern router only: nothing to build before the first match (the default
// router built its matchers on the first request, the start-up probe), and less code to evaluate.
import { Hono } from 'hono/tiny'
import type { createApi } from './api'
import type { AppEnv } from './core/context'
import { drainGuard } from './core/drain'
import { onError, onNotFound } from './core/error-handler'
import { once } from './core/lazy'
import { requestLog } from './core/request-log'
import { securityHeaders } from './core/security'
import type { AppDeps } from './deps'
import { mediaRoutes } from './features/media/routes'
import { mountStatic } from './static'

/** The typed API for `hono/client` (paths include `/api`). */
export type AppType = ReturnType<typeof createApi>

export function createApp(deps: AppDeps) {
  const { config, log } = deps
  const api = once(async () => (await import('./api')).createApi(deps))
  const app = new Hono<AppEnv>()
  app.onError(onError(log))
  app.notFound(onNotFound)
  // Set below by mountStatic, which must come after every route.
  let indexClientBuild: () => Promise<unknown> = async () => undefined
  app.use(warmAfterFirstResponse(api, () => indexClientBuild()))
  app.use(
    requestLog({ log, projectId: config.ai.project, quiet: isQuietPath, skip: isApiPath }),
    securityHeaders(),
    drainGuard({ drain: deps.drain, skip: isApiPath, track: false })
  )
  app.get('/health', (c) => c.json({ status: 'ok' as const }, 200, { 'Cache-Control': 'no-store' }))
  // The API sees the request as sent (paths keep `/api`) and the Bun server as its env.
  app.mount('/api', async (request, server) => (await api()).fetch(request, server), {
    replaceRequest: false,
    optionHandler: (c) => [c.env],
  })
  app.route('/media', mediaRoutes(deps.store))
  indexClientBuild = mountStatic(app, deps.distDir)
  return app
}

/**
 * Loads the API and indexes the client build in the background once the first response is out
 * (the start-up probe's), so neither start-up nor the first API call or page pays for them; a
 * failed load is left for the request that needs it to retry and report.
 */
function warmAfterFirstResponse(...loads: (() => Promise<unknown>)[]): MiddlewareHandler {
  let started = false
  return async (_c, next) => {
    await next()
    if (started) return
    started = true
    setTimeout(() => {
      for (const load of loads) load().catch(() => undefined)
    }, 0)
  }
}

const isApiPath = (path: string) => path === '/api' || path.startsWith('/api/')

/** Health probes and static files are logged at debug level; media at info. */
const isQuietPath = (path: string) => !path.startsWith('/media/')
