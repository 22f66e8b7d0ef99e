/**
 * The API document and the routes cannot disagree: every route in Hono's route tables (the API
 * and the media URLs) has an operation in `/api/openapi.json`, every operation a route, and the
 * document passes the OpenAPI linter (Redocly's recommended-strict rules) without a problem.
 */
import { describe, expect, test } from 'bun:test'
import { createConfig, lintFromString } from '@redocly/openapi-core'
import { Hono } from 'hono'
import { createApi, routeTable } from '../../server/api'
import { openApiPath, routesOf } from '../../server/core/openapi/build'
import { describe as describeRoute } from '../../server/core/openapi/route-doc'
import { apiDocument } from '../../server/features/docs/document'
import { buildTestApp } from '../support/app'

const { app, deps } = buildTestApp()
const routes = routesOf(routeTable(createApi(deps), deps))
const res = await app.request('/api/openapi.json')
const source = await res.text()
const doc = JSON.parse(source) as { paths: Record<string, Record<string, { operationId: string }>> }

/** `/api/library/{kind}/{id}` -> a pattern for the concrete paths an expanded route gives. */
const patternOf = (path: string) =>
  new RegExp(`^${openApiPath(path).replace(/\{[^}]+\}/g, '[^/]+')}$`)

const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
  Object.keys(item).map((method) => ({ method: method.toUpperCase(), path }))
)

describe('/api/openapi.json', () => {
  test('is OpenAPI 3.1, cached, open without a key', async () => {
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toStartWith('application/json')
    expect(JSON.parse(source).openapi).toBe('3.1.0')
    const { app: keyed } = buildTestApp({ env: { API_KEYS: 'k-1' } })
    expect((await keyed.request('/api/openapi.json')).status).toBe(200)
    expect((await keyed.request('/api/docs')).status).toBe(200)
    expect((await keyed.request('/api/library/brand-profiles')).status).toBe(401)
  })

  test('every route has an operation', () => {
    expect(routes.length).toBeGreaterThan(45)
    const missing = routes
      .filter(
        (r) => !operations.some((o) => o.method === r.method && patternOf(r.path).test(o.path))
      )
      .map((r) => `${r.method} ${r.path}`)
    expect(missing).toEqual([])
  })

  test('every operation has a route', () => {
    const orphans = operations
      .filter((o) => !routes.some((r) => r.method === o.method && patternOf(r.path).test(o.path)))
      .map((o) => `${o.method} ${o.path}`)
    expect(orphans).toEqual([])
  })

  test('a route without a description is left out, and the walk finds it', async () => {
    const extra = new Hono()
      .get(
        '/api/described',
        describeRoute({
          operationId: 'described',
          summary: 'Described',
          tag: 'System',
          responses: { 200: { description: 'OK' } },
          examples: [{ summary: 'Once', status: 200 }],
        }),
        (c) => c.text('ok')
      )
      .get('/api/undescribed', (c) => c.text('ok'))
    const built = await apiDocument(extra.routes)
    expect(Object.keys(built.paths)).toEqual(['/api/described'])
    expect(routesOf(extra.routes).map((r) => r.path)).toEqual([
      '/api/described',
      '/api/undescribed',
    ])
  })

  test('operation ids are unique; each operation has a summary, a tag and an example', () => {
    const all = Object.values(doc.paths).flatMap((item) => Object.values(item)) as unknown as {
      operationId: string
      summary: string
      tags: string[]
      'x-examples': unknown[]
      'x-codeSamples': { lang: string }[]
    }[]
    expect(new Set(all.map((o) => o.operationId)).size).toBe(all.length)
    for (const op of all) {
      expect(op.summary.length).toBeGreaterThan(3)
      expect(op.tags).toHaveLength(1)
      expect(op['x-examples'].length).toBeGreaterThan(0)
      expect(op['x-codeSamples'].map((s) => s.lang)).toEqual(['Shell', 'TypeScript', 'Python'])
    }
  })

  test('passes the OpenAPI linter (Redocly recommended-strict) with no problem', async () => {
    const config = await createConfig({ extends: ['recommended-strict'] })
    const problems = await lintFromString({ source, absoluteRef: 'openapi.json', config })
    expect(problems.map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`)).toEqual(
      []
    )
    // About two seconds of CPU for the whole document: more on a busy machine.
  }, 60_000)
})
