/**
 * @module seo/search-console/responses
 * What the Search Console routes answer, as valibot schemas (the API document is read from them
 * and the tests hold every answer to them).
 */
import * as v from 'valibot'

const n = v.number()
export const Metrics = v.object({ clicks: n, impressions: n, ctr: n, position: n })
const metrics = Metrics.entries
const Range = v.object({ startDate: v.string(), endDate: v.string() })
const Table = v.object({ rows: n, capped: v.boolean() })

export const SitesResponse = v.object({
  account: v.pipe(
    v.nullable(v.string()),
    v.description('The account to add as a user of a property')
  ),
  sites: v.array(v.object({ siteUrl: v.string(), permissionLevel: v.string() })),
})

const Ranked = v.object({
  id: v.string(),
  key: v.string(),
  ...metrics,
  previous: v.optional(Metrics),
})

export const SearchConsoleReportResponse = v.object({
  source: v.literal('search-console'),
  property: v.string(),
  period: Range,
  previousPeriod: Range,
  fetchedAt: v.string(),
  cached: v.boolean(),
  rowCap: n,
  tables: v.object({
    query: Table,
    page: Table,
    queryPage: Table,
    previousQuery: Table,
    previousPage: Table,
  }),
  totals: v.object({ ...metrics, previous: Metrics }),
  daily: v.array(v.object({ date: v.string(), ...metrics })),
  topQueries: v.array(Ranked),
  topPages: v.array(Ranked),
  quickWins: v.array(
    v.object({ id: v.string(), query: v.string(), page: v.optional(v.string()), ...metrics })
  ),
  cannibalisation: v.array(
    v.object({
      id: v.string(),
      query: v.string(),
      clicks: n,
      impressions: n,
      pages: v.array(v.object({ page: v.string(), ...metrics })),
    })
  ),
  gaps: v.array(
    v.object({ id: v.string(), query: v.string(), pages: v.array(v.string()), ...metrics })
  ),
})

export const PageHistoryResponse = v.object({
  source: v.literal('search-console'),
  property: v.string(),
  page: v.string(),
  startDate: v.string(),
  endDate: v.string(),
  totals: Metrics,
  days: v.array(v.object({ date: v.string(), ...metrics })),
})
