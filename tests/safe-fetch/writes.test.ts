/**
 * The safe fetcher's writes (publishing to a user's CMS): the method and body reach the site at
 * the checked address, a redirect is refused rather than replayed elsewhere, the address rules
 * are the same as for reads, and an error answer's body can be read (the API's error JSON).
 */
import { afterAll, describe, expect, test } from 'bun:test'
import { AppError } from '../../server/core/errors'
import { safeFetch } from '../../server/core/safe-fetch'
import { startFakeSite, testPolicy } from '../support/fake-site'

const site = await startFakeSite()
afterAll(() => site.stop())
const received: { method: string; body: string }[] = []
site.route('cms.test', '/wp-json/wp/v2/posts', async (request) => {
  received.push({ method: request.method, body: await request.text() })
  return Response.json({ id: 7 }, { status: 201 })
})
site.route(
  'cms.test',
  '/wp-json/wp/v2/moved',
  () => new Response(null, { status: 307, headers: { Location: '/wp-json/wp/v2/posts' } })
)
site.route('cms.test', '/wp-json/wp/v2/refused', () =>
  Response.json({ code: 'rest_cannot_create', message: 'No.' }, { status: 403 })
)

const write = (path: string, policy = testPolicy(site)) =>
  safeFetch(`${site.origin('cms.test')}${path}`, {
    policy,
    method: 'POST',
    body: JSON.stringify({ title: 'x' }),
    headers: { 'Content-Type': 'application/json' },
    accept: ['application/json'],
    maxBytes: 1024,
    timeoutMs: 2_000,
    errorBodyBytes: 1024,
  })

describe('writes through the safe fetcher', () => {
  test('the method and body reach the site', async () => {
    const response = await write('/wp-json/wp/v2/posts')
    expect(response.status).toBe(201)
    expect(received.at(-1)).toEqual({ method: 'POST', body: '{"title":"x"}' })
  })

  test('a redirect is refused, never replayed elsewhere', async () => {
    const before = received.length
    const error = await write('/wp-json/wp/v2/moved').catch((e) => e)
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('url_not_allowed')
    expect(received.length).toBe(before)
  })

  test('the address rules hold for writes too', async () => {
    const error = await write('/wp-json/wp/v2/posts', testPolicy(site, { strict: true })).catch(
      (e) => e
    )
    expect((error as AppError).code).toBe('url_not_allowed')
  })

  test('an error answer’s body is read when asked for', async () => {
    const response = await write('/wp-json/wp/v2/refused')
    expect(response.ok).toBe(false)
    expect(JSON.parse(new TextDecoder().decode(response.body)).code).toBe('rest_cannot_create')
  })
})
