/**
 * @module brand/routes
 * `POST /api/analyze`: brand profile and assets from a website.
 * Body `{ url, uiLanguage? }`; answers `{ profile, textProfile, assets, sources, warnings }`.
 * 400 invalid or refused URL, 502 unreadable site, 504 site timeout, 503 AI not configured.
 */
import { Hono } from 'hono'
import type { AppEnv } from '../../core/context'
import { createFetchPolicy } from '../../core/safe-fetch'
import { jsonBody } from '../../core/validate'
import type { AppDeps } from '../../deps'
import { analyzeBrand } from './analyze'
import { AnalyzeRequest } from './schemas'

export const brandRoutes = (deps: AppDeps) => {
  const policy = deps.fetchPolicy ?? createFetchPolicy(deps.config)
  return new Hono<AppEnv>().post('/analyze', jsonBody(AnalyzeRequest), async (c) => {
    const result = await analyzeBrand(c.req.valid('json'), {
      deps,
      policy,
      log: c.get('log'),
      signal: c.req.raw.signal,
    })
    return c.json(result, 200)
  })
}
