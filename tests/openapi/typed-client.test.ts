/**
 * The TypeScript samples of the document use the typed client as a consumer would: `hc<AppType>`
 * with `AppType` from `ais-studio/api` (package.json `exports`). This test makes the same call
 * against the app, so the sample compiles (typecheck) and answers.
 */
import { expect, test } from 'bun:test'
import type { AppType } from 'ais-studio/api'
import { hc } from 'hono/client'
import { buildTestApp } from '../support/app'

test('the typed client of the samples reaches the API', async () => {
  const { app } = buildTestApp()
  const api = hc<AppType>('http://localhost', {
    fetch: (input: RequestInfo | URL, init?: RequestInit) =>
      app.request(input instanceof Request ? input.url : String(input), init),
  })
  const res = await api.api.capabilities.$get()
  expect(res.status).toBe(200)
  const body = await res.json()
  expect(body.authRequired).toBe(false)
})
