/**
 * The demo site's Search Console data (the fake Search Console serves it to the demo stack): a
 * coffee roaster's queries and pages over the last 56 days, rising gently with a weekly rhythm,
 * so the diagnosis has real-looking top rows, the strategy board has quick wins, competing pages
 * and gaps to cite, and the sparklines have a shape.
 */
import { periods } from '../../../server/features/seo/search-console/periods'
import type { Fact } from '../fake-search-console'

export const DEMO_PROPERTY = 'sc-domain:northwind-coffee.test'
const SITE = 'https://northwind-coffee.test'

/** 28-day totals of the current period per query and page. */
const ROWS = [
  {
    query: 'pour over coffee',
    page: `${SITE}/guides/pour-over/`,
    clicks: 42,
    impressions: 1800,
    position: 7.4,
  },
  {
    query: 'pour over coffee',
    page: `${SITE}/blog/pour-over-ratio/`,
    clicks: 9,
    impressions: 520,
    position: 11.2,
  },
  {
    query: 'single origin coffee beans',
    page: `${SITE}/shop/`,
    clicks: 160,
    impressions: 1300,
    position: 2.3,
  },
  {
    query: 'cold brew ratio',
    page: `${SITE}/blog/cold-brew/`,
    clicks: 14,
    impressions: 420,
    position: 12.8,
  },
  {
    query: 'how to grind coffee',
    page: `${SITE}/guides/pour-over/`,
    clicks: 3,
    impressions: 380,
    position: 16.5,
  },
  {
    query: 'ethiopian coffee',
    page: `${SITE}/origins/ethiopia/`,
    clicks: 38,
    impressions: 610,
    position: 5.1,
  },
  {
    query: 'coffee subscription',
    page: `${SITE}/subscription/`,
    clicks: 25,
    impressions: 300,
    position: 8.9,
  },
  {
    query: 'v60 vs chemex',
    page: `${SITE}/blog/pour-over-ratio/`,
    clicks: 1,
    impressions: 140,
    position: 23.0,
  },
  {
    query: 'espresso grind size',
    page: `${SITE}/shop/`,
    clicks: 0,
    impressions: 120,
    position: 19.0,
  },
  { query: 'northwind coffee', page: `${SITE}/`, clicks: 90, impressions: 140, position: 1.1 },
]

/** Day-by-day facts for both periods: the earlier one about 20% lower. */
export function demoFacts(now = new Date()): Fact[] {
  const { current, previous } = periods(now)
  const start = Date.parse(`${previous.startDate}T00:00:00Z`)
  const facts: Fact[] = []
  for (let d = 0; d < 56; d++) {
    const date = new Date(start + d * 86_400_000).toISOString().slice(0, 10)
    // 0.8 in the earlier period rising to 1.2, with weekends lower.
    const factor = (0.8 + (0.4 * d) / 55) * (d % 7 === 5 || d % 7 === 6 ? 0.75 : 1.08)
    const drift = date > previous.endDate ? 0 : 1.5
    for (const row of ROWS) {
      facts.push({
        date,
        query: row.query,
        page: row.page,
        clicks: Math.round((row.clicks / 28) * factor),
        impressions: Math.max(1, Math.round((row.impressions / 28) * factor)),
        position: row.position + drift,
      })
    }
  }
  return facts.filter((f) => f.date <= current.endDate)
}
