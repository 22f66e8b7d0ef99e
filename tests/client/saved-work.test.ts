/**
 * Saved work from the client's side, against the real library routes in-process (the client's
 * API wrapper with the app as its fetch, a memory store for this device): the workspace document
 * maps onto the server's schema and back (all of it: saved-documents.test.ts); autosave names
 * the version it replaces; a newer version elsewhere stops the save until the user chooses
 * (theirs or mine); a draft waits on the device while the server is unreachable and is saved
 * when it is back; article versions restore through the API.
 */
import { beforeEach, describe, expect, test } from 'bun:test'
import * as v from 'valibot'
import { createLibraryApi } from '../../client/src/api/library'
import { createDocumentSync, type Draft, draftKey } from '../../client/src/stores/document-sync'
import { type KeyValue, memoryKeyValue, setPersistence } from '../../client/src/stores/persistence'
import { fromProjectDocument, toProjectDocument } from '../../client/src/stores/seo-library'
import { SeoProjectDocument } from '../../server/features/library/schemas'
import { buildTestApp } from '../support/app'
import { workspaceDoc } from './seo-project-fixture'

let device: KeyValue
let offline = false
let otherDevice: ReturnType<typeof createLibraryApi>

beforeEach(() => {
  const { app } = buildTestApp()
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    if (offline) throw new TypeError('Failed to fetch')
    return app.request(input instanceof Request ? input : String(input), init)
  }
  device = memoryKeyValue()
  offline = false
  setPersistence({ library: createLibraryApi('http://studio.test/', fetch), device })
  otherDevice = createLibraryApi('http://studio.test/', (input, init) =>
    Promise.resolve(app.request(String(input), init))
  )
})

describe('the SEO project document', () => {
  test('maps onto the server schema: picks, the step reached, the article', () => {
    const saved = toProjectDocument(workspaceDoc())
    const parsed = v.safeParse(SeoProjectDocument, saved)
    expect(parsed.issues).toBeUndefined()
    expect(saved.steps.selectedCompetitorIds).toEqual(['c1', 'manual-1'])
    expect(saved.currentStep).toBe(6)
    expect(saved.article?.source).toBe('write')
  })

  test('comes back from the server with manual picks apart and the brief confirmed', async () => {
    const doc = workspaceDoc()
    const stored = await otherDevice.put('seo-projects', doc.id, toProjectDocument(doc))
    const back = fromProjectDocument(doc.id, stored.document)
    expect(back.competitors?.manual.map((c) => c.id)).toEqual(['manual-1'])
    expect(back.briefConfirmed).toBe(true)
    expect(back.article).toBe(doc.article)
  })
})

const brandDoc = (name: string) => ({
  title: name,
  profile: {
    globalInfo: {
      brand_name: name,
      brand_industry: '',
      brand_voice: { tone: '', style: '', values: [] },
      negative_keywords_global: [],
    },
    projects: [],
  },
})

describe('autosave', () => {
  test('creates the document, then replaces the version it saved', async () => {
    const sync = createDocumentSync('brand-profiles', { delayMs: 1 })
    sync.attach('brand-a')
    sync.schedule(brandDoc('First'))
    await sync.flush()
    expect(sync.status.value).toBe('saved')
    const first = sync.etag()
    sync.schedule(brandDoc('Second'))
    await sync.flush()
    expect(sync.etag()).not.toBe(first)
    expect((await otherDevice.get('brand-profiles', 'brand-a'))?.document.title).toBe('Second')
  })

  test('a newer version saved elsewhere stops the save and asks; "reload theirs" gives theirs', async () => {
    const sync = createDocumentSync('brand-profiles', { delayMs: 1 })
    sync.attach('brand-a')
    sync.schedule(brandDoc('Mine 1'))
    await sync.flush()
    const current = await otherDevice.get('brand-profiles', 'brand-a')
    await otherDevice.put('brand-profiles', 'brand-a', brandDoc('Theirs'), current?.etag)

    sync.schedule(brandDoc('Mine 2'))
    await sync.flush()
    expect(sync.status.value).toBe('conflict')
    expect(sync.conflict.value?.theirs?.document.title).toBe('Theirs')
    expect((await otherDevice.get('brand-profiles', 'brand-a'))?.document.title).toBe('Theirs')

    const theirs = await sync.resolve('theirs')
    expect(theirs?.title).toBe('Theirs')
    expect(sync.status.value).toBe('saved')
    expect(await device.get(draftKey('brand-profiles', 'brand-a'))).toBeUndefined()
  })

  test('"keep mine" saves over theirs, naming their fresh version', async () => {
    const sync = createDocumentSync('brand-profiles', { delayMs: 1 })
    sync.attach('brand-a')
    sync.schedule(brandDoc('Mine 1'))
    await sync.flush()
    const current = await otherDevice.get('brand-profiles', 'brand-a')
    await otherDevice.put('brand-profiles', 'brand-a', brandDoc('Theirs'), current?.etag)
    sync.schedule(brandDoc('Mine 2'))
    await sync.flush()

    await sync.resolve('mine')
    expect(sync.status.value).toBe('saved')
    expect((await otherDevice.get('brand-profiles', 'brand-a'))?.document.title).toBe('Mine 2')
  })

  test('while the server cannot be reached the draft waits on this device, then is saved', async () => {
    const sync = createDocumentSync('brand-profiles', { delayMs: 1, retryDelayMs: () => 5 })
    sync.attach('brand-a')
    sync.schedule(brandDoc('Saved'))
    await sync.flush()
    const base = sync.etag()

    offline = true
    sync.schedule(brandDoc('Offline edit'))
    await sync.flush()
    expect(sync.status.value).toBe('offline')
    const draft = (await device.get(draftKey('brand-profiles', 'brand-a'))) as Draft<unknown>
    expect(draft.baseEtag).toBe(base)

    offline = false
    for (let i = 0; i < 50 && sync.status.value !== 'saved'; i++) await Bun.sleep(5)
    expect(sync.status.value).toBe('saved')
    expect((await otherDevice.get('brand-profiles', 'brand-a'))?.document.title).toBe(
      'Offline edit'
    )
    expect(await device.get(draftKey('brand-profiles', 'brand-a'))).toBeUndefined()
  })

  test('a draft made on an older version than the server has is a conflict when opened', async () => {
    const stored = await otherDevice.put('brand-profiles', 'brand-a', brandDoc('Server 1'))
    await device.set(draftKey('brand-profiles', 'brand-a'), {
      document: brandDoc('Draft'),
      baseEtag: stored.etag,
      keptAt: new Date().toISOString(),
    })
    await otherDevice.put('brand-profiles', 'brand-a', brandDoc('Server 2'), stored.etag)

    const sync = createDocumentSync('brand-profiles', { delayMs: 1 })
    const opened = await sync.open('brand-a')
    expect(opened?.title).toBe('Draft')
    expect(sync.status.value).toBe('conflict')
    expect(sync.conflict.value?.theirs?.document.title).toBe('Server 2')
  })

  test('a draft whose save landed without its answer is not a conflict (same content, texts trimmed)', async () => {
    const first = await otherDevice.put('brand-profiles', 'brand-a', brandDoc('Server 1'))
    await otherDevice.put('brand-profiles', 'brand-a', brandDoc('Landed'), first.etag)
    await device.set(draftKey('brand-profiles', 'brand-a'), {
      document: { ...brandDoc('Landed'), title: 'Landed  ' },
      baseEtag: first.etag,
      keptAt: new Date().toISOString(),
    })
    const sync = createDocumentSync('brand-profiles', { delayMs: 1 })
    await sync.open('brand-a')
    expect(sync.status.value).toBe('saved')
    expect(sync.conflict.value).toBeUndefined()
    expect(await device.get(draftKey('brand-profiles', 'brand-a'))).toBeUndefined()
  })

  test('a document the schema refuses is not sent: the save stops with the field named', async () => {
    const sync = createDocumentSync('brand-profiles', { delayMs: 1 })
    sync.attach('brand-a')
    sync.schedule({ ...brandDoc('Bad'), title: '' })
    await sync.flush()
    expect(sync.status.value).toBe('error')
    expect(sync.error.value?.fieldIssues[0]?.field).toBe('title')
    expect(await otherDevice.get('brand-profiles', 'brand-a')).toBeUndefined()
  })

  test('a draft made on the version the server still has is saved when opened', async () => {
    const stored = await otherDevice.put('brand-profiles', 'brand-a', brandDoc('Server 1'))
    await device.set(draftKey('brand-profiles', 'brand-a'), {
      document: brandDoc('Draft'),
      baseEtag: stored.etag,
      keptAt: new Date().toISOString(),
    })
    const sync = createDocumentSync('brand-profiles', { delayMs: 1 })
    await sync.open('brand-a')
    expect(sync.status.value).toBe('saved')
    expect((await otherDevice.get('brand-profiles', 'brand-a'))?.document.title).toBe('Draft')
  })
})

describe('article versions', () => {
  test('each new text is a version; restoring one is a new version that can be restored back', async () => {
    const doc = workspaceDoc()
    const sync = createDocumentSync('seo-projects', { delayMs: 1 })
    sync.attach(doc.id)
    sync.schedule(toProjectDocument(doc))
    await sync.flush()
    sync.schedule(toProjectDocument({ ...doc, article: '# Polished', articleSource: 'polish' }))
    await sync.flush()

    const list = await otherDevice.versions(doc.id)
    expect(list.items.map((i) => [i.version, i.source])).toEqual([
      [2, 'polish'],
      [1, 'write'],
    ])
    const restored = await otherDevice.restore(doc.id, 1, sync.etag() ?? '')
    expect(restored.document.article?.markdown).toBe(doc.article)
    expect(restored.document.article?.version).toBe(3)
    expect(restored.document.articleVersions[0]?.restoredFrom).toBe(1)
    const undone = await otherDevice.restore(doc.id, 2, restored.etag)
    expect(undone.document.article?.markdown).toBe('# Polished')
  })
})
