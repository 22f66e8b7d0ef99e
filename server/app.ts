/**
 * @module app
 * `createApp(deps)`: health, the API, media and the static UI; the only place where features,
 * AI and storage are wired together. The API is its own Hono app mounted at `/api`, so the
 * top-level router stays small: pages and assets are matched against a handful of routes, and
 * the API's routes are compiled on the first API request, not at start-up.
 */
import { Hono } from 'hono'

import { methodNotAllowed } from 'hono/method-not-allowed'
import { requireApiKey } from './core/auth'
import { DEFAULT_BODY_LIMIT, limitBody } from './core/body-limit'
import type { AppEnv } from './core/context'
import { corsFor } from './core/cors'
import { onError, onNotFound, sendError } from './core/error-handler'
import { errors } from './core/errors'
import { rateLimit } from './core/rate-limit'
import { requestLog } from './core/request-log'
import { securityHeaders } from './core/security'
import type { AppDeps } from './deps'
import { brandRoutes } from './features/brand/routes'
import { imageRoutes } from './features/image/routes'
import { libraryRoutes } from './features/library/routes'
import { mediaRoutes } from './features/media/routes'
import { seoRoutes } from './features/seo/routes'
import { systemRoutes } from './features/system/routes'
import { videoRoutes } from './features/video/routes'
import { mountStatic } from './static'

/** The JSON API under `/api`: its own middleware chain, errors always as the JSON envelope. */
export function createApi(deps: AppDeps) {
  const { config, log } = deps
  const api = new Hono<AppEnv>().basePath('/api')
  api.onError(onError(log))
  api.notFound((c) => sendError(c, errors.notFound('This API endpoint')))
  api.use(
    requestLog({ log, projectId: config.ai.project }),
    corsFor(config.allowedOrigins),
    rateLimit({ perMinute: config.rateLimitPerMinute, trustForwardedFor: config.production }),
    // Saved documents, images and video jobs may be larger; those routes set their own limit.
    limitBody(DEFAULT_BODY_LIMIT, { skip: ownBodyLimit }),
    methodNotAllowed({
      app: api,
      onMethodNotAllowed: (c, methods) => sendError(c, errors.methodNotAllowed(methods)),
    })
  )
  return (
    api
      // Capabilities stay open so the UI can tell that a key is needed.
      .route('/', systemRoutes(config))
      .use('*', requireApiKey(config.apiKeys))
      .route('/', brandRoutes(deps))
      .route('/seo', seoRoutes(deps))
      .route('/library', libraryRoutes(deps))
      .route('/image', imageRoutes(deps))
      .route('/video', videoRoutes(deps))
  )
}

const ownBodyLimit = (path: string) =>
  path.startsWith('/api/library/') ||
  path.startsWith('/api/image/') ||
  path.startsWith('/api/video/jobs')

/** The typed API for `hono/client` (paths include `/api`). */
export type AppType = ReturnType<typeof createApi>

export function createApp(deps: AppDeps) {
  const { config, log } = deps
  const api = createApi(deps)
  const app = new Hono<AppEnv>()
  app.onError(onError(log))
  app.notFound(onNotFound)
  app.use(
    requestLog({ log, projectId: config.ai.project, quiet: isQuietPath, skip: isApiPath }),
    securityHeaders()
  )
  app.get('/health', (c) => c.json({ status: 'ok' as const }, 200, { 'Cache-Control': 'no-store' }))
  // The API sees the request as sent (paths keep `/api`) and the Bun server as its env.
  app.mount('/api', api.fetch, { replaceRequest: false, optionHandler: (c) => [c.env] })
  app.route('/media', mediaRoutes(deps.store))
  mountStatic(app, deps.distDir)
  return app
}

const isApiPath = (path: string) => path === '/api' || path.startsWith('/api/')

/** Health probes and static files are logged at debug level; media at info. */
const isQuietPath = (path: string) => !path.startsWith('/media/')
