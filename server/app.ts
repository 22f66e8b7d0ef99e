/**
 * @module app
 * `createApp(deps)`: health, the API, media and the static UI; the only place where features,
 * AI and storage are wired together. The API (`api.ts`) is its own Hono app mounted at `/api`,
 * loaded once the instance has answered its first request (the start-up probe or the page) or
 * on the first API request, whichever comes first: start-up evaluates only what health, media
 * and the UI need, and the top-level router matches pages and assets against a handful of routes.
 */
import { Hono, type MiddlewareHandler } from 'hono'
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
  app.use(warmAfterFirstResponse(api))
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
  mountStatic(app, deps.distDir)
  return app
}

/**
 * Loads the API in the background once the first response is out, so the first API call does not
 * pay for it; a failed load is left for that call to retry and report.
 */
function warmAfterFirstResponse(load: () => Promise<unknown>): MiddlewareHandler {
  let started = false
  return async (_c, next) => {
    await next()
    if (started) return
    started = true
    setTimeout(() => load().catch(() => undefined), 0)
  }
}

const isApiPath = (path: string) => path === '/api' || path.startsWith('/api/')

/** Health probes and static files are logged at debug level; media at info. */
const isQuietPath = (path: string) => !path.startsWith('/media/')
