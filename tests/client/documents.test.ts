/**
 * The stores' documents and their pure rules: which steps are open, what a new result discards,
 * picks limited to three, versions capped, loaded documents checked; the brand document starts
 * empty (no demo data), gets a project per site and merges an analysis without losing edits;
 * the profile file is checked with the server's schema.
 */
import { describe, expect, test } from 'bun:test'
import { parseProfileJson, profileJson } from '../../client/src/features/brand/profile-file'
import {
  applyAnalysis,
  emptyBrandDocument,
  withProjectFor,
} from '../../client/src/stores/brand-document'
import {
  addVersion,
  asSeoDocument,
  type CompetitorPicks,
  discardAfter,
  fallbackStep,
  furthestOpenStep,
  isOpen,
  MAX_VERSIONS,
  newSeoDocument,
  type SeoDocument,
  togglePick,
} from '../../client/src/stores/seo-document'
import { SEO_STEPS } from '../../server/features/seo/steps'
import { WORKFLOW_STEPS } from '../../server/features/seo/strategy/agent'

const full = (): SeoDocument => ({
  ...newSeoDocument('https://shop.example', 'p1'),
  diagnosis: {} as never,
  competitors: { found: [], manual: [], selected: [], sources: [] },
  analysis: {} as never,
  solutions: {} as never,
  chosenSolutionId: 'sol-1',
  brief: { mainKeyword: 'k' } as never,
  briefConfirmed: true,
  article: '# A',
  versions: addVersion([], 'written', '# A'),
  preflight: {} as never,
  metadata: {} as never,
})

describe('SEO steps', () => {
  test('the agent and the client read the same seven steps', () => {
    expect(WORKFLOW_STEPS).toBe(SEO_STEPS)
    expect(SEO_STEPS.map((s) => s.step)).toEqual([1, 2, 3, 4, 5, 6, 7])
  })
})

describe('SEO document', () => {
  test('a new project opens only the diagnosis; a finished one opens every step', () => {
    const fresh = newSeoDocument('https://shop.example')
    expect(SEO_STEPS.map((s) => isOpen(fresh, s.step))).toEqual([
      true,
      false,
      false,
      false,
      false,
      false,
      false,
    ])
    expect(furthestOpenStep(fresh)).toBe(1)
    expect(furthestOpenStep(full())).toBe(7)
    expect(fallbackStep(undefined)).toBe('diagnosis')
  })

  test('the editing step opens only once the brief is confirmed', () => {
    const doc = { ...full(), briefConfirmed: false }
    expect(isOpen(doc, 5)).toBe(true)
    expect(isOpen(doc, 6)).toBe(false)
  })

  test('a new result of a step discards every later result and keeps the earlier ones', () => {
    const doc = discardAfter(full(), 2)
    expect(doc.diagnosis).toBeDefined()
    expect(doc.competitors).toBeDefined()
    expect([doc.analysis, doc.solutions, doc.brief, doc.article, doc.metadata]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ])
    expect(doc.versions).toEqual([])
    expect(discardAfter(full(), 6).versions).toHaveLength(1)
    expect(discardAfter(full(), 6).metadata).toBeUndefined()
  })

  test('at most three competitors are picked', () => {
    let picks: CompetitorPicks = { found: [], manual: [], selected: [], sources: [] }
    for (const id of ['a', 'b', 'c', 'd']) picks = togglePick(picks, id)
    expect(picks.selected).toEqual(['a', 'b', 'c'])
    expect(togglePick(picks, 'b').selected).toEqual(['a', 'c'])
  })

  test('versions are newest first and capped', () => {
    let versions = addVersion([], 'written', 'v0')
    for (let i = 1; i < MAX_VERSIONS + 3; i++) versions = addVersion(versions, 'edited', `v${i}`)
    expect(versions).toHaveLength(MAX_VERSIONS)
    expect(versions[0]?.article).toBe(`v${MAX_VERSIONS + 2}`)
  })

  test('a loaded document must have the shape of one', () => {
    expect(asSeoDocument({ version: 2 })).toBeUndefined()
    expect(asSeoDocument('x')).toBeUndefined()
    expect(asSeoDocument({ version: 1, id: 'a', siteUrl: 'https://a.example' })?.chat).toEqual([])
  })
})

describe('brand document', () => {
  test('starts empty: no demo brand, keywords or projects', () => {
    const doc = emptyBrandDocument()
    expect(doc.profile.globalInfo.brand_name).toBe('')
    expect(doc.profile.globalInfo.negative_keywords_global).toEqual([])
    expect(doc.profile.projects).toEqual([])
  })

  test('a project is added once per site, matched by host without www', () => {
    const once = withProjectFor(emptyBrandDocument().profile, 'https://www.shop.example/')
    const twice = withProjectFor(once, 'https://shop.example/blog')
    expect(twice.projects).toHaveLength(1)
  })

  test('an analysis fills the brand and the site project, keeping what it did not find', () => {
    const doc = emptyBrandDocument()
    doc.profile.globalInfo.brand_voice.tone = 'Playful'
    const merged = applyAnalysis(doc, 'https://shop.example', {
      profile: {
        brandName: 'Shop',
        industry: 'Tea',
        overview: '',
        values: ['Craft'],
        audience: '',
        voice: { tone: '', style: 'Short' },
        productsAndServices: [],
        marketPosition: '',
        suggestedTargetKeywords: ['green tea'],
        limitedInformation: { isLimited: false, reason: '' },
      },
      textProfile: '# Shop',
      assets: { logos: [], images: [] },
      sources: [],
      warnings: [],
    } as never)
    expect(merged.profile.globalInfo.brand_name).toBe('Shop')
    expect(merged.profile.globalInfo.brand_voice).toEqual({
      tone: 'Playful',
      style: 'Short',
      values: ['Craft'],
    })
    expect(merged.profile.projects[0]?.target_keywords).toEqual(['green tea'])
    expect(merged.analysedUrl).toBe('https://shop.example')
  })

  test('the profile file round-trips through the server schema; an invalid one names its problems', async () => {
    const profile = withProjectFor(emptyBrandDocument().profile, 'https://shop.example')
    const back = await parseProfileJson(profileJson(profile))
    expect(back).toEqual({ ok: true, profile })
    const bad = await parseProfileJson('{"globalInfo":{"brand_name":42},"projects":[]}')
    expect(bad.ok).toBe(false)
    expect(bad.ok ? [] : bad.problems.join('\n')).toContain('globalInfo.brand_name')
    expect(await parseProfileJson('not json')).toEqual({ ok: false, problems: ['json'] })
  })
})
