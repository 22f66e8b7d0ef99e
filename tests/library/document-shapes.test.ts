/**
 * Saved documents across versions of the app. A `PUT` is a request: an unknown field is a 400
 * naming it, `null` for an optional field is the field left out. A stored document is read in
 * today's shape (defaults for fields added since, fields no longer known left out), so saving
 * back what was read always passes; an export file imports whatever version wrote it.
 */
import { describe, expect, test } from 'bun:test'
import { documentKey } from '../../server/features/library/keys'
import { buildTestApp } from '../support/app'
import {
  brandProfile,
  create,
  etagOf,
  get,
  json,
  libraryApp,
  localStore,
  post,
  seoProject,
  update,
} from './support'

const fresh = () => libraryApp(localStore())

/** Writes a document straight into the store, as an older (or newer) version of the app did. */
async function storeAsWritten(
  store: ReturnType<typeof localStore>,
  kind: 'seo-projects' | 'brand-profiles',
  id: string,
  document: unknown
) {
  await store.put(
    documentKey('default', kind, id),
    new TextEncoder().encode(JSON.stringify({ document })),
    {
      contentType: 'application/json',
      ifGenerationMatch: '0',
    }
  )
}

describe('a PUT body', () => {
  test('with an unknown field is 400 naming it, and nothing is stored', async () => {
    const { app } = fresh()
    const res = await create(app, 'brand-profiles/acme', { ...brandProfile('Acme'), colour: 'red' })
    expect(res.status).toBe(400)
    const body = await json(res)
    expect(body.error.details.issues).toEqual([
      {
        field: 'colour',
        message: 'Unknown field: leave it out',
        rule: { code: 'unknown_field', params: {} },
      },
    ])
    expect((await get(app, 'brand-profiles/acme')).status).toBe(404)
  })

  test('with null for an optional field saves it as absent', async () => {
    const { app } = fresh()
    const res = await create(app, 'seo-projects/tents', {
      ...seoProject('Tents'),
      profile: null,
      article: null,
    })
    expect(res.status).toBe(201)
    const { document } = await json(res)
    expect(document.profile).toBeUndefined()
    expect(document.article).toBeUndefined()
  })
})

describe('a stored document of an older shape', () => {
  const older = {
    title: 'Tents from 2025',
    updated: '2025-06-01T10:00:00.000Z',
    site: { url: 'https://acme.example' },
    // Fields this version does not know: one since removed, one a newer version added.
    legacyNotes: 'kept in the old app',
    steps: { brief: { mainKeyword: 'ultralight tents', retiredField: 1 } },
  }

  test('loads in today’s shape: defaults filled in, unknown fields left out', async () => {
    const { app, store } = fresh()
    await storeAsWritten(store, 'seo-projects', 'old', older)
    const res = await get(app, 'seo-projects/old')
    expect(res.status).toBe(200)
    const { document } = await json(res)
    expect(document).toMatchObject({
      title: 'Tents from 2025',
      currentStep: 1,
      chat: [],
      articleVersions: [],
    })
    expect(document.legacyNotes).toBeUndefined()
    expect(document.steps.brief.retiredField).toBeUndefined()
  })

  test('saved back as read, it passes', async () => {
    const { app, store } = fresh()
    await storeAsWritten(store, 'seo-projects', 'old', older)
    const read = await get(app, 'seo-projects/old')
    const { document } = await json(read)
    const res = await update(
      app,
      'seo-projects/old',
      { ...document, title: 'Tents, renamed' },
      etagOf(read)
    )
    expect(res.status).toBe(200)
  })

  test('one that no longer fits the schema is still answered, as stored', async () => {
    const store = localStore()
    // What the document promises does not hold for this one: the contract check is off.
    const { app, logLines } = buildTestApp({ deps: { store }, contract: false })
    const broken = { title: 'No site', legacy: true }
    await storeAsWritten(store, 'seo-projects', 'broken', broken)
    const res = await get(app, 'seo-projects/broken')
    expect(res.status).toBe(200)
    expect((await json(res)).document).toEqual(broken)
    expect(logLines.some((l) => l.includes('does not fit its schema'))).toBe(true)
  })
})

describe('an export file', () => {
  test('written by another version imports, its unknown fields left out', async () => {
    const { app } = fresh()
    const file = {
      format: 'ais-studio.library-export',
      formatVersion: 1,
      kind: 'brand-profiles',
      id: 'acme',
      exportedBy: 'a newer version',
      document: { ...brandProfile('Acme'), legacyScore: 3 },
      media: [],
    }
    const res = await post(app, 'brand-profiles/import', file)
    expect(res.status).toBe(201)
    const { document } = await json(res)
    expect(document.title).toBe('Acme')
    expect(document.legacyScore).toBeUndefined()
  })
})
