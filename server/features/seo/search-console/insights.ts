/**
 * @module seo/search-console/insights
 * What a site's own search data says, as pure functions over Search Console rows (28 days by
 * query, by page, and by query and page together):
 * - top queries and pages, each with the 28 days before for comparison;
 * - quick wins: queries at positions 4–20 (page one's lower half and page two) with at least
 *   `QUICK_WIN_MIN_IMPRESSIONS` impressions: already visible, a push away from the clicks;
 * - cannibalisation: one query for which two or more of the site's pages each get at least
 *   `CANNIBAL_MIN_SHARE` of its impressions (and `CANNIBAL_MIN_IMPRESSIONS`): they compete;
 * - gaps: queries with at least `GAP_MIN_IMPRESSIONS` impressions and no dedicated page, where a
 *   page is dedicated to a query when its address holds every word of the query or the query is
 *   the page's own top query. Searchers ask; no page of the site answers that question as such.
 * Each row gets a short id (`q1`, `p1`, `w1`, `c1`, `g1`) that the strategy board cites.
 */

export interface Metrics {
  clicks: number
  impressions: number
  /** Click-through rate, 0..1. */
  ctr: number
  /** Average position (1 = top). */
  position: number
}

/** A Search Console row of one dimension (or two, for query and page). */
export interface Row extends Metrics {
  keys: string[]
}

export interface RankedRow extends Metrics {
  id: string
  key: string
  /** The same key in the 28 days before, when it had impressions then. */
  previous?: Metrics
}

export interface QuickWin extends Metrics {
  id: string
  query: string
  /** The site's page with the most impressions for it. */
  page?: string
}

export interface Cannibalisation {
  id: string
  query: string
  clicks: number
  impressions: number
  pages: (Metrics & { page: string })[]
}

export interface Gap extends Metrics {
  id: string
  query: string
  /** The pages that show up for it, none of them dedicated to it. */
  pages: string[]
}

export const QUICK_WIN_MIN_POSITION = 4
export const QUICK_WIN_MAX_POSITION = 20
export const QUICK_WIN_MIN_IMPRESSIONS = 100
export const CANNIBAL_MIN_SHARE = 0.1
export const CANNIBAL_MIN_IMPRESSIONS = 10
export const GAP_MIN_IMPRESSIONS = 50
export const TOP_ROWS = 20
export const INSIGHT_ROWS = 10

const byClicks = (a: Metrics, b: Metrics) =>
  b.clicks - a.clicks || b.impressions - a.impressions || a.position - b.position
const byImpressions = (a: Metrics, b: Metrics) =>
  b.impressions - a.impressions || b.clicks - a.clicks || a.position - b.position

const metricsOf = (row: Metrics): Metrics => ({
  clicks: row.clicks,
  impressions: row.impressions,
  ctr: row.ctr,
  position: row.position,
})

/** The `limit` rows with the most clicks, each with its previous-period metrics. */
export function topRows(
  current: readonly Row[],
  previous: readonly Row[],
  prefix: 'q' | 'p',
  limit = TOP_ROWS
): RankedRow[] {
  const before = new Map(previous.map((r) => [r.keys[0] ?? '', r]))
  return [...current]
    .sort(byClicks)
    .slice(0, limit)
    .map((row, i) => {
      const key = row.keys[0] ?? ''
      const old = before.get(key)
      return {
        id: `${prefix}${i + 1}`,
        key,
        ...metricsOf(row),
        ...(old ? { previous: metricsOf(old) } : {}),
      }
    })
}

/** Queries at positions 4–20 with many impressions, most impressions first. */
export function quickWins(
  queries: readonly Row[],
  queryPages: readonly Row[],
  limit = INSIGHT_ROWS
): QuickWin[] {
  const pages = pagesByQuery(queryPages)
  return queries
    .filter(
      (r) =>
        r.position >= QUICK_WIN_MIN_POSITION &&
        r.position <= QUICK_WIN_MAX_POSITION &&
        r.impressions >= QUICK_WIN_MIN_IMPRESSIONS
    )
    .sort(byImpressions)
    .slice(0, limit)
    .map((row, i) => {
      const query = row.keys[0] ?? ''
      const page = [...(pages.get(query) ?? [])].sort(byImpressions)[0]?.keys[1]
      return { id: `w${i + 1}`, query, ...(page ? { page } : {}), ...metricsOf(row) }
    })
}

/** Queries for which two or more pages of the site each take a real share of the impressions. */
export function cannibalisation(
  queryPages: readonly Row[],
  limit = INSIGHT_ROWS
): Cannibalisation[] {
  const found: Omit<Cannibalisation, 'id'>[] = []
  for (const [query, rows] of pagesByQuery(queryPages)) {
    const impressions = rows.reduce((sum, r) => sum + r.impressions, 0)
    const competing = rows.filter(
      (r) =>
        r.impressions >= CANNIBAL_MIN_IMPRESSIONS &&
        r.impressions >= impressions * CANNIBAL_MIN_SHARE
    )
    if (competing.length < 2) continue
    found.push({
      query,
      clicks: rows.reduce((sum, r) => sum + r.clicks, 0),
      impressions,
      pages: [...competing]
        .sort(byImpressions)
        .map((r) => ({ page: r.keys[1] ?? '', ...metricsOf(r) })),
    })
  }
  return found
    .sort((a, b) => b.impressions - a.impressions || a.query.localeCompare(b.query))
    .slice(0, limit)
    .map((c, i) => ({ id: `c${i + 1}`, ...c }))
}

/** Queries with impressions that no page of the site is dedicated to. */
export function gaps(
  queries: readonly Row[],
  queryPages: readonly Row[],
  limit = INSIGHT_ROWS
): Gap[] {
  const pages = pagesByQuery(queryPages)
  const topQueryOf = topQueryByPage(queryPages)
  return queries
    .filter((r) => r.impressions >= GAP_MIN_IMPRESSIONS)
    .filter((r) => {
      const query = r.keys[0] ?? ''
      return !(pages.get(query) ?? []).some((p) => {
        const page = p.keys[1] ?? ''
        return topQueryOf.get(page) === query || addressHoldsQuery(page, query)
      })
    })
    .sort(byImpressions)
    .slice(0, limit)
    .map((row, i) => {
      const query = row.keys[0] ?? ''
      return {
        id: `g${i + 1}`,
        query,
        pages: (pages.get(query) ?? []).map((p) => p.keys[1] ?? ''),
        ...metricsOf(row),
      }
    })
}

/** Clicks, impressions, CTR and impression-weighted position of several rows together. */
export function totalOf(rows: readonly Metrics[]): Metrics {
  const clicks = rows.reduce((sum, r) => sum + r.clicks, 0)
  const impressions = rows.reduce((sum, r) => sum + r.impressions, 0)
  const weighted = rows.reduce((sum, r) => sum + r.position * r.impressions, 0)
  return {
    clicks,
    impressions,
    ctr: impressions ? clicks / impressions : 0,
    position: impressions ? weighted / impressions : 0,
  }
}

/** Every word of the query (letters and digits, two or more) in the page's address. */
export function addressHoldsQuery(page: string, query: string): boolean {
  const words = wordsOf(query)
  if (words.length === 0) return false
  let path = page
  try {
    path = decodeURIComponent(new URL(page).pathname)
  } catch {
    // Compared as given.
  }
  const inAddress = new Set(wordsOf(path))
  return words.every((w) => inAddress.has(w))
}

const wordsOf = (text: string) =>
  text
    .toLocaleLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2)

function pagesByQuery(queryPages: readonly Row[]): Map<string, Row[]> {
  const map = new Map<string, Row[]>()
  for (const row of queryPages) {
    const query = row.keys[0] ?? ''
    map.set(query, [...(map.get(query) ?? []), row])
  }
  return map
}

function topQueryByPage(queryPages: readonly Row[]): Map<string, string> {
  const best = new Map<string, Row>()
  for (const row of queryPages) {
    const page = row.keys[1] ?? ''
    const current = best.get(page)
    if (!current || byImpressions(row, current) < 0) best.set(page, row)
  }
  return new Map([...best].map(([page, row]) => [page, row.keys[0] ?? '']))
}
