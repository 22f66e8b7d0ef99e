/**
 * @module app
 * `createApp(deps)`: the middleware chain, every feature's routes under `/api`, then static
 * serving. The only place where features, AI and storage are wired together.
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
import { mediaRoutes } from './features/media/routes'
import { seoRoutes } from './features/seo/routes'
import { systemRoutes } from './features/system/routes'
import { mountStatic } from './static'

export function createApp(deps: AppDeps) {
  const { config, log } = deps

  const api = new Hono<AppEnv>()
  api.use(
    corsFor(config.allowedOrigins),
    rateLimit({ perMinute: config.rateLimitPerMinute, trustForwardedFor: config.production }),
    limitBody(DEFAULT_BODY_LIMIT),
    methodNotAllowed({
      app: api,
      onMethodNotAllowed: (c, methods) => sendError(c, errors.methodNotAllowed(methods)),
    })
  )
  const apiRoutes = api
    // Capabilities stay open so the UI can tell that a key is needed.
    .route('/', systemRoutes(config))
    .use('*', requireApiKey(config.apiKeys))
    .route('/', brandRoutes(deps))
    .route('/seo', seoRoutes(deps))
  apiRoutes.all('*', (c) => sendError(c, errors.notFound('This API endpoint')))

  const app = new Hono<AppEnv>()
  app.onError(onError(log))
  app.notFound(onNotFound)
  app.use(
    requestLog({ log, projectId: config.ai.project, quietPaths: ['/health'] }),
    securityHeaders()
  )
  const routes = app
    .get('/health', (c) => c.json({ status: 'ok' as const }, 200, { 'Cache-Control': 'no-store' }))
    .route('/api', apiRoutes)
    .route('/media', mediaRoutes(deps.store))
  mountStatic(app, deps.distDir)
  return routes
}

export type AppType = ReturnType<typeof createApp>
