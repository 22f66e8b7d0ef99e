/**
 * @module api
 * `createApi(deps)`: the JSON API under `/api`, with its own middleware chain and errors always as
 * the JSON envelope. `app.ts` loads this module on the first API request, so nothing of the API
 * (its routes, their schemas, the features' route tables) is evaluated or compiled at start-up.
 */
import { Hono } from 'hono'
import { methodNotAllowed } from 'hono/method-not-allowed'
import { createAiGateway } from './ai/gateway'
import { modelResolution } from './ai/resolve-models'
import { requireApiKey } from './core/auth'
import { DEFAULT_BODY_LIMIT, limitBody } from './core/body-limit'
import type { AppEnv } from './core/context'
import { corsFor } from './core/cors'
import { drainGuard } from './core/drain'
import { onError, sendError } from './core/error-handler'
import { errors } from './core/errors'
import type { RouteEntry } from './core/openapi/build'
import { rateLimit } from './core/rate-limit'
import { requestLog } from './core/request-log'
import type { AppDeps } from './deps'
import { brandRoutes } from './features/brand/routes'
import { brandGuardRoutes } from './features/brand-guard/routes'
import { campaignRoutes } from './features/campaigns/routes'
import type { FeatureDeps } from './features/context'
import { docsRoutes } from './features/docs/routes'
import { imageRoutes } from './features/image/routes'
import { libraryRoutes } from './features/library/routes'
import { mediaRoutes } from './features/media/routes'
import { seoRoutes } from './features/seo/routes'
import { systemRoutes } from './features/system/routes'
import { budgetGuard } from './features/usage/budget-guard'
import { usageRoutes } from './features/usage/routes'
import { videoRoutes } from './features/video/routes'

/** The JSON API under `/api`: its own middleware chain, errors always as the JSON envelope. */
export function createApi(appDeps: AppDeps) {
  const { config, log } = appDeps
  const deps: AppDeps & FeatureDeps = {
    ...appDeps,
    ai: appDeps.ai ?? createAiGateway({ ai: config.ai, log }),
  }
  const api = new Hono<AppEnv>().basePath('/api')
  api.onError(onError(log))
  api.notFound((c) => sendError(c, errors.notFound('This API endpoint')))
  api.use(
    requestLog({ log, projectId: config.ai.project }),
    drainGuard({ drain: deps.drain }),
    corsFor(config.allowedOrigins),
    rateLimit({ perMinute: config.rateLimitPerMinute, trustForwardedFor: config.production }),
    // Saved documents, images and video jobs may be larger; those routes set their own limit.
    limitBody(DEFAULT_BODY_LIMIT, { skip: ownBodyLimit }),
    methodNotAllowed({
      app: api,
      onMethodNotAllowed: (c, methods) => sendError(c, errors.methodNotAllowed(methods)),
    })
  )
  const routes = () => routeTable(api, deps)
  return (
    api
      // Capabilities and the API's description stay open so the UI can tell that a key is needed.
      .route('/', systemRoutes(config, deps.ai))
      .route('/', docsRoutes({ routes, distDir: deps.distDir }))
      .use(
        '*',
        requireApiKey(config.apiKeys),
        modelResolution({ ai: deps.ai, callsModels }),
        // A video job reserves its own estimate (its dry run shows what is left).
        budgetGuard({
          ledger: deps.ledger,
          refuseWhenSpent: (method, path) =>
            callsModels(method, path) && !VIDEO_JOB_START.test(path),
        })
      )
      .route('/', brandRoutes(deps))
      .route('/brand', brandGuardRoutes(deps))
      .route('/seo', seoRoutes(deps))
      .route('/library', libraryRoutes(deps))
      .route('/image', imageRoutes(deps))
      .route('/video', videoRoutes(deps))
      .route('/usage', usageRoutes(deps))
      .route('/campaigns', campaignRoutes(deps))
  )
}

/** Every route the API document describes: the API's, and the media URLs app.ts mounts beside it. */
export const routeTable = (
  api: { routes: readonly RouteEntry[] },
  deps: Pick<AppDeps, 'store'>
) => [...api.routes, ...new Hono<AppEnv>().route('/media', mediaRoutes(deps.store)).routes]

/** POSTs that never call a model: saved work, Search Console reports, WordPress publishing. */
const NO_MODEL = ['/api/library/', '/api/seo/search-console/', '/api/seo/wordpress/']

/** Starting a video job: it reserves its own estimate (a brand check of its clip does not). */
const VIDEO_JOB_START = /^\/api\/video\/jobs\/?$/

/** Every other POST of a studio calls a model (video posters are PUTs). */
const callsModels = (method: string, path: string) =>
  method === 'POST' && !NO_MODEL.some((prefix) => path.startsWith(prefix))

const ownBodyLimit = (path: string) =>
  path.startsWith('/api/library/') ||
  path.startsWith('/api/image/') ||
  path.startsWith('/api/video/jobs')
