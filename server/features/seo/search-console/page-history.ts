/**
 * @module seo/search-console/page-history
 * `search-console/page`: one page of the site day by day (clicks, impressions, position) over
 * the last `days` days: how a published article does in search.
 */
import * as v from 'valibot'
import { Url } from '../schemas'
import type { SearchConsoleContext } from './context'
import { type Metrics, totalOf } from './insights'
import { lastDays } from './periods'
import { Property } from './property'
import { toRow } from './report'

export { PageHistoryResponse } from './responses'

export const PageHistoryRequest = v.object({
  property: Property,
  page: Url,
  days: v.optional(v.pipe(v.number(), v.integer(), v.minValue(7), v.maxValue(480)), 90),
})
export type PageHistoryRequest = v.InferOutput<typeof PageHistoryRequest>

export interface PageHistory {
  source: 'search-console'
  property: string
  page: string
  startDate: string
  endDate: string
  totals: Metrics
  /** Days with impressions only (Search Console leaves the others out). */
  days: (Metrics & { date: string })[]
}

export async function pageHistory(
  ctx: SearchConsoleContext,
  input: PageHistoryRequest
): Promise<PageHistory> {
  const range = lastDays(ctx.clock(), input.days)
  const client = await ctx.client()
  const rows = await client.query(
    input.property,
    {
      ...range,
      dimensions: ['DATE'],
      dimensionFilterGroups: [
        { filters: [{ dimension: 'PAGE', operator: 'EQUALS', expression: input.page }] },
      ],
      rowLimit: 500,
      startRow: 0,
      type: 'WEB',
    },
    ctx.signal
  )
  const days = rows
    .map(toRow)
    .map((r) => ({
      date: r.keys[0] ?? '',
      clicks: r.clicks,
      impressions: r.impressions,
      ctr: r.ctr,
      position: r.position,
    }))
    .sort((a, b) => a.date.localeCompare(b.date))
  return {
    source: 'search-console',
    property: input.property,
    page: input.page,
    ...range,
    totals: totalOf(days),
    days,
  }
}
