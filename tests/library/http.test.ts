/**
 * The library API's HTTP rules that do not depend on the store: paths, ids, preconditions,
 * content types, queries, caching headers and the body limits.
 */
import { describe, expect, test } from 'bun:test'
import {
  brandProfile,
  create,
  del,
  etagOf,
  get,
  json,
  libraryApp,
  localStore,
  post,
  put,
  seoProject,
  update,
} from './support'

const open = () => libraryApp(localStore())

const errorOf = async (res: Response, status: number) => {
  expect(res.status).toBe(status)
  return (await json(res)).error
}

describe('paths', () => {
  test('an unknown kind is 404 for every method, before anything else is checked', async () => {
    const { app } = open()
    for (const res of [
      await get(app, 'videos'),
      await get(app, 'videos/x'),
      await create(app, 'videos/x', { not: 'checked' }),
      await del(app, 'videos/x', { 'If-Match': '"1"' }),
      await post(app, 'videos/import', {}),
    ]) {
      expect((await errorOf(res, 404)).code).toBe('not_found')
    }
  })

  test.each(['Upper', '-lead', 'a_b', 'x'.repeat(65)])('the id %p is 400', async (id) => {
    const { app } = open()
    const error = await errorOf(await create(app, `brand-profiles/${id}`, brandProfile('A')), 400)
    expect(error.details.issues[0].field).toBe('id')
    expect((await get(app, `brand-profiles/${id}`)).status).toBe(400)
  })
})

describe('preconditions', () => {
  test('a PUT with neither header is 428, even before its body is read', async () => {
    const { app } = open()
    const error = await errorOf(await put(app, 'brand-profiles/a', '{not json'), 428)
    expect(error.code).toBe('precondition_required')
    expect(error.message).toContain('If-Match')
  })

  test.each([
    ['both headers', { 'If-Match': '"1"', 'If-None-Match': '*' }],
    ['If-None-Match other than *', { 'If-None-Match': '"1"' }],
    ['If-Match: *', { 'If-Match': '*' }],
    ['a list of ETags', { 'If-Match': '"1", "2"' }],
  ])('%s is 400 invalid_precondition', async (_, headers) => {
    const { app } = open()
    const error = await errorOf(await put(app, 'brand-profiles/a', brandProfile('A'), headers), 400)
    expect(error.code).toBe('invalid_precondition')
  })

  test('an ETag that is not ours (weak, or made up) never matches: 412 with the current one', async () => {
    const { app } = open()
    const created = await create(app, 'brand-profiles/a', brandProfile('A'))
    for (const foreign of [`W/${etagOf(created)}`, '"abc"', 'unquoted']) {
      const res = await update(app, 'brand-profiles/a', brandProfile('B'), foreign)
      expect(res.status).toBe(412)
      expect(etagOf(res)).toBe(etagOf(created))
    }
  })

  test('DELETE takes If-Match only', async () => {
    const { app } = open()
    await create(app, 'brand-profiles/a', brandProfile('A'))
    const error = await errorOf(await del(app, 'brand-profiles/a', { 'If-None-Match': '*' }), 400)
    expect(error.code).toBe('invalid_precondition')
  })
})

describe('bodies', () => {
  test('a body that is not JSON is 415; malformed JSON is 400 malformed_json', async () => {
    const { app } = open()
    const text = await app.request('/api/library/brand-profiles/a', {
      method: 'PUT',
      headers: { 'Content-Type': 'text/plain', 'If-None-Match': '*' },
      body: '{}',
    })
    expect(text.status).toBe(415)
    const malformed = await put(app, 'brand-profiles/a', '{"title":', { 'If-None-Match': '*' })
    expect((await errorOf(malformed, 400)).code).toBe('malformed_json')
  })

  test('other API routes keep the 1 MB default limit', async () => {
    const { app } = open()
    const res = await app.request('/api/seo/diagnosis', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ url: 'https://a.example', padding: 'x'.repeat(1.5 * 1024 * 1024) }),
    })
    expect(res.status).toBe(413)
  })
})

describe('listing queries and caching', () => {
  test.each([
    ['limit=0', 'limit'],
    ['limit=201', 'limit'],
    ['limit=ten', 'limit'],
    ['cursor=bm90LWEtY3Vyc29y', 'cursor'],
  ])('%s is 400 naming %s', async (query, field) => {
    const { app } = open()
    const error = await errorOf(await get(app, `brand-profiles?${query}`), 400)
    expect(error.details.issues[0].field).toBe(field)
  })

  test('an empty kind lists nothing, with no cursor', async () => {
    const { app } = open()
    expect(await json(await get(app, 'seo-projects'))).toEqual({ items: [] })
  })

  test('documents are revalidated on every use; listings and writes are not cached', async () => {
    const { app } = open()
    const created = await create(app, 'brand-profiles/a', brandProfile('A'))
    expect(created.headers.get('Cache-Control')).toBe('no-store')
    expect((await get(app, 'brand-profiles/a')).headers.get('Cache-Control')).toBe(
      'private, no-cache'
    )
    expect((await get(app, 'brand-profiles')).headers.get('Cache-Control')).toBe('no-store')
  })
})

describe('import and export', () => {
  test('exporting a document that does not exist is 404', async () => {
    const { app } = open()
    expect((await get(app, 'brand-profiles/none/export')).status).toBe(404)
  })

  test('a file of another kind, or with no id anywhere, is 400', async () => {
    const { app } = open()
    await create(app, 'brand-profiles/a', brandProfile('A'))
    const file = await json(await get(app, 'brand-profiles/a/export'))
    const wrongKind = await post(app, 'seo-projects/import', file)
    expect(
      (await errorOf(wrongKind, 400)).details.issues.map((i: { field: string }) => i.field)
    ).toContain('kind')
    const { id: _, ...anonymous } = file
    const noId = await post(app, 'brand-profiles/import', anonymous)
    expect((await errorOf(noId, 400)).details.issues[0].field).toBe('id')
    expect((await post(app, 'brand-profiles/import?id=Bad_Id', file)).status).toBe(400)
  })

  test('an imported SEO project starts a new article history at version 1', async () => {
    const { app } = open()
    const v1 = await create(app, 'seo-projects/p', seoProject('P', '# one'))
    await update(app, 'seo-projects/p', seoProject('P', '# two', 'polish'), etagOf(v1))
    const file = await json(await get(app, 'seo-projects/p/export'))
    const imported = await json(await post(app, 'seo-projects/import?id=p-copy', file))
    expect(imported.document.article).toMatchObject({
      markdown: '# two',
      source: 'import',
      version: 1,
    })
    expect(imported.document.articleVersions).toHaveLength(1)
  })
})

test('a stored document that cannot be read is a 502, not a crash or invented data', async () => {
  const { app, store } = open()
  await create(app, 'brand-profiles/a', brandProfile('A'))
  await store.put('library/default/brand-profiles/a.json', new TextEncoder().encode('nope'), {
    contentType: 'application/json',
  })
  expect((await errorOf(await get(app, 'brand-profiles/a'), 502)).code).toBe('library_unreadable')
})
