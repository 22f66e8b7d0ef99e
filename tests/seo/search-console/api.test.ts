/**
 * Search Console through the app, against the wire-level fake (tests/support/fake-search-console.ts)
 * with a token from real Application Default Credentials (an external-account file that
 * impersonates a service account; google-auth-library does the exchanges): the property list
 * (and an empty one), the report paged with startRow and capped (the cap reported), kept for the
 * day, the 403 that names the account to add, the quota 429, a page's history.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { buildTestApp, postJson } from '../../support/app'
import {
  type FakeSearchConsole,
  SERVICE_ACCOUNT,
  spread,
  startFakeSearchConsole,
} from '../../support/fake-search-console'
import { CURRENT, GUIDE, PREVIOUS } from './fixtures'

const NOW = new Date('2026-12-07T10:00:00Z')
const PROPERTY = 'sc-domain:northwind.test'
let fake: FakeSearchConsole

beforeAll(async () => {
  fake = await startFakeSearchConsole()
  fake.addProperty(PROPERTY, [
    ...spread('2026-12-04', 28, CURRENT),
    ...spread('2026-11-06', 28, PREVIOUS),
  ])
  fake.addProperty('https://quota.test/', spread('2026-12-04', 28, CURRENT))
  fake.addProperty('https://unverified.test/', [], 'SITE_UNVERIFIED_USER')
  fake.addProperty('sc-domain:new-site.test', [])
})
afterAll(() => fake.stop())

function app(env: Record<string, string> = {}) {
  return buildTestApp({
    env: { SEARCH_CONSOLE_ENDPOINT: fake.url, ...env },
    deps: { searchConsoleAuth: { keyFilename: fake.credentialsFile() }, clock: () => NOW },
  })
}

const report = (a: ReturnType<typeof app>['app'], body: Record<string, unknown>) =>
  postJson(a, '/api/seo/search-console/report', {
    projectId: 'northwind-1',
    property: PROPERTY,
    ...body,
  })

describe('the properties the account can read', () => {
  test('lists readable ones with the account email; an unverified one is left out', async () => {
    const response = await app().app.request('/api/seo/search-console/sites')
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({
      account: SERVICE_ACCOUNT,
      sites: [
        { siteUrl: 'https://quota.test/', permissionLevel: 'SITE_OWNER' },
        { siteUrl: 'sc-domain:new-site.test', permissionLevel: 'SITE_OWNER' },
        { siteUrl: PROPERTY, permissionLevel: 'SITE_OWNER' },
      ],
    })
  })

  test('an account that sees none gets an empty list (Google sends {})', async () => {
    const empty = await startFakeSearchConsole()
    try {
      const { app: a } = buildTestApp({
        env: { SEARCH_CONSOLE_ENDPOINT: empty.url },
        deps: { searchConsoleAuth: { keyFilename: empty.credentialsFile() } },
      })
      const response = await a.request('/api/seo/search-console/sites')
      expect(await response.json()).toEqual({ account: SERVICE_ACCOUNT, sites: [] })
    } finally {
      empty.stop()
    }
  })
})

describe('the report', () => {
  test('28 days against the 28 before, paged with startRow, every row read', async () => {
    fake.queries.length = 0
    const response = await report(app({ SEARCH_CONSOLE_PAGE_ROWS: '3' }).app, {})
    expect(response.status).toBe(200)
    const body = await response.json()
    expect(body.period).toEqual({ startDate: '2026-11-07', endDate: '2026-12-04' })
    expect(body.previousPeriod).toEqual({ startDate: '2026-10-10', endDate: '2026-11-06' })
    expect(body.tables.query).toEqual({ rows: 8, capped: false })
    expect(body.tables.queryPage).toEqual({ rows: 11, capped: false })
    expect(body.quickWins.map((w: { query: string }) => w.query)).toEqual([
      'pour over coffee',
      'cold brew ratio',
      'how to grind coffee',
      'pour over',
    ])
    expect(body.cannibalisation.map((c: { query: string }) => c.query)).toEqual([
      'pour over coffee',
      'northwind coffee',
    ])
    expect(body.gaps.map((g: { query: string }) => g.query)).toEqual([
      'how to grind coffee',
      'espresso machine',
      'v60 vs chemex',
    ])
    expect(body.topQueries[0]).toMatchObject({ key: 'coffee beans online', clicks: 120 })
    expect(body.totals.clicks).toBe(217)
    expect(body.totals.previous.clicks).toBe(112)
    expect(body.daily).toHaveLength(56)
    // The query-and-page table: 11 rows in pages of 3 -> startRow 0, 3, 6, 9.
    const pages = fake.queries
      .filter((q) => JSON.stringify(q.body.dimensions) === '["QUERY","PAGE"]')
      .map((q) => [q.body.startRow, q.body.rowLimit])
    expect(pages).toEqual([
      [0, 3],
      [3, 3],
      [6, 3],
      [9, 3],
    ])
  })

  test('a property without data: empty tables and lists, nothing invented', async () => {
    const response = await report(app().app, { property: 'sc-domain:new-site.test' })
    expect(response.status).toBe(200)
    const body = await response.json()
    expect(body.tables.query).toEqual({ rows: 0, capped: false })
    expect([body.topQueries, body.quickWins, body.cannibalisation, body.gaps, body.daily]).toEqual([
      [],
      [],
      [],
      [],
      [],
    ])
    expect(body.totals).toMatchObject({ clicks: 0, impressions: 0, ctr: 0, position: 0 })
  })

  test('rows are capped and the cap is reported', async () => {
    const response = await report(
      app({ SEARCH_CONSOLE_PAGE_ROWS: '2', SEARCH_CONSOLE_MAX_ROWS: '4' }).app,
      { refresh: true }
    )
    const body = await response.json()
    expect(body.rowCap).toBe(4)
    expect(body.tables.query).toEqual({ rows: 4, capped: true })
    expect(body.tables.previousQuery).toEqual({ rows: 2, capped: false })
  })

  test('kept for the project and the day: asked again, Search Console is not', async () => {
    const { app: a } = app()
    expect((await (await report(a, { refresh: true })).json()).cached).toBe(false)
    const before = fake.queries.length
    const again = await (await report(a, {})).json()
    expect(again.cached).toBe(true)
    expect(fake.queries.length).toBe(before)
    expect((await (await report(a, { projectId: 'other-project' })).json()).cached).toBe(false)
  })

  test('a property the account is not a user of: 403 naming the email to add', async () => {
    const response = await report(app().app, { property: 'sc-domain:someone-else.test' })
    expect(response.status).toBe(403)
    const body = await response.json()
    expect(body.error.code).toBe('search_console_forbidden')
    expect(body.error.details.email).toBe(SERVICE_ACCOUNT)
    expect(body.error.message).toContain(`add ${SERVICE_ACCOUNT} as a user`)
  })

  test('quota: 429 with Retry-After, nothing invented', async () => {
    fake.setQuotaExceeded('https://quota.test/', true)
    const response = await report(app().app, { property: 'https://quota.test/', refresh: true })
    fake.setQuotaExceeded('https://quota.test/', false)
    expect(response.status).toBe(429)
    expect(response.headers.get('retry-after')).toBe('60')
    expect((await response.json()).error.code).toBe('search_console_quota')
  })

  test('an invalid property is a 400 naming the field', async () => {
    const response = await report(app().app, { property: 'northwind.test' })
    expect(response.status).toBe(400)
    expect((await response.json()).error.details.issues[0].field).toBe('property')
  })

  test('the requests are what the discovery document allows, with the service account token', async () => {
    for (const q of fake.queries) {
      expect(
        Object.keys(q.body).every((k) =>
          [
            'startDate',
            'endDate',
            'dimensions',
            'rowLimit',
            'startRow',
            'type',
            'dimensionFilterGroups',
          ].includes(k)
        )
      ).toBe(true)
    }
  })
})

describe('a published page over time', () => {
  test('day by day for the page only', async () => {
    const response = await postJson(app().app, '/api/seo/search-console/page', {
      property: PROPERTY,
      page: GUIDE,
      days: 28,
    })
    expect(response.status).toBe(200)
    const body = await response.json()
    expect(body.days).toHaveLength(28)
    expect(body.totals.clicks).toBe(32)
    expect(body.totals.impressions).toBe(1455)
    const last = fake.queries.at(-1)
    expect(last?.body.dimensionFilterGroups).toEqual([
      { filters: [{ dimension: 'PAGE', operator: 'EQUALS', expression: GUIDE }] },
    ])
  })
})
