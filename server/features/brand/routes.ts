/**
 * @module brand/routes
 * `POST /api/analyze`: brand profile, brand kit and assets from a website (the given page and up
 * to five more of the same site). Body `{ url, uiLanguage? }`; answers `{ profile, textProfile,
 * brandProfile, kit, assets, sources, warnings }` (schemas.ts `AnalyzeResponse`).
 * 400 invalid or refused URL, 502 unreadable site, 504 site timeout, 503 AI not configured.
 * The analysis (and the safe fetcher) load on the first request.
 */
import { Hono } from 'hono'
import type { AppEnv } from '../../core/context'
import { once } from '../../core/lazy'
import type { FetchPolicy } from '../../core/safe-fetch'
import { lazyJsonBody } from '../../core/validate'
import type { FeatureDeps } from '../context'

const analysis = once(async () => {
  const [{ analyzeBrand }, { AnalyzeRequest }, { createFetchPolicy }] = await Promise.all([
    import('./analyze'),
    import('./schemas'),
    import('../../core/safe-fetch'),
  ])
  return { analyzeBrand, AnalyzeRequest, createFetchPolicy }
})

export const brandRoutes = (deps: FeatureDeps) => {
  let policy: FetchPolicy | undefined
  return new Hono<AppEnv>().post(
    '/analyze',
    lazyJsonBody(async () => (await analysis()).AnalyzeRequest),
    async (c) => {
      const { analyzeBrand, createFetchPolicy } = await analysis()
      policy ??= deps.fetchPolicy ?? createFetchPolicy(deps.config)
      const result = await analyzeBrand(c.req.valid('json'), {
        deps,
        policy,
        log: c.get('log'),
        signal: c.req.raw.signal,
      })
      return c.json(result, 200)
    }
  )
}
