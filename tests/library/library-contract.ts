/**
 * The library API as one suite, run over every store (local disk; Cloud Storage through the real
 * library and the fake JSON API), so saved work behaves the same on both.
 */
import { describe, expect, test } from 'bun:test'
import { indexKey } from '../../server/features/library/keys'
import { saveMedia } from '../../server/storage/media'
import type { BlobStore } from '../../server/storage/types'
import {
  type App,
  brandProfile,
  create,
  del,
  etagOf,
  get,
  imageSeries,
  json,
  type LibraryUnderTest,
  libraryApp,
  post,
  seoProject,
  update,
} from './support'

type Open = (env?: Record<string, string>) => LibraryUnderTest

const listAll = async (app: App, kind: string, limit = 100, headers = {}) => {
  const res = await get(app, `${kind}?limit=${limit}`, headers)
  expect(res.status).toBe(200)
  return (await json<{ items: { id: string; title: string }[] }>(res)).items
}

export function libraryContract(name: string, openStore: () => BlobStore) {
  const open: Open = (env) => libraryApp(openStore(), env)

  describe(`library contract: ${name}`, () => {
    test('create with If-None-Match: * answers 201 with the document, its ETag and Location', async () => {
      const { app } = open()
      const res = await create(app, 'brand-profiles/acme', {
        ...brandProfile('Acme'),
        updated: '2000-01-01T00:00:00.000Z',
      })
      expect(res.status).toBe(201)
      expect(res.headers.get('Location')).toBe('/api/library/brand-profiles/acme')
      const body = await json(res)
      expect(body.id).toBe('acme')
      expect(body.kind).toBe('brand-profiles')
      expect(body.etag).toBe(etagOf(res))
      expect(body.document.title).toBe('Acme')
      // The server sets `updated`.
      expect(body.document.updated).not.toBe('2000-01-01T00:00:00.000Z')
      expect(Date.now() - Date.parse(body.document.updated)).toBeLessThan(60_000)
    })

    test('read gives the stored document with the same ETag; If-None-Match gives 304', async () => {
      const { app } = open()
      const created = await create(app, 'image-series/s1', imageSeries('Launch'))
      const res = await get(app, 'image-series/s1')
      expect(res.status).toBe(200)
      expect(etagOf(res)).toBe(etagOf(created))
      expect((await json(res)).document).toEqual((await json(created)).document)
      const again = await get(app, 'image-series/s1', { 'If-None-Match': etagOf(res) })
      expect(again.status).toBe(304)
      expect((await get(app, 'image-series/missing')).status).toBe(404)
    })

    test('an update naming the current ETag replaces the document and gets a new ETag', async () => {
      const { app } = open()
      const created = await create(app, 'brand-profiles/acme', brandProfile('Acme'))
      const res = await update(app, 'brand-profiles/acme', brandProfile('Acme v2'), etagOf(created))
      expect(res.status).toBe(200)
      expect(etagOf(res)).not.toBe(etagOf(created))
      const read = await get(app, 'brand-profiles/acme')
      expect((await json(read)).document.title).toBe('Acme v2')
      expect(etagOf(read)).toBe(etagOf(res))
    })

    test('an update naming a stale ETag is 412 with the current ETag, and changes nothing', async () => {
      const { app } = open()
      const v1 = await create(app, 'brand-profiles/acme', brandProfile('v1'))
      const v2 = await update(app, 'brand-profiles/acme', brandProfile('v2'), etagOf(v1))
      const stale = await update(app, 'brand-profiles/acme', brandProfile('v3'), etagOf(v1))
      expect(stale.status).toBe(412)
      expect(etagOf(stale)).toBe(etagOf(v2))
      const error = (await json(stale)).error
      expect(error.code).toBe('precondition_failed')
      expect(error.details).toEqual({ reason: 'changed', currentEtag: etagOf(v2) })
      expect((await json(await get(app, 'brand-profiles/acme'))).document.title).toBe('v2')
    })

    test('creating a taken id is 412 with the existing ETag', async () => {
      const { app } = open()
      const first = await create(app, 'seo-projects/p1', seoProject('First'))
      const second = await create(app, 'seo-projects/p1', seoProject('Second'))
      expect(second.status).toBe(412)
      expect((await json(second)).error.details.reason).toBe('exists')
      expect(etagOf(second)).toBe(etagOf(first))
    })

    test('an update of a document that does not exist is 412 (missing), and creates nothing', async () => {
      const { app } = open()
      const res = await update(app, 'brand-profiles/ghost', brandProfile('Ghost'), '"123"')
      expect(res.status).toBe(412)
      expect((await json(res)).error.details).toEqual({ reason: 'missing', currentEtag: null })
      expect((await get(app, 'brand-profiles/ghost')).status).toBe(404)
    })

    for (const [kind, body] of [
      ['brand-profiles', (i: number) => brandProfile(`writer ${i}`)],
      ['seo-projects', (i: number) => seoProject(`writer ${i}`, `# Draft by writer ${i}`)],
    ] as const) {
      test(`two concurrent writers of one ${kind} document: exactly one wins, the other gets 412`, async () => {
        const { app } = open()
        const base = await create(app, `${kind}/doc`, body(0))
        const results = await Promise.all(
          [1, 2].map((i) => update(app, `${kind}/doc`, body(i), etagOf(base)))
        )
        const statuses = results.map((r) => r.status).sort()
        expect(statuses).toEqual([200, 412])
        const winner = results.find((r) => r.status === 200) as Response
        const loser = results.find((r) => r.status === 412) as Response
        expect(etagOf(loser)).toBe(etagOf(winner))
        const stored = await json(await get(app, `${kind}/doc`))
        expect(stored.document.title).toBe((await json(winner)).document.title)
      })
    }

    test('of many concurrent creators of one id exactly one gets 201', async () => {
      const { app } = open()
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) => create(app, 'image-series/once', imageSeries(`c${i}`)))
      )
      expect(results.map((r) => r.status).sort()).toEqual([201, 412, 412, 412, 412, 412])
      expect(await listAll(app, 'image-series')).toHaveLength(1)
    })

    test('delete needs If-Match; a stale one is 412; the current one deletes (204), then 404', async () => {
      const { app } = open()
      const v1 = await create(app, 'brand-profiles/acme', brandProfile('v1'))
      const v2 = await update(app, 'brand-profiles/acme', brandProfile('v2'), etagOf(v1))
      expect((await del(app, 'brand-profiles/acme')).status).toBe(428)
      const stale = await del(app, 'brand-profiles/acme', { 'If-Match': etagOf(v1) })
      expect(stale.status).toBe(412)
      expect(etagOf(stale)).toBe(etagOf(v2))
      const gone = await del(app, 'brand-profiles/acme', { 'If-Match': etagOf(v2) })
      expect(gone.status).toBe(204)
      expect((await get(app, 'brand-profiles/acme')).status).toBe(404)
      expect((await del(app, 'brand-profiles/acme', { 'If-Match': etagOf(v2) })).status).toBe(404)
      expect(await listAll(app, 'brand-profiles')).toEqual([])
    })

    test('a listing pages through every document once, newest first, summaries only', async () => {
      const { app } = open()
      for (let i = 1; i <= 7; i++) {
        expect((await create(app, `brand-profiles/b${i}`, brandProfile(`Brand ${i}`))).status).toBe(
          201
        )
        await Bun.sleep(2) // distinct save times
      }
      const seen: { id: string; title: string; updated: string; size: number }[] = []
      let cursor: string | undefined
      let pages = 0
      do {
        const res = await get(app, `brand-profiles?limit=3${cursor ? `&cursor=${cursor}` : ''}`)
        const page = await json(res)
        expect(page.items.length).toBeLessThanOrEqual(3)
        seen.push(...page.items)
        cursor = page.nextCursor
        pages++
      } while (cursor && pages < 10)
      expect(pages).toBe(3)
      expect(seen.map((s) => s.id)).toEqual(['b7', 'b6', 'b5', 'b4', 'b3', 'b2', 'b1'])
      expect(Object.keys(seen[0] ?? {}).sort()).toEqual(['id', 'size', 'title', 'updated'])
      expect(seen[0]?.size).toBeGreaterThan(0)
    })

    test('an updated document moves to the top of the listing with its new title', async () => {
      const { app } = open()
      const first = await create(app, 'seo-projects/old', seoProject('Old'))
      await Bun.sleep(2)
      await create(app, 'seo-projects/new', seoProject('New'))
      await Bun.sleep(2)
      await update(app, 'seo-projects/old', seoProject('Old, renamed'), etagOf(first))
      expect((await listAll(app, 'seo-projects')).map((s) => s.title)).toEqual([
        'Old, renamed',
        'New',
      ])
    })

    test('after the index is deleted the listing is rebuilt from the store, and the index with it', async () => {
      const { app, store } = open()
      for (const id of ['a', 'b', 'c'])
        await create(app, `image-series/${id}`, imageSeries(`Series ${id}`))
      expect(await store.delete(indexKey('default', 'image-series'))).toBe(true)
      const items = await listAll(app, 'image-series')
      expect(items.map((i) => i.id).sort()).toEqual(['a', 'b', 'c'])
      expect(items.find((i) => i.id === 'b')?.title).toBe('Series b')
      expect(await store.head(indexKey('default', 'image-series'))).toBeDefined()
    })

    test('an unreadable index is rebuilt too', async () => {
      const { app, store } = open()
      await create(app, 'brand-profiles/x', brandProfile('X'))
      await store.put(indexKey('default', 'brand-profiles'), new TextEncoder().encode('{oops'), {
        contentType: 'application/json',
      })
      expect((await listAll(app, 'brand-profiles')).map((i) => i.title)).toEqual(['X'])
      await create(app, 'brand-profiles/y', brandProfile('Y'))
      expect(await listAll(app, 'brand-profiles')).toHaveLength(2)
    })

    test('one workspace cannot read, list, overwrite or delete another’s documents', async () => {
      const { app, store } = open({ API_KEYS: 'acme:key-acme-123,beta:key-beta-456' })
      const acme = { Authorization: 'Bearer key-acme-123' }
      const beta = { 'X-Api-Key': 'key-beta-456' }
      const mine = await create(app, 'brand-profiles/shared-id', brandProfile('Acme’s'), acme)
      expect(mine.status).toBe(201)
      expect((await get(app, 'brand-profiles/shared-id', beta)).status).toBe(404)
      expect(await listAll(app, 'brand-profiles', 100, beta)).toEqual([])
      expect(
        (await update(app, 'brand-profiles/shared-id', brandProfile('Beta’s'), etagOf(mine), beta))
          .status
      ).toBe(412)
      expect(
        (await del(app, 'brand-profiles/shared-id', { ...beta, 'If-Match': etagOf(mine) })).status
      ).toBe(404)
      // Beta may use the same id for a document of its own.
      expect(
        (await create(app, 'brand-profiles/shared-id', brandProfile('Beta’s'), beta)).status
      ).toBe(201)
      const read = await json(await get(app, 'brand-profiles/shared-id', acme))
      expect(read.document.title).toBe('Acme’s')
      expect(read.etag).toBe(etagOf(mine))
      expect((await store.list('library/acme/')).items.map((i) => i.key)).toContain(
        'library/acme/brand-profiles/shared-id.json'
      )
      expect((await store.list('library/beta/')).items.map((i) => i.key)).toContain(
        'library/beta/brand-profiles/shared-id.json'
      )
    })

    test('a body over 2 MB is 413; one over the 1 MB API default is accepted', async () => {
      const { app } = open()
      const series = (items: number, promptLength: number) => ({
        ...imageSeries('Big', items),
        items: imageSeries('Big', items).items.map((item) => ({
          ...item,
          prompt: 'x '.repeat(promptLength / 2),
        })),
      })
      const large = series(150, 8_000) // about 1.2 MB
      expect(JSON.stringify(large).length).toBeGreaterThan(1024 * 1024)
      expect((await create(app, 'image-series/large', large)).status).toBe(201)
      const tooLarge = series(300, 8_000) // about 2.4 MB
      const res = await create(app, 'image-series/too-large', tooLarge)
      expect(res.status).toBe(413)
      expect((await json(res)).error.code).toBe('payload_too_large')
      expect((await get(app, 'image-series/too-large')).status).toBe(404)
    })

    test('a document that does not match its schema is 400 with field issues, not echoed', async () => {
      const { app } = open()
      const bad = imageSeries('Bad')
      ;(bad.items[0] as Record<string, unknown>).mediaId = 'not-a-media-id-secretish'
      const res = await create(app, 'image-series/bad', { ...bad, title: '' })
      expect(res.status).toBe(400)
      const text = await res.text()
      const { error } = JSON.parse(text)
      expect(error.code).toBe('invalid_input')
      expect(error.details.issues.map((i: { field: string }) => i.field).sort()).toEqual([
        'items.0.mediaId',
        'title',
      ])
      expect(text).not.toContain('not-a-media-id-secretish')
      expect((await get(app, 'image-series/bad')).status).toBe(404)
    })

    test('embedded image data is refused (400 inline_media naming the field), nothing stored', async () => {
      const { app } = open()
      const pixel = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk'
      const article = seoProject('Inline', `# Title\n\n![hero](data:image/png;base64,${pixel})`)
      const res = await create(app, 'seo-projects/inline', article)
      expect(res.status).toBe(400)
      const { error } = await json(res)
      expect(error.code).toBe('inline_media')
      expect(error.details.issues).toEqual([
        { field: 'article.markdown', message: expect.any(String) },
      ])
      const series = imageSeries('Inline')
      ;(series.items[1] as Record<string, unknown>).src = 'A'.repeat(300)
      const second = await create(app, 'image-series/inline', series)
      expect((await json(second)).error.details.issues[0].field).toBe('items.1.src')
      expect(await listAll(app, 'seo-projects')).toEqual([])
      expect((await get(app, 'image-series/inline')).status).toBe(404)
    })

    test('export then import round-trips a document with its media list', async () => {
      const { app, store } = open()
      const series = imageSeries('Round trip')
      const stored = await saveMedia(store, new TextEncoder().encode('png bytes'), 'image/png')
      ;(series.items[0] as Record<string, unknown>).mediaId = stored.id
      await create(app, 'image-series/trip', series)
      const exported = await get(app, 'image-series/trip/export')
      expect(exported.status).toBe(200)
      expect(exported.headers.get('Content-Disposition')).toBe(
        'attachment; filename="image-series-trip.json"'
      )
      const file = await json(exported)
      expect(file).toMatchObject({
        format: 'ais-studio.library-export',
        formatVersion: 1,
        kind: 'image-series',
        id: 'trip',
      })
      expect(file.media).toEqual([
        { id: stored.id, url: `/media/${stored.id}`, mimeType: 'image/png', size: stored.size },
        { id: series.items[1]?.mediaId, url: `/media/${series.items[1]?.mediaId}`, missing: true },
      ])
      const imported = await post(app, 'image-series/import?id=trip-copy', file)
      expect(imported.status).toBe(201)
      const body = await json(imported)
      expect(body.id).toBe('trip-copy')
      expect(body.missingMedia).toEqual([series.items[1]?.mediaId])
      const { updated: _a, ...original } = file.document
      const { updated: _b, ...copy } = (await json(await get(app, 'image-series/trip-copy')))
        .document
      expect(copy).toEqual(original)
      const again = await post(app, 'image-series/import?id=trip-copy', file)
      expect(again.status).toBe(409)
      expect((await json(again)).error.code).toBe('already_exists')
    })

    test('an article version can be restored; the restore is a new version', async () => {
      const { app } = open()
      const v1 = await create(app, 'seo-projects/p', seoProject('Project', '# Draft one', 'write'))
      const v2 = await update(
        app,
        'seo-projects/p',
        seoProject('Project', '# Polished two', 'polish'),
        etagOf(v1)
      )
      const list = await get(app, 'seo-projects/p/versions')
      const versions = await json(list)
      expect(
        versions.items.map((v: { version: number; source: string }) => [v.version, v.source])
      ).toEqual([
        [2, 'polish'],
        [1, 'write'],
      ])
      expect(versions.etag).toBe(etagOf(v2))
      const restored = await post(app, 'seo-projects/p/versions/1/restore', undefined, {
        'If-Match': etagOf(v2),
      })
      expect(restored.status).toBe(200)
      const { document } = await json(restored)
      expect(document.article).toMatchObject({
        markdown: '# Draft one',
        source: 'restore',
        version: 3,
        restoredFrom: 1,
      })
      expect(document.articleVersions[0]).toMatchObject({
        version: 3,
        source: 'restore',
        restoredFrom: 1,
      })
      const read = await json(await get(app, 'seo-projects/p'))
      expect(read.document.article.markdown).toBe('# Draft one')
      expect(read.etag).toBe(etagOf(restored))
    })
  })
}
