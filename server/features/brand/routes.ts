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
import type { FeatureDeps } from '../context'
import { stepRoutesWith } from '../step-routes'

const analysis = once(() => import('./analysis'))

export const brandRoutes = (deps: FeatureDeps) => {
  // Built by the loaded module, so the safe fetcher stays out of start-up.
  const { step } = stepRoutesWith(async (c) => (await analysis()).analyzeContext(deps, c))
  return new Hono<AppEnv>().post(
    '/analyze',
    ...step(analysis, 'AnalyzeRequest', 'analyzeBrand', {
      operationId: 'analyzeBrand',
      summary: 'Analyse a brand from its website',
      description:
        'Reads the page and up to five more of the same site, then answers the brand profile (and the profile ready for the SEO workflow), the measured brand kit, the logos and images found (stored, by media id) and the pages read. `400 url_not_allowed` for addresses the server may not fetch (private networks, other ports).',
      tag: 'Brand',
      response: 'AnalyzeResponse',
      errors: { 400: ['url_not_allowed'] },
      examples: [
        {
          summary: 'A website',
          body: { url: 'https://www.example.com', uiLanguage: 'en' },
          status: 200,
        },
      ],
    })
  )
}
