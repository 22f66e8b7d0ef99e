/**
 * The contract check itself (tests/support/contract.ts) fails what the document does not
 * describe: a field it does not name, a wrong type, a status it does not list, a route it does
 * not have, an event of a stream it does not know.
 */
import { describe, expect, test } from 'bun:test'
import { testConfig } from '../support/app'
import { checkAnswer, contractDocument } from '../support/contract'

const doc = await contractDocument(testConfig())
const jsonAnswer = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
const check = (path: string, response: Response, method = 'GET') =>
  checkAnswer(doc, new Request(`http://localhost${path}`, { method }), response)

describe('the contract check', () => {
  test('passes an answer the document describes', async () => {
    const res = await check('/api/library/brand-profiles', jsonAnswer({ items: [] }))
    expect(res.status).toBe(200)
  })

  test('fails a field the document does not name', async () => {
    await expect(
      check('/api/library/brand-profiles', jsonAnswer({ items: [], total: 0 }))
    ).rejects.toThrow('additional properties')
  })

  test('fails a wrong type', async () => {
    await expect(
      check('/api/library/brand-profiles', jsonAnswer({ items: 'none' }))
    ).rejects.toThrow('must be array')
  })

  test('fails a status the operation does not list', async () => {
    await expect(
      check(
        '/api/library/brand-profiles',
        jsonAnswer({ error: { code: 'x', message: 'x' }, requestId: 'r' }, 418)
      )
    ).rejects.toThrow('status not documented')
  })

  test('fails a route the document does not have, unless it is a generic 404', async () => {
    await expect(check('/api/no-such-route', jsonAnswer({ spent: 1 }))).rejects.toThrow(
      'no operation'
    )
    const notFound = jsonAnswer({ error: { code: 'not_found', message: 'x' }, requestId: 'r' }, 404)
    expect((await check('/api/no-such-route', notFound)).status).toBe(404)
  })

  test('fails an event the stream does not document', async () => {
    const stream = new Response(
      'event: delta\ndata: {"text":"a"}\n\nevent: surprise\ndata: {}\n\n',
      {
        headers: { 'Content-Type': 'text/event-stream' },
      }
    )
    const res = await check('/api/seo/write-article', stream, 'POST')
    await expect(res.text()).rejects.toThrow('event "surprise" not documented')
  })

  test('fails an event whose data does not match', async () => {
    const stream = new Response('event: delta\ndata: {"text":1}\n\n', {
      headers: { 'Content-Type': 'text/event-stream' },
    })
    const res = await check('/api/seo/write-article', stream, 'POST')
    await expect(res.text()).rejects.toThrow('does not match')
  })
})
