/**
 * The saved documents hold all of a project and a profile: what one browser saved through the
 * real library routes reopens in another browser (its own device store) with every part shown
 * (grounding with Google's search suggestions, knowledge notes, the analysis' notes, the chat;
 * the brand's assets and analysis notes), and documents saved before those parts were kept
 * still open, without them.
 */
import { beforeEach, describe, expect, test } from 'bun:test'
import * as v from 'valibot'
import { createLibraryApi } from '../../client/src/api/library'
import {
  applyAnalysis,
  emptyBrandDocument,
  fromProfileDocument,
  toProfileDocument,
} from '../../client/src/stores/brand-document'
import { createDocumentSync, draftKey } from '../../client/src/stores/document-sync'
import { memoryKeyValue, persistence, setPersistence } from '../../client/src/stores/persistence'
import { newSeoDocument, withChatEntry } from '../../client/src/stores/seo-document'
import { fromProjectDocument, toProjectDocument } from '../../client/src/stores/seo-library'
import { silentLogger } from '../../server/core/logger'
import { saveRecord } from '../../server/features/library/records'
import { SeoProjectDocument } from '../../server/features/library/schemas'
import { MAX_CHAT_ENTRIES, MAX_CHAT_TEXT } from '../../server/features/library/schemas/chat'
import type { BlobStore } from '../../server/storage/types'
import { localStore } from '../library/support'
import { buildTestApp } from '../support/app'
import { workspaceDoc } from './seo-project-fixture'

let store: BlobStore
let app: ReturnType<typeof buildTestApp>['app']

/** A browser of its own: the library API over the app, and an empty device store. */
function browser() {
  const fetch = (input: RequestInfo | URL, init?: RequestInit) =>
    Promise.resolve(app.request(String(input), init))
  setPersistence({
    library: createLibraryApi('http://studio.test/', fetch),
    device: memoryKeyValue(),
  })
}

beforeEach(() => {
  store = localStore()
  app = buildTestApp({ deps: { store } }).app
})

type Kind = 'seo-projects' | 'brand-profiles'

async function saveFrom(kind: Kind, id: string, document: unknown) {
  browser()
  const sync = createDocumentSync(kind, { delayMs: 1 })
  sync.attach(id)
  sync.schedule(document as never)
  await sync.flush()
  expect(sync.status.value).toBe('saved')
}

async function openIn<K extends Kind>(kind: K, id: string) {
  browser()
  return createDocumentSync(kind).open(id)
}

describe('an SEO project in another browser', () => {
  test('its saved document passes the server schema with every part it shows', () => {
    const parsed = v.safeParse(SeoProjectDocument, toProjectDocument(workspaceDoc()))
    expect(parsed.issues).toBeUndefined()
  })

  test('reopens with everything the first browser showed', async () => {
    const doc = workspaceDoc()
    await saveFrom('seo-projects', doc.id, toProjectDocument(doc))
    const saved = await openIn('seo-projects', doc.id)
    expect(saved).toBeDefined()
    if (saved) expect(fromProjectDocument(doc.id, saved)).toEqual(doc)
  })

  test('shows Google’s search suggestions with each grounded answer', async () => {
    const doc = workspaceDoc()
    await saveFrom('seo-projects', doc.id, toProjectDocument(doc))
    const saved = await openIn('seo-projects', doc.id)
    const back = saved && fromProjectDocument(doc.id, saved)
    expect(back?.diagnosis?.searchEntryPoints).toEqual(doc.diagnosis?.searchEntryPoints ?? [])
    expect(back?.competitors?.searchEntryPoints).toEqual(doc.competitors?.searchEntryPoints)
    expect(back?.analysis?.searchEntryPoints).toEqual(doc.analysis?.searchEntryPoints ?? [])
    expect(back?.research?.searchEntryPoints).toEqual(doc.research?.searchEntryPoints)
    expect(back?.diagnosis?.searchEntryPoints[0]).toContain('class="chip"')
  })

  test('a project saved before grounding and the chat were kept opens without them', async () => {
    const { steps, ...old } = toProjectDocument(newSeoDocument('https://shop.example', 'old-1'))
    const { chat: _chat, ...before } = old
    const diagnosis = { coreInsight: 'Guides are missing', contentSeoHealthScore: 58 }
    const document = { ...before, steps: { diagnosis }, updated: new Date().toISOString() }
    const scope = { store, workspace: 'default', kind: 'seo-projects' as const, log: silentLogger }
    await saveRecord(scope, 'old-1', { document: document as never }, '0')

    const saved = await openIn('seo-projects', 'old-1')
    const back = saved && fromProjectDocument('old-1', saved)
    expect(back?.diagnosis?.coreInsight).toBe('Guides are missing')
    expect(back?.diagnosis?.searchEntryPoints).toEqual([])
    expect(back?.diagnosis?.sources).toEqual([])
    expect(back?.chat).toEqual([])
  })
})

test('a draft an older version of the app kept, with an edit the schema refuses, opens with that edit', async () => {
  browser()
  const title = 'An edit far too long '.repeat(20)
  const { chat: _chat, ...old } = toProjectDocument(
    newSeoDocument('https://shop.example', 'draft-1')
  )
  const document = {
    ...old,
    steps: {
      diagnosis: { coreInsight: 'Guides are missing' },
      brief: { mainKeyword: 'pour over', titleSuggestion: title },
    },
  }
  await persistence().device.set(draftKey('seo-projects', 'draft-1'), {
    document,
    keptAt: new Date().toISOString(),
  })
  const sync = createDocumentSync('seo-projects')
  const opened = await sync.open('draft-1', true)
  const back = opened && fromProjectDocument('draft-1', opened)
  expect(sync.error.value?.fieldIssues.map((i) => i.field)).toEqual(['steps.brief.titleSuggestion'])
  expect(back?.brief?.titleSuggestion).toBe(title.trim())
  expect(back?.diagnosis?.searchEntryPoints).toEqual([])
  expect(back?.chat).toEqual([])
})

describe('the chat', () => {
  test('keeps the newest lines, as many as the saved document holds', () => {
    let chat = withChatEntry([], { id: 'first', role: 'user', text: 'Hello' })
    for (let i = 0; i < MAX_CHAT_ENTRIES; i++) {
      chat = withChatEntry(chat, { id: `m${i}`, role: 'agent', text: `Line ${i}` })
    }
    expect(chat).toHaveLength(MAX_CHAT_ENTRIES)
    expect(chat[0]?.id).toBe('m0')
    expect(chat.at(-1)?.id).toBe(`m${MAX_CHAT_ENTRIES - 1}`)
  })

  test('a line longer than the saved document holds is cut to fit', () => {
    const [line] = withChatEntry([], {
      id: 'm1',
      role: 'agent',
      text: 'x'.repeat(MAX_CHAT_TEXT + 5),
    })
    expect(line?.text).toHaveLength(MAX_CHAT_TEXT)
  })
})

const mediaRef = (seed: string) => {
  const id = `${new Bun.CryptoHasher('sha256').update(seed).digest('hex')}.png`
  return { id, url: `/media/${id}`, mimeType: 'image/png', size: 1234, width: 64, height: 64 }
}

function analysedBrand() {
  const asset = (seed: string, kind: 'logo' | 'image') => ({
    media: mediaRef(seed),
    sourceUrl: `https://shop.example/${seed}.png`,
    kind,
    mimeType: 'image/png',
    size: 1234,
  })
  const result = {
    profile: {
      brandName: 'Northwind',
      industry: 'Coffee',
      overview: '',
      values: [],
      audience: '',
      voice: { tone: 'warm', style: 'plain' },
      productsAndServices: [],
      marketPosition: '',
      suggestedTargetKeywords: ['pour over'],
      limitedInformation: { isLimited: false, reason: '' },
    },
    textProfile: '# Northwind',
    kit: { colors: [], fonts: [], social: [] },
    assets: { logos: [asset('logo', 'logo')], images: [asset('hero', 'image')] },
    sources: [{ title: 'Northwind', url: 'https://shop.example/' }],
    warnings: ['Skipped the image https://shop.example/big.png: too large.'],
  }
  return applyAnalysis(emptyBrandDocument(), 'https://shop.example/', result as never)
}

describe('a brand profile in another browser', () => {
  test('comes back with its asset grid and what the analysis read', async () => {
    const doc = analysedBrand()
    await saveFrom('brand-profiles', 'brand-shop-example', toProfileDocument(doc))
    const saved = await openIn('brand-profiles', 'brand-shop-example')
    const back = saved && fromProfileDocument(saved)
    expect(back?.assets).toEqual(doc.assets)
    expect(back?.assets.logos[0]?.url).toBe(`/media/${back?.assets.logos[0]?.id}`)
    expect(back?.analysedUrl).toBe('https://shop.example/')
    expect(back?.sources).toEqual(doc.sources)
    expect(back?.warnings).toEqual(doc.warnings)
  })

  test('a profile saved before assets were kept opens with an empty grid', async () => {
    const old = { title: 'Old', profile: emptyBrandDocument().profile }
    await saveFrom('brand-profiles', 'brand-old', old)
    const saved = await openIn('brand-profiles', 'brand-old')
    const back = saved && fromProfileDocument(saved)
    expect(back?.assets).toEqual({ logos: [], images: [] })
    expect(back?.warnings).toEqual([])
  })
})
