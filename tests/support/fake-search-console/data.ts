/**
 * The fake's search data: one fact per (date, query, page) with clicks, impressions and position,
 * and Search Console's own arithmetic over it: rows grouped by the asked dimensions, clicks and
 * impressions summed, CTR = clicks / impressions, position the impression-weighted mean; sorted
 * by clicks (by date when grouped by date), then paged with `startRow` and `rowLimit`.
 */

export interface Fact {
  date: string
  query: string
  page: string
  clicks: number
  impressions: number
  position: number
}

export interface ApiRow {
  keys: string[]
  clicks: number
  impressions: number
  ctr: number
  position: number
}

interface Query {
  startDate: string
  endDate: string
  dimensions?: string[]
  dimensionFilterGroups?: {
    filters?: { dimension: string; operator?: string; expression: string }[]
  }[]
  rowLimit?: number
  startRow?: number
}

const field = (d: string) => d.toLowerCase() as 'date' | 'query' | 'page'

export function aggregate(facts: readonly Fact[], query: Query): ApiRow[] {
  const dimensions = (query.dimensions ?? []).map(field)
  const filters = (query.dimensionFilterGroups ?? []).flatMap((g) => g.filters ?? [])
  const groups = new Map<
    string,
    { keys: string[]; clicks: number; impressions: number; weighted: number }
  >()
  for (const fact of facts) {
    if (fact.date < query.startDate || fact.date > query.endDate) continue
    if (!filters.every((f) => matches(fact, f))) continue
    const keys = dimensions.map((d) => fact[d])
    const id = JSON.stringify(keys)
    const group = groups.get(id) ?? { keys, clicks: 0, impressions: 0, weighted: 0 }
    group.clicks += fact.clicks
    group.impressions += fact.impressions
    group.weighted += fact.position * fact.impressions
    groups.set(id, group)
  }
  const rows = [...groups.values()]
    .filter((g) => g.impressions > 0)
    .map((g) => ({
      keys: g.keys,
      clicks: g.clicks,
      impressions: g.impressions,
      ctr: g.clicks / g.impressions,
      position: g.weighted / g.impressions,
    }))
  const byDate = dimensions[0] === 'date'
  rows.sort((a, b) =>
    byDate
      ? (a.keys[0] ?? '').localeCompare(b.keys[0] ?? '')
      : b.clicks - a.clicks ||
        b.impressions - a.impressions ||
        a.keys.join().localeCompare(b.keys.join())
  )
  const start = query.startRow ?? 0
  return rows.slice(start, start + (query.rowLimit ?? 1000))
}

function matches(
  fact: Fact,
  filter: { dimension: string; operator?: string; expression: string }
): boolean {
  const value = fact[field(filter.dimension)] ?? ''
  const expression = filter.expression
  switch ((filter.operator ?? 'EQUALS').toUpperCase()) {
    case 'EQUALS':
      return value === expression
    case 'NOT_EQUALS':
      return value !== expression
    case 'CONTAINS':
      return value.toLowerCase().includes(expression.toLowerCase())
    case 'NOT_CONTAINS':
      return !value.toLowerCase().includes(expression.toLowerCase())
    default:
      return (
        new RegExp(expression).test(value) ===
        (filter.operator?.toUpperCase() === 'INCLUDING_REGEX')
      )
  }
}

/** Facts spread evenly over `days` days ending `endDate` (totals as given, split per day). */
export function spread(
  endDate: string,
  days: number,
  rows: { query: string; page: string; clicks: number; impressions: number; position: number }[]
): Fact[] {
  const end = Date.parse(`${endDate}T00:00:00Z`)
  const facts: Fact[] = []
  for (let d = 0; d < days; d++) {
    const date = new Date(end - d * 86_400_000).toISOString().slice(0, 10)
    for (const row of rows) {
      const share = (n: number) => Math.floor(n / days) + (d < n % days ? 1 : 0)
      facts.push({
        date,
        query: row.query,
        page: row.page,
        clicks: share(row.clicks),
        impressions: share(row.impressions),
        position: row.position,
      })
    }
  }
  return facts
}
