/**
 * Article version history of SEO projects: which saves make a version, the bound, the copies in
 * the store, restore rules.
 */
import { describe, expect, test } from 'bun:test'
import { versionsPrefix } from '../../server/features/library/keys'
import { ARTICLE_VERSIONS_KEPT } from '../../server/features/library/schemas/seo-project'
import {
  create,
  del,
  etagOf,
  get,
  json,
  libraryApp,
  localStore,
  post,
  seoProject,
  update,
} from './support'

const open = () => libraryApp(localStore())
const versionsOf = async (app: ReturnType<typeof open>['app'], id = 'p') =>
  (await json(await get(app, `seo-projects/${id}/versions`))).items as {
    version: number
    source: string
    characters: number
    seoTitle?: string
  }[]

describe('which saves make a version', () => {
  test('the first article is version 1, with its metadata', async () => {
    const { app } = open()
    const res = await create(app, 'seo-projects/p', seoProject('P', '# Hello', 'write'))
    expect((await json(res)).document.article.version).toBe(1)
    expect(await versionsOf(app)).toEqual([
      expect.objectContaining({ version: 1, source: 'write', characters: 7, seoTitle: 'P title' }),
    ])
  })

  test('a save that leaves the article as it was keeps its version', async () => {
    const { app } = open()
    const v1 = await create(app, 'seo-projects/p', seoProject('P', '# Same'))
    const renamed = { ...seoProject('P', '# Same'), title: 'P renamed', currentStep: 7 }
    const res = await update(app, 'seo-projects/p', renamed, etagOf(v1))
    expect((await json(res)).document.article.version).toBe(1)
    expect(await versionsOf(app)).toHaveLength(1)
  })

  test('a project without an article has no versions', async () => {
    const { app } = open()
    await create(app, 'seo-projects/p', seoProject('P'))
    expect(await versionsOf(app)).toEqual([])
  })

  test('the history a client sends is ignored: the server keeps its own', async () => {
    const { app } = open()
    const v1 = await create(app, 'seo-projects/p', seoProject('P', '# one'))
    const forged = {
      ...seoProject('P', '# two', 'polish'),
      articleVersions: [
        { version: 99, savedAt: '2020-01-01T00:00:00.000Z', source: 'edit', characters: 1 },
      ],
    }
    await update(app, 'seo-projects/p', forged, etagOf(v1))
    expect((await versionsOf(app)).map((v) => v.version)).toEqual([2, 1])
  })
})

describe('the bound', () => {
  test(`only the last ${ARTICLE_VERSIONS_KEPT} versions are kept, and the copies of older ones are deleted`, async () => {
    const { app, store } = open()
    let etag = etagOf(await create(app, 'seo-projects/p', seoProject('P', '# v1')))
    for (let v = 2; v <= ARTICLE_VERSIONS_KEPT + 2; v++) {
      etag = etagOf(await update(app, 'seo-projects/p', seoProject('P', `# v${v}`, 'edit'), etag))
    }
    const versions = await versionsOf(app)
    expect(versions).toHaveLength(ARTICLE_VERSIONS_KEPT)
    expect(versions[0]?.version).toBe(ARTICLE_VERSIONS_KEPT + 2)
    expect(versions.at(-1)?.version).toBe(3)
    expect((await store.list(versionsPrefix('default', 'p'))).items).toHaveLength(
      ARTICLE_VERSIONS_KEPT
    )
    expect((await get(app, 'seo-projects/p/versions/2')).status).toBe(404)
    const kept = await json(await get(app, 'seo-projects/p/versions/3'))
    expect(kept.article.markdown).toBe('# v3')
  })
})

describe('copies in the store', () => {
  test('one version gives its text and metadata', async () => {
    const { app } = open()
    await create(app, 'seo-projects/p', seoProject('P', '# Text of one'))
    const res = await get(app, 'seo-projects/p/versions/1')
    expect(res.status).toBe(200)
    expect(await json(res)).toMatchObject({
      version: 1,
      source: 'write',
      article: { markdown: '# Text of one', metadata: { seoTitle: 'P title' } },
    })
  })

  test('the loser of two concurrent saves leaves no copy behind', async () => {
    const { app, store } = open()
    const base = await create(app, 'seo-projects/p', seoProject('P', '# base'))
    const results = await Promise.all(
      ['# A', '# B'].map((text) =>
        update(app, 'seo-projects/p', seoProject('P', text), etagOf(base))
      )
    )
    expect(results.map((r) => r.status).sort()).toEqual([200, 412])
    expect((await store.list(versionsPrefix('default', 'p'))).items).toHaveLength(2)
  })

  test('deleting a project deletes its copies', async () => {
    const { app, store } = open()
    const v1 = await create(app, 'seo-projects/p', seoProject('P', '# one'))
    const v2 = await update(app, 'seo-projects/p', seoProject('P', '# two'), etagOf(v1))
    expect((await del(app, 'seo-projects/p', { 'If-Match': etagOf(v2) })).status).toBe(204)
    expect((await store.list(versionsPrefix('default', 'p'))).items).toEqual([])
    expect((await get(app, 'seo-projects/p/versions')).status).toBe(404)
  })
})

describe('restore', () => {
  test('needs If-Match (428), refuses a stale one (412) and names no version that is not kept (404)', async () => {
    const { app } = open()
    const v1 = await create(app, 'seo-projects/p', seoProject('P', '# one'))
    const v2 = await update(app, 'seo-projects/p', seoProject('P', '# two'), etagOf(v1))
    expect((await post(app, 'seo-projects/p/versions/1/restore', undefined)).status).toBe(428)
    const stale = await post(app, 'seo-projects/p/versions/1/restore', undefined, {
      'If-Match': etagOf(v1),
    })
    expect(stale.status).toBe(412)
    expect(etagOf(stale)).toBe(etagOf(v2))
    const unknown = await post(app, 'seo-projects/p/versions/9/restore', undefined, {
      'If-Match': etagOf(v2),
    })
    expect(unknown.status).toBe(404)
    expect(
      (await post(app, 'seo-projects/p/versions/x/restore', undefined, { 'If-Match': etagOf(v2) }))
        .status
    ).toBe(400)
    expect((await json(await get(app, 'seo-projects/p'))).document.article.markdown).toBe('# two')
  })

  test('restoring the current text still records the restore as a version', async () => {
    const { app } = open()
    const v1 = await create(app, 'seo-projects/p', seoProject('P', '# only'))
    const res = await post(app, 'seo-projects/p/versions/1/restore', undefined, {
      'If-Match': etagOf(v1),
    })
    expect((await json(res)).document.article).toMatchObject({ version: 2, restoredFrom: 1 })
  })

  test('an undo of a polish: the restored text is saved, the polish stays in the history', async () => {
    const { app } = open()
    const v1 = await create(app, 'seo-projects/p', seoProject('P', '# draft', 'write'))
    const v2 = await update(
      app,
      'seo-projects/p',
      seoProject('P', '# polished', 'polish'),
      etagOf(v1)
    )
    await post(app, 'seo-projects/p/versions/1/restore', undefined, { 'If-Match': etagOf(v2) })
    expect((await versionsOf(app)).map((v) => [v.version, v.source])).toEqual([
      [3, 'restore'],
      [2, 'polish'],
      [1, 'write'],
    ])
    const polished = await json(await get(app, 'seo-projects/p/versions/2'))
    expect(polished.article.markdown).toBe('# polished')
  })

  test('versions exist only for SEO projects', async () => {
    const { app } = open()
    expect((await get(app, 'brand-profiles/p/versions')).status).toBe(404)
  })
})
