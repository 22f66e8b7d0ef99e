/**
 * A small site's Search Console data with known answers (see insights.test.ts): 28-day totals per
 * query and page, written out so each rule's outcome can be checked by hand.
 */
import type { Fact } from '../../support/fake-search-console'

export const SITE = 'https://northwind.test'
export const GUIDE = `${SITE}/pour-over-guide/`
export const RATIO = `${SITE}/blog/pour-over-coffee-ratio/`
export const SHOP = `${SITE}/shop/`
export const COLD = `${SITE}/blog/cold-brew/`
export const HOME = `${SITE}/`

export interface Totals {
  query: string
  page: string
  clicks: number
  impressions: number
  position: number
}

/** The last 28 days. */
export const CURRENT: Totals[] = [
  { query: 'pour over coffee', page: GUIDE, clicks: 30, impressions: 1200, position: 7.2 },
  { query: 'pour over coffee', page: RATIO, clicks: 6, impressions: 400, position: 11 },
  { query: 'coffee beans online', page: SHOP, clicks: 120, impressions: 900, position: 2.1 },
  { query: 'cold brew ratio', page: COLD, clicks: 9, impressions: 300, position: 14 },
  { query: 'how to grind coffee', page: GUIDE, clicks: 2, impressions: 250, position: 18 },
  { query: 'v60 vs chemex', page: RATIO, clicks: 1, impressions: 60, position: 24 },
  { query: 'espresso machine', page: SHOP, clicks: 0, impressions: 95, position: 9 },
  { query: 'northwind coffee', page: SHOP, clicks: 25, impressions: 40, position: 1 },
  { query: 'northwind coffee', page: HOME, clicks: 20, impressions: 30, position: 1.5 },
  { query: 'pour over', page: GUIDE, clicks: 0, impressions: 5, position: 30 },
  { query: 'pour over', page: RATIO, clicks: 4, impressions: 200, position: 6 },
]

/** The 28 days before. */
export const PREVIOUS: Totals[] = [
  { query: 'pour over coffee', page: GUIDE, clicks: 12, impressions: 900, position: 12 },
  { query: 'coffee beans online', page: SHOP, clicks: 100, impressions: 850, position: 2.5 },
]

/** The same totals as facts of one day (the fake sums them as Search Console does). */
export const oneDay = (date: string, rows: Totals[]): Fact[] => rows.map((r) => ({ date, ...r }))
