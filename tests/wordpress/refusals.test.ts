/**
 * The WordPress routes' refusals that need no WordPress: without SECRETS_KEY nothing can be
 * saved (503 naming the variable), publishing before connecting is a 400, a bad body names its
 * field, an internal address is refused by the safe fetcher, and the connection answer of an
 * unconnected workspace says so.
 */
import { describe, expect, test } from 'bun:test'
import { buildTestApp, postJson } from '../support/app'

const SECRETS_KEY = Buffer.alloc(32, 9).toString('base64')
const put = (app: ReturnType<typeof buildTestApp>['app'], body: unknown) =>
  app.request('/api/seo/wordpress/connection', {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
const connection = {
  siteUrl: 'https://blog.example.com',
  username: 'editor',
  applicationPassword: 'abcd efgh',
}

describe('WordPress refusals', () => {
  test('without SECRETS_KEY: 503 naming the variable', async () => {
    const response = await put(buildTestApp().app, connection)
    expect(response.status).toBe(503)
    expect((await response.json()).error.details.variable).toBe('SECRETS_KEY')
  })

  test('not connected: the connection says so, a publish is a 400', async () => {
    const { app } = buildTestApp({ env: { SECRETS_KEY } })
    expect(await (await app.request('/api/seo/wordpress/connection')).json()).toEqual({
      connected: false,
    })
    const response = await postJson(app, '/api/seo/wordpress/publish', {
      projectId: 'p-1',
      article: '# Hi',
      title: 'Hi',
    })
    expect(response.status).toBe(400)
    expect((await response.json()).error.code).toBe('wordpress_not_connected')
  })

  test('a bad body names its field; an internal address is refused', async () => {
    const { app } = buildTestApp({ env: { SECRETS_KEY } })
    const bad = await put(app, { ...connection, siteUrl: 'not a site' })
    expect(bad.status).toBe(400)
    expect((await bad.json()).error.details.issues[0].field).toBe('siteUrl')
    const internal = await put(app, { ...connection, siteUrl: 'http://metadata.google.internal' })
    expect(internal.status).toBe(400)
    expect((await internal.json()).error.code).toBe('url_not_allowed')
  })
})
