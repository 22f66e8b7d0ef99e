/**
 * @module seo/search-console-routes
 * `/api/seo/search-console`: the site's own search data, one line each (logic in
 * `search-console/`, loaded on first use).
 *
 * - `GET /sites` -> `{ account, sites: [{ siteUrl, permissionLevel }] }`: the properties the
 *   server's Google account can read, and the account to add to the others.
 * - `POST /report` `{ projectId, property, refresh? }` -> the last 28 days against the 28 before:
 *   totals, days, top queries and pages, quick wins, cannibalisation, gaps, with the row cap and
 *   whether a table hit it; the same day's report comes from the store (`cached: true`). 403
 *   `search_console_forbidden` names the account to add; 429 `search_console_quota`.
 * - `POST /page` `{ property, page, days? }` -> that page day by day (a published article).
 */
import { Hono } from 'hono'
import type { AppEnv } from '../../core/context'
import { once } from '../../core/lazy'
import type { FeatureDeps } from '../context'
import { stepRoutesWith } from '../step-routes'
import { searchConsoleContext } from './search-console/context'

const sites = once(() => import('./search-console/sites'))
const report = once(() => import('./search-console/report'))
const page = once(() => import('./search-console/page-history'))

export const searchConsoleRoutes = (deps: FeatureDeps) => {
  const contextOf = searchConsoleContext(deps)
  const { step } = stepRoutesWith(contextOf)
  return new Hono<AppEnv>()
    .get('/search-console/sites', async (c) =>
      c.json(await (await sites()).listSites(contextOf(c)), 200, { 'Cache-Control': 'no-store' })
    )
    .post(
      '/search-console/report',
      ...step(report, 'SearchConsoleReportRequest', 'searchConsoleReport')
    )
    .post('/search-console/page', ...step(page, 'PageHistoryRequest', 'pageHistory'))
}
