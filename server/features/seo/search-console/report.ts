/**
 * @module seo/search-console/report
 * `search-console/report`: a project's property over the last 28 days against the 28 before
 * (by query, by page, by query and page, and by day), read with `searchanalytics.query` in pages
 * of `pageRows` (`startRow`), at most `maxRows` rows per table (a table that had more says so),
 * then summed up by the rules in `insights.ts`. Kept in the store for the project and the day:
 * the same question the same day is answered from there, unless `refresh` asks again.
 */
import pLimit from 'p-limit'
import * as v from 'valibot'
import { ProjectId } from '../schemas'
import type { ApiRow, QueryRequest } from './client'
import type { SearchConsoleContext } from './context'
import {
  type Cannibalisation,
  cannibalisation,
  type Gap,
  gaps,
  type Metrics,
  type QuickWin,
  quickWins,
  type RankedRow,
  type Row,
  topRows,
  totalOf,
} from './insights'
import { periods } from './periods'
import { Property } from './property'

export { SearchConsoleReportResponse } from './responses'

export const SearchConsoleReportRequest = v.object({
  projectId: ProjectId,
  property: Property,
  /** Ask Search Console again even when today's report is stored. */
  refresh: v.optional(v.boolean(), false),
})
export type SearchConsoleReportRequest = v.InferOutput<typeof SearchConsoleReportRequest>

export interface TableInfo {
  rows: number
  /** More rows existed than the cap allowed. */
  capped: boolean
}

export interface SearchConsoleReport {
  source: 'search-console'
  property: string
  period: { startDate: string; endDate: string }
  previousPeriod: { startDate: string; endDate: string }
  fetchedAt: string
  cached: boolean
  /** Rows read per table at most. */
  rowCap: number
  tables: Record<'query' | 'page' | 'queryPage' | 'previousQuery' | 'previousPage', TableInfo>
  totals: Metrics & { previous: Metrics }
  /** Both periods, day by day (the sparklines). */
  daily: (Metrics & { date: string })[]
  topQueries: RankedRow[]
  topPages: RankedRow[]
  quickWins: QuickWin[]
  cannibalisation: Cannibalisation[]
  gaps: Gap[]
}

const CONCURRENCY = 3

export async function searchConsoleReport(
  ctx: SearchConsoleContext,
  input: SearchConsoleReportRequest
): Promise<SearchConsoleReport> {
  const now = ctx.clock()
  const key = cacheKey(ctx.workspace, input.projectId, input.property, now)
  if (!input.refresh) {
    const stored = await ctx.store.read(key)
    if (stored) {
      const report = JSON.parse(new TextDecoder().decode(stored)) as SearchConsoleReport
      return { ...report, cached: true }
    }
  }
  const { current, previous } = periods(now)
  const client = await ctx.client()
  const limit = pLimit(CONCURRENCY)
  const table = (
    range: { startDate: string; endDate: string },
    dimensions: QueryRequest['dimensions']
  ) => limit(() => readTable(ctx, input.property, { ...range, dimensions }))
  const [query, page, queryPage, previousQuery, previousPage, days] = await Promise.all([
    table(current, ['QUERY']),
    table(current, ['PAGE']),
    table(current, ['QUERY', 'PAGE']),
    table(previous, ['QUERY']),
    table(previous, ['PAGE']),
    limit(() =>
      client.query(
        input.property,
        {
          startDate: previous.startDate,
          endDate: current.endDate,
          dimensions: ['DATE'],
          rowLimit: 100,
          startRow: 0,
          type: 'WEB',
        },
        ctx.signal
      )
    ),
  ])
  const daily = days
    .map(toRow)
    .map((r) => ({ date: r.keys[0] ?? '', ...metrics(r) }))
    .sort((a, b) => a.date.localeCompare(b.date))
  const report: SearchConsoleReport = {
    source: 'search-console',
    property: input.property,
    period: current,
    previousPeriod: previous,
    fetchedAt: now.toISOString(),
    cached: false,
    rowCap: ctx.limits.maxRows,
    tables: {
      query: info(query),
      page: info(page),
      queryPage: info(queryPage),
      previousQuery: info(previousQuery),
      previousPage: info(previousPage),
    },
    totals: {
      ...totalOf(daily.filter((d) => d.date >= current.startDate)),
      previous: totalOf(daily.filter((d) => d.date <= previous.endDate)),
    },
    daily,
    topQueries: topRows(query.rows, previousQuery.rows, 'q'),
    topPages: topRows(page.rows, previousPage.rows, 'p'),
    quickWins: quickWins(query.rows, queryPage.rows),
    cannibalisation: cannibalisation(queryPage.rows),
    gaps: gaps(query.rows, queryPage.rows),
  }
  await ctx.store.put(key, new TextEncoder().encode(JSON.stringify(report)), {
    contentType: 'application/json',
  })
  ctx.log.info('Search Console report read', {
    property: input.property,
    rows: report.tables.query.rows + report.tables.page.rows + report.tables.queryPage.rows,
  })
  return report
}

interface Table {
  rows: Row[]
  capped: boolean
}

/** Every row of one table, page by page, up to the cap; one more row asked for tells if it cut. */
async function readTable(
  ctx: SearchConsoleContext,
  property: string,
  request: Pick<QueryRequest, 'startDate' | 'endDate' | 'dimensions'>
): Promise<Table> {
  const client = await ctx.client()
  const { maxRows, pageRows } = ctx.limits
  const rows: Row[] = []
  for (;;) {
    const rowLimit = Math.min(pageRows, maxRows - rows.length)
    const page = await client.query(
      property,
      { ...request, rowLimit, startRow: rows.length, type: 'WEB' },
      ctx.signal
    )
    rows.push(...page.map(toRow))
    if (page.length < rowLimit) return { rows, capped: false }
    if (rows.length >= maxRows) break
  }
  const beyond = await client.query(
    property,
    { ...request, rowLimit: 1, startRow: rows.length, type: 'WEB' },
    ctx.signal
  )
  return { rows, capped: beyond.length > 0 }
}

const info = (table: Table): TableInfo => ({ rows: table.rows.length, capped: table.capped })

const metrics = (r: Metrics): Metrics => ({
  clicks: r.clicks,
  impressions: r.impressions,
  ctr: r.ctr,
  position: r.position,
})

function toRow(row: ApiRow): Row {
  return {
    keys: row.keys ?? [],
    clicks: row.clicks ?? 0,
    impressions: row.impressions ?? 0,
    ctr: row.ctr ?? 0,
    position: row.position ?? 0,
  }
}

function cacheKey(workspace: string, projectId: string, property: string, now: Date): string {
  const day = now.toISOString().slice(0, 10)
  const hash = new Bun.CryptoHasher('sha256').update(property).digest('hex').slice(0, 16)
  return `cache/search-console/${workspace}/${projectId}/${day}-${hash}.json`
}

export { toRow }
