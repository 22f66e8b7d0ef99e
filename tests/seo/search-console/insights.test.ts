/**
 * The rules that turn a site's Search Console rows into strategy (quick wins, cannibalisation,
 * gaps, top rows with their change), on fixture data whose answers were worked out by hand.
 */
import { describe, expect, test } from 'bun:test'
import {
  addressHoldsQuery,
  cannibalisation,
  gaps,
  quickWins,
  type Row,
  topRows,
  totalOf,
} from '../../../server/features/seo/search-console/insights'
import { aggregate } from '../../support/fake-search-console/data'
import { COLD, CURRENT, GUIDE, HOME, oneDay, PREVIOUS, RATIO, SHOP } from './fixtures'

const DAY = '2026-11-20'
const rowsBy = (dimensions: string[], facts = oneDay(DAY, CURRENT)): Row[] =>
  aggregate(facts, { startDate: DAY, endDate: DAY, dimensions, rowLimit: 25_000 })
const queries = rowsBy(['QUERY'])
const queryPages = rowsBy(['QUERY', 'PAGE'])

describe('quick wins: positions 4-20 with at least 100 impressions', () => {
  test('the four known ones, most impressions first, each with its best page', () => {
    const wins = quickWins(queries, queryPages)
    expect(wins.map((w) => [w.id, w.query, w.impressions, w.page])).toEqual([
      ['w1', 'pour over coffee', 1600, GUIDE],
      ['w2', 'cold brew ratio', 300, COLD],
      ['w3', 'how to grind coffee', 250, GUIDE],
      ['w4', 'pour over', 205, RATIO],
    ])
    // Impression-weighted position: (7.2 * 1200 + 11 * 400) / 1600.
    expect(wins[0]?.position).toBeCloseTo(8.15, 5)
  })

  test('outside the rule: position 2.1 (already top), 24 (too far), 95 impressions (too few)', () => {
    const names = quickWins(queries, queryPages).map((w) => w.query)
    expect(names).not.toContain('coffee beans online')
    expect(names).not.toContain('v60 vs chemex')
    expect(names).not.toContain('espresso machine')
  })
})

describe('cannibalisation: one query, two or more pages with a real share', () => {
  test('the two known queries and their competing pages', () => {
    const found = cannibalisation(queryPages)
    expect(found.map((c) => [c.id, c.query, c.impressions, c.pages.map((p) => p.page)])).toEqual([
      ['c1', 'pour over coffee', 1600, [GUIDE, RATIO]],
      ['c2', 'northwind coffee', 70, [SHOP, HOME]],
    ])
  })

  test('a page with 5 of 205 impressions does not compete', () => {
    expect(cannibalisation(queryPages).map((c) => c.query)).not.toContain('pour over')
  })
})

describe('gaps: impressions and no dedicated page', () => {
  test('the three known gaps, with the pages that show up instead', () => {
    expect(gaps(queries, queryPages).map((g) => [g.id, g.query, g.impressions, g.pages])).toEqual([
      ['g1', 'how to grind coffee', 250, [GUIDE]],
      ['g2', 'espresso machine', 95, [SHOP]],
      ['g3', 'v60 vs chemex', 60, [RATIO]],
    ])
  })

  test('dedicated: the page address holds every word, or the query is the page’s top query', () => {
    expect(addressHoldsQuery(RATIO, 'pour over')).toBe(true)
    expect(addressHoldsQuery(COLD, 'cold brew ratio')).toBe(false)
    const names = gaps(queries, queryPages).map((g) => g.query)
    expect(names).not.toContain('pour over')
    expect(names).not.toContain('cold brew ratio')
    expect(names).not.toContain('northwind coffee')
  })
})

describe('top rows and totals', () => {
  test('by clicks, with the period before where the key had impressions', () => {
    const previous = rowsBy(['QUERY'], oneDay(DAY, PREVIOUS))
    const top = topRows(queries, previous, 'q', 3)
    expect(top.map((r) => [r.id, r.key, r.clicks])).toEqual([
      ['q1', 'coffee beans online', 120],
      ['q2', 'northwind coffee', 45],
      ['q3', 'pour over coffee', 36],
    ])
    expect(top[2]?.previous?.position).toBe(12)
    expect(top[1]?.previous).toBeUndefined()
  })

  test('totals weight the position by impressions', () => {
    const total = totalOf([
      { clicks: 1, impressions: 100, ctr: 0.01, position: 2 },
      { clicks: 3, impressions: 300, ctr: 0.01, position: 10 },
    ])
    expect(total).toEqual({ clicks: 4, impressions: 400, ctr: 0.01, position: 8 })
    expect(totalOf([])).toEqual({ clicks: 0, impressions: 0, ctr: 0, position: 0 })
  })
})
