/**
 * @module seo/search-console-routes
 * `/api/seo/search-console`: the site's own search data, one entry each (logic in
 * `search-console/`, loaded on first use; each entry documents itself for `/api/openapi.json`).
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
import { describe } from '../../core/openapi/route-doc'
import type { FeatureDeps } from '../context'
import { stepRoutesWith } from '../step-routes'
import { searchConsoleContext } from './search-console/context'

const sites = once(() => import('./search-console/sites'))
const report = once(() => import('./search-console/report'))
const page = once(() => import('./search-console/page-history'))
const responses = once(() => import('./search-console/responses'))

const tag = 'SEO'
const PROPERTY = 'sc-domain:northwind-coffee.test'
/** What Search Console itself may answer, beyond every route's statuses. */
const errors = {
  403: ['search_console_forbidden'],
  429: ['search_console_quota'],
  502: ['search_console_failed', 'search_console_unreachable'],
  503: ['search_console_no_credentials', 'search_console_api_disabled'],
  504: ['search_console_timeout'],
}

export const searchConsoleRoutes = (deps: FeatureDeps) => {
  const contextOf = searchConsoleContext(deps)
  const { step } = stepRoutesWith(contextOf)
  return new Hono<AppEnv>()
    .get(
      '/search-console/sites',
      describe({
        operationId: 'searchConsoleSites',
        summary: 'The Search Console properties the server can read',
        description:
          "Read as the server's own Google account (the Cloud Run service account, or ADC); `account` is the email to add as a user of another property.",
        tag,
        upstream: true,
        errors: { 502: errors[502], 503: errors[503], 504: errors[504] },
        responses: {
          200: {
            description: 'The readable properties',
            schema: async () => (await responses()).SitesResponse,
          },
        },
        examples: [{ summary: 'The demo account', status: 200 }],
      }),
      async (c) =>
        c.json(await (await sites()).listSites(contextOf(c)), 200, { 'Cache-Control': 'no-store' })
    )
    .post(
      '/search-console/report',
      ...step(report, 'SearchConsoleReportRequest', 'searchConsoleReport', {
        operationId: 'searchConsoleReport',
        // Search Console and WordPress, not a model: never over the AI budget.
        metered: false,
        summary: "A property's last 28 days against the 28 before",
        description:
          'By query, page, query and page, and day; read in pages (`startRow`) up to the row cap, which is reported; kept for the project and the day. Quick wins, cannibalisation and gaps follow the rules in the README.',
        tag,
        response: 'SearchConsoleReportResponse',
        answer: 'The report',
        errors,
        examples: [
          {
            summary: 'The demo property',
            body: { projectId: 'demo-project', property: PROPERTY },
            status: 200,
          },
          {
            summary: 'A property the account is not a user of',
            body: { projectId: 'demo-project', property: 'sc-domain:example.com' },
            status: 403,
          },
        ],
      })
    )
    .post(
      '/search-console/page',
      ...step(page, 'PageHistoryRequest', 'pageHistory', {
        operationId: 'searchConsolePage',
        // Search Console and WordPress, not a model: never over the AI budget.
        metered: false,
        summary: 'One page day by day (a published article)',
        tag,
        response: 'PageHistoryResponse',
        answer: "The page's days with impressions",
        errors,
        examples: [
          {
            summary: 'A page of the demo site',
            body: { property: PROPERTY, page: 'https://northwind-coffee.test/guides/pour-over/' },
            status: 200,
          },
        ],
      })
    )
}
