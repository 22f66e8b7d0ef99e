/**
 * The stores' documents and their pure rules: which steps are open, which results a new earlier
 * result marks out of date (kept, never discarded), picks limited to three, project ids the
 * library accepts; the brand document starts
 * empty (no demo data), gets a project per site and merges an analysis without losing edits;
 * the profile file is checked with the server's schema.
 */
import { describe, expect, test } from 'bun:test'
import { checkKit } from '../../client/src/features/brand/kit-check'
import { parseProfileJson, profileJson } from '../../client/src/features/brand/profile-file'
import {
  applyAnalysis,
  emptyBrandDocument,
  mergeKit,
  withProjectFor,
} from '../../client/src/stores/brand-document'
import {
  afterNewResult,
  type CompetitorPicks,
  fallbackStep,
  furthestOpenStep,
  isOpen,
  isStale,
  newSeoDocument,
  projectIdFor,
  type SeoDocument,
  togglePick,
} from '../../client/src/stores/seo-document'
import { DOCUMENT_ID } from '../../server/features/library/kinds'
import { SEO_STEPS } from '../../server/features/seo/steps'
import {
  GO_TO_STEP_DESCRIPTION,
  RERUN_STEP_DESCRIPTION,
  WORKFLOW_STEPS,
} from '../../server/features/seo/strategy/agent'

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
  preflight: {} as never,
  metadata: {} as never,
  freshThrough: 7,
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

  test('a new result of an earlier step keeps every later result and marks it out of date', () => {
    const doc = afterNewResult(full(), 2)
    expect([doc.analysis, doc.solutions, doc.brief, doc.article, doc.metadata]).not.toContain(
      undefined
    )
    expect(SEO_STEPS.map((s) => isStale(doc, s.step))).toEqual([
      false,
      false,
      true,
      true,
      true,
      true,
      true,
    ])
  })

  test('running the next step again brings it up to date; a result on an out-of-date step stays out of date', () => {
    const rerun = afterNewResult(afterNewResult(full(), 2), 3)
    expect(isStale(rerun, 3)).toBe(false)
    expect(isStale(rerun, 4)).toBe(true)
    const skipped = afterNewResult(afterNewResult(full(), 2), 5)
    expect(isStale(skipped, 5)).toBe(true)
  })

  test('a fresh project has nothing out of date', () => {
    const first = afterNewResult(
      { ...newSeoDocument('https://shop.example'), diagnosis: {} as never },
      1
    )
    expect(isStale(first, 1)).toBe(false)
    expect(first.freshThrough).toBe(1)
  })

  test("the agent's functions say what the workspace does: moving keeps results, a re-run marks later ones", () => {
    expect(GO_TO_STEP_DESCRIPTION).toContain('Nothing is lost')
    expect(GO_TO_STEP_DESCRIPTION).not.toContain('discard')
    expect(RERUN_STEP_DESCRIPTION).toContain('out of date')
  })

  test('at most three competitors are picked', () => {
    let picks: CompetitorPicks = { found: [], manual: [], selected: [], sources: [] }
    for (const id of ['a', 'b', 'c', 'd']) picks = togglePick(picks, id)
    expect(picks.selected).toEqual(['a', 'b', 'c'])
    expect(togglePick(picks, 'b').selected).toEqual(['a', 'c'])
  })

  test('a project id is the site host with a suffix, as the library accepts', () => {
    const id = projectIdFor('https://www.Shop.example:8080/blog')
    expect(id).toMatch(DOCUMENT_ID)
    expect(id).toStartWith('shop-example-')
    expect(projectIdFor('https://shop.example')).not.toBe(projectIdFor('https://shop.example'))
    expect(projectIdFor('not a url')).toMatch(DOCUMENT_ID)
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

  test('an analysis fills each kit part the site showed and keeps the ones it did not', () => {
    const mine = {
      colors: [{ hex: '#111111', role: 'primary' as const, source: 'manual' as const }],
      fonts: [{ family: 'Inter', role: 'body' as const, source: 'manual' as const }],
      social: [],
      language: 'en-GB',
    }
    const found = {
      colors: [{ hex: '#1f6f5c', role: 'primary' as const, source: 'theme-color' as const }],
      fonts: [],
      social: [{ network: 'instagram', url: 'https://instagram.com/shop' }],
    }
    const merged = mergeKit(mine, found)
    expect(merged?.colors[0]?.hex).toBe('#1f6f5c')
    expect(merged?.fonts[0]?.family).toBe('Inter')
    expect(merged?.social).toHaveLength(1)
    expect(merged?.language).toBe('en-GB')
  })

  test("the kit is checked with the server's schema, problems by field", async () => {
    expect(await checkKit({ colors: [], fonts: [], social: [] })).toEqual({})
    const issues = await checkKit({
      colors: [{ hex: 'green', role: 'primary', source: 'manual' }],
      fonts: [{ family: '', role: 'body', source: 'manual' }],
      social: [{ network: 'x', url: 'javascript:alert(1)' }],
      market: { currency: 'euro' },
    })
    expect(Object.keys(issues).sort()).toEqual([
      'colors.0.hex',
      'fonts.0.family',
      'market.currency',
      'social.0.url',
    ])
  })
})
