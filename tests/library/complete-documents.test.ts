/**
 * Saved documents carry everything a project and a profile show: the grounding of each grounded
 * SEO step (with Google's search suggestions as sent), the knowledge notes, the analysis'
 * warnings and failures, the chat; a brand profile's collected assets (media by id) and what
 * its analysis read. Documents saved before still pass; every part round-trips through PUT/GET
 * and export/import; the bounds refuse oversize values with a field-level 400.
 */
import { describe, expect, test } from 'bun:test'
import { MAX_BRAND_LOGOS } from '../../server/features/library/schemas/brand-profile'
import { MAX_CHAT_ENTRIES, MAX_CHAT_TEXT } from '../../server/features/library/schemas/chat'
import {
  MAX_GROUNDING_SOURCES,
  MAX_KNOWLEDGE_REFS,
  MAX_SEARCH_ENTRY_POINT_LENGTH,
  MAX_SEARCH_ENTRY_POINTS,
} from '../../server/features/library/schemas/grounding'
import { MAX_ANALYSIS_WARNINGS } from '../../server/features/library/schemas/seo-project'
import { saveMedia } from '../../server/storage/media'
import { redirectFor, renderedContentFor } from '../support/fake-gemini'
import { realisticSearchSuggestions } from '../support/search-entry-point'
import {
  brandProfile,
  create,
  etagOf,
  get,
  json,
  libraryApp,
  localStore,
  mediaId,
  post,
  seoProject,
  update,
} from './support'

const open = () => libraryApp(localStore())

const grounding = (query: string) => ({
  sources: [
    { title: 'coffee-research.example', url: redirectFor('https://coffee-research.example/') },
    {
      title: 'barista-guild.example',
      url: redirectFor('https://barista-guild.example/'),
      domain: 'barista-guild.example',
    },
  ],
  searchQueries: [query],
  searchEntryPoints: [renderedContentFor([query]), realisticSearchSuggestions([query, '手冲咖啡'])],
})

const knowledge = [
  {
    id: 'search-intent',
    title: 'Search intent',
    summary: 'Match it',
    url: '/api/seo/knowledge/search-intent',
  },
]

/** An SEO project with every part a project shows. */
function fullProject() {
  const base = seoProject('Full', '# Pour over\n\nText.')
  return {
    ...base,
    steps: {
      diagnosis: { coreInsight: 'Guides are missing', ...grounding('pour over coffee'), knowledge },
      competitors: [{ id: 'c1', url: 'https://a.example', name: 'A' }],
      competitorsGrounding: grounding('pour over shops'),
      selectedCompetitorIds: ['c1'],
      competitorAnalysis: {
        competitiveLandscape: { overallTrend: 'Guides' },
        competitors: [{ id: 'c1', url: 'https://a.example', name: 'A', contentSeoScore: 70 }],
        ...grounding('a.example guides'),
        knowledge,
        warnings: ['https://a.example was listed twice; it is analyzed once.'],
        failures: [
          { id: 'c2', url: 'https://b.example', code: 'upstream_error', message: 'Failed' },
        ],
      },
      solutions: [{ id: 's1', strategyName: 'Guides' }],
      solutionsKnowledge: knowledge,
      selectedSolution: { id: 's1', strategyName: 'Guides' },
      brief: { mainKeyword: 'pour over', titleSuggestion: 'Pour over at home', knowledge },
      research: { summary: 'Notes', ...grounding('pour over ratio') },
    },
    chat: [
      { id: 'm1', role: 'user', text: 'Go back to the diagnosis' },
      { id: 'm2', role: 'agent', text: 'go_to_step:diagnosis', action: true },
    ],
  }
}

const asset = (id: string, kind: 'logo' | 'image') => ({
  id,
  url: `/media/${id}`,
  mimeType: 'image/png',
  size: 1234,
  width: 64,
  height: 64,
  sourceUrl: `https://acme.example/${kind}.png`,
  kind,
})

/** A brand profile with the assets and notes of its analysis. */
function analysedProfile(logo = mediaId('logo'), image = mediaId('hero')) {
  return {
    ...brandProfile('Acme'),
    assets: { logos: [asset(logo, 'logo')], images: [asset(image, 'image')] },
    analysis: {
      url: 'https://acme.example/',
      sources: [{ title: 'Acme', url: 'https://acme.example/' }],
      warnings: ['Skipped the image https://acme.example/big.png: too large.'],
    },
  }
}

describe('documents saved before', () => {
  test('an SEO project without grounding, knowledge or chat is still valid', async () => {
    const { app } = open()
    expect((await create(app, 'seo-projects/old', seoProject('Old'))).status).toBe(201)
    const { document } = await json(await get(app, 'seo-projects/old'))
    expect(document.steps.brief.mainKeyword).toBe('ultralight tents')
  })

  test('a brand profile without assets or analysis notes is still valid', async () => {
    const { app } = open()
    expect((await create(app, 'brand-profiles/old', brandProfile('Old'))).status).toBe(201)
  })
})

describe('coded notes beside plain ones', () => {
  const coded = {
    code: 'page_skipped',
    params: { url: 'https://acme.example/about', status: 404, reason: 'http_404' },
    message:
      'Skipped the page https://acme.example/about: the site answered HTTP 404 (page not found).',
  }

  test('a profile saved with plain-text notes reads as saved, under the same ETag, and takes coded notes on its next save', async () => {
    const { app } = open()
    const old = analysedProfile()
    const created = await create(app, 'brand-profiles/acme', old)
    const first = await get(app, 'brand-profiles/acme')
    const again = await get(app, 'brand-profiles/acme')
    // Reading never rewrites a document: the version a client holds stays current.
    expect(etagOf(first)).toBe(etagOf(created))
    expect(etagOf(again)).toBe(etagOf(created))
    expect((await json(first)).document.analysis.warnings).toEqual(old.analysis.warnings)

    const next = {
      ...old,
      analysis: { ...old.analysis, warnings: [coded, ...old.analysis.warnings] },
    }
    const saved = await update(app, 'brand-profiles/acme', next, etagOf(first))
    expect(saved.status).toBe(200)
    expect((await json(await get(app, 'brand-profiles/acme'))).document.analysis.warnings).toEqual([
      coded,
      ...old.analysis.warnings,
    ])
    // The old ETag no longer matches: a stale writer gets 412, never a silent overwrite.
    expect((await update(app, 'brand-profiles/acme', old, etagOf(first))).status).toBe(412)
  })

  test('an SEO project keeps coded and plain analysis warnings, in order', async () => {
    const { app } = open()
    const project: Doc = fullProject()
    project.steps.competitorAnalysis.warnings = [
      { code: 'competitor_listed_twice', params: { url: 'https://a.example' }, message: 'x' },
      'https://b.example was listed twice; it is analyzed once.',
    ]
    expect((await create(app, 'seo-projects/mixed', project)).status).toBe(201)
    const { document } = await json(await get(app, 'seo-projects/mixed'))
    expect(document.steps.competitorAnalysis.warnings).toEqual(
      project.steps.competitorAnalysis.warnings
    )
  })

  test.each([
    ['a code that is not one', { code: 'Not A Code', params: {}, message: 'x' }],
    ['a note without its English text', { code: 'page_skipped', params: {} }],
    ['a parameter that is an object', { code: 'page_skipped', params: { url: {} }, message: 'x' }],
  ])('%s is refused at its place', async (_case, note) => {
    const document: Doc = analysedProfile()
    document.analysis.warnings = ['fine', note]
    const res = await create(open().app, 'brand-profiles/bad-note', document)
    expect(res.status).toBe(400)
    const { error } = await json(res)
    expect(error.details.issues[0].field).toStartWith('analysis.warnings.1')
  })
})

describe('round trips', () => {
  test('every part of an SEO project comes back from PUT then GET', async () => {
    const { app } = open()
    const project = fullProject()
    expect((await create(app, 'seo-projects/full', project)).status).toBe(201)
    const { document } = await json(await get(app, 'seo-projects/full'))
    expect(document.steps).toMatchObject(project.steps)
    expect(document.chat).toEqual(project.chat)
  })

  test('a brand profile’s assets and analysis notes come back from PUT then GET', async () => {
    const { app } = open()
    const profile = analysedProfile()
    await create(app, 'brand-profiles/acme', profile)
    const { document } = await json(await get(app, 'brand-profiles/acme'))
    expect([document.assets, document.analysis]).toEqual([profile.assets, profile.analysis])
  })

  test('export lists the brand assets’ media, and import brings every part back', async () => {
    const { app, store } = open()
    const stored = await saveMedia(store, new TextEncoder().encode('png bytes'), 'image/png')
    const missing = mediaId('not here')
    const profile = analysedProfile(stored.id, missing)
    await create(app, 'brand-profiles/acme', profile)
    const file = await json(await get(app, 'brand-profiles/acme/export'))
    expect(file.media).toEqual([
      { id: stored.id, url: `/media/${stored.id}`, mimeType: 'image/png', size: stored.size },
      { id: missing, url: `/media/${missing}`, missing: true },
    ])
    const imported = await json(await post(app, 'brand-profiles/import?id=acme-copy', file))
    expect(imported.missingMedia).toEqual([missing])
    expect([imported.document.assets, imported.document.analysis]).toEqual([
      profile.assets,
      profile.analysis,
    ])
  })

  test('an exported SEO project imports with its grounding and chat', async () => {
    const { app } = open()
    const project = fullProject()
    await create(app, 'seo-projects/full', project)
    const file = await json(await get(app, 'seo-projects/full/export'))
    const imported = await json(await post(app, 'seo-projects/import?id=full-copy', file))
    expect(imported.document.steps).toMatchObject(project.steps)
    expect(imported.document.chat).toEqual(project.chat)
  })
})

type Doc = Record<string, any>
const many = <T>(n: number, make: (i: number) => T) => Array.from({ length: n }, (_, i) => make(i))

const seoBounds: [string, (d: Doc) => void][] = [
  [
    'steps.diagnosis.searchEntryPoints.0',
    (d) => {
      d.steps.diagnosis.searchEntryPoints = ['<div>'.padEnd(MAX_SEARCH_ENTRY_POINT_LENGTH + 1, ' ')]
    },
  ],
  [
    'steps.research.searchEntryPoints',
    (d) => {
      d.steps.research.searchEntryPoints = many(MAX_SEARCH_ENTRY_POINTS + 1, (i) => `<b>${i}</b>`)
    },
  ],
  [
    'steps.competitorAnalysis.sources',
    (d) => {
      d.steps.competitorAnalysis.sources = many(MAX_GROUNDING_SOURCES + 1, (i) => ({
        title: `s${i}.example`,
        url: `https://s${i}.example/`,
      }))
    },
  ],
  [
    'steps.competitorsGrounding.sources.0.url',
    (d) => {
      d.steps.competitorsGrounding.sources[0].url = `https://a.example/${'x'.repeat(2100)}`
    },
  ],
  [
    'steps.brief.knowledge',
    (d) => {
      d.steps.brief.knowledge = many(MAX_KNOWLEDGE_REFS + 1, (i) => ({ id: `k${i}` }))
    },
  ],
  [
    'steps.competitorAnalysis.warnings',
    (d) => {
      d.steps.competitorAnalysis.warnings = many(MAX_ANALYSIS_WARNINGS + 1, (i) => `w${i}`)
    },
  ],
  [
    'chat',
    (d) => {
      d.chat = many(MAX_CHAT_ENTRIES + 1, (i) => ({ id: `m${i}`, role: 'user', text: 'hi' }))
    },
  ],
  [
    'chat.0.text',
    (d) => {
      d.chat[0].text = 'words '.repeat(MAX_CHAT_TEXT)
    },
  ],
  [
    'chat.1.role',
    (d) => {
      d.chat[1].role = 'system'
    },
  ],
]

const brandBounds: [string, (d: Doc) => void][] = [
  [
    'assets.logos',
    (d) => {
      d.assets.logos = many(MAX_BRAND_LOGOS + 1, (i) => asset(mediaId(`logo ${i}`), 'logo'))
    },
  ],
  [
    'assets.logos.0.url',
    (d) => {
      d.assets.logos[0].url = 'https://cdn.example/logo.png'
    },
  ],
  [
    'assets.images.0.id',
    (d) => {
      d.assets.images[0].id = 'hero.png'
      d.assets.images[0].url = '/media/hero.png'
    },
  ],
  [
    'assets.images.0.kind',
    (d) => {
      d.assets.images[0].kind = 'banner'
    },
  ],
  [
    'analysis.warnings.0',
    (d) => {
      d.analysis.warnings[0] = 'too long '.repeat(300)
    },
  ],
]

describe('bounds', () => {
  const refused = async (path: string, document: Doc, field: string) => {
    const res = await create(open().app, path, document)
    expect(res.status).toBe(400)
    const { error } = await json(res)
    expect(error.code).toBe('invalid_input')
    expect(error.details.issues.map((i: { field: string }) => i.field)).toEqual([field])
  }

  for (const [field, change] of seoBounds) {
    test(`an SEO project is refused at ${field}`, async () => {
      const document: Doc = fullProject()
      change(document)
      await refused('seo-projects/big', document, field)
    })
  }

  for (const [field, change] of brandBounds) {
    test(`a brand profile is refused at ${field}`, async () => {
      const document: Doc = analysedProfile()
      change(document)
      await refused('brand-profiles/big', document, field)
    })
  }

  test('an asset embedded as a data: URL is refused as inline media, naming the field', async () => {
    const document: Doc = analysedProfile()
    document.assets.logos[0].url = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB'
    const res = await create(open().app, 'brand-profiles/inline', document)
    expect(res.status).toBe(400)
    const { error } = await json(res)
    expect(error.code).toBe('inline_media')
    expect(error.details.issues.map((i: { field: string }) => i.field)).toEqual([
      'assets.logos.0.url',
    ])
  })
})
