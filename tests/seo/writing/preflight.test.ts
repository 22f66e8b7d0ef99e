import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import { knowledgePromptBlock, toKnowledgeRefs } from '../../../server/features/seo/knowledge'
import type { ContentBrief } from '../../../server/features/seo/schemas'
import {
  type Finding,
  occurrences,
  runChecks,
} from '../../../server/features/seo/writing/preflight/checks'
import { messagesFor } from '../../../server/features/seo/writing/preflight/messages'
import { knowledgeFor } from '../../../server/features/seo/writing/preflight/review'
import { buildTestApp, postJson } from '../../support/app'
import { startFakeGemini } from '../../support/fake-gemini'
import { brief as germanBrief, profile, systemText } from './support'

const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
beforeEach(() => gemini.reset())
const { app } = buildTestApp({ geminiUrl: gemini.url })

const brief: ContentBrief = {
  ...germanBrief,
  targetLanguage: 'English',
  targetRegion: 'United States',
  mainKeyword: 'home espresso',
  secondaryKeywords: ['grinder', 'tamping'],
  estimatedWordcount: 200,
}

const good = `# Home Espresso Made Simple

Home espresso is easy to learn. You need good beans, a burr grinder and a little patience. This guide shows you each step, from the bag to the cup.

![An espresso machine on a kitchen counter](/media/x.png)

## Pick the right beans

Buy fresh beans from a local roaster. Look for a roast date on the bag. Use the beans within four weeks. Store them in a dark jar, away from heat and light.

## Set up your grinder

A burr grinder gives an even grind. Start with a fine setting. Pull a shot and taste it. If it is sour, grind finer. If it is bitter, grind coarser. Change one thing at a time.

## Tamping and pulling the shot

Fill the basket and level the coffee. Press down with firm, even tamping. Lock the handle in place and start the pump. Aim for about thirty seconds. Watch the color of the stream as it runs.

## Clean up

Rinse the basket after each shot. Wipe the steam wand right away. Clean the machine each week. A clean machine makes a better cup.`

const bad = `# Espresso

# Buying Guide

Cheap machines work fine for most people. ![](/media/y.png)

### Details

Some more text about machines.`

const byId = (findings: Finding[]) => Object.fromEntries(findings.map((f) => [f.id, f]))

describe('deterministic checks', () => {
  test('a well-made article passes every check', () => {
    const findings = runChecks({ article: good, brief, profile })
    expect(findings.map((f) => f.id)).toEqual([
      'h1',
      'h2_structure',
      'keyword_in_h1',
      'keyword_in_intro',
      'keyword_density',
      'secondary_keywords',
      'word_count',
      'negative_keywords',
      'image_alt',
      'readability',
    ])
    expect(findings.filter((f) => !f.passed)).toEqual([])
    const checks = byId(findings)
    expect(checks.keyword_density!.facts).toMatchObject({ count: 2, value: 2.27 })
    expect(checks.word_count!.facts.count).toBe(176)
    expect(checks.readability!.facts.value).toBeGreaterThan(60)
  })

  test('a poor article fails each rule it breaks, with the measured facts', () => {
    const checks = byId(runChecks({ article: bad, brief, profile }))
    expect(checks.h1).toMatchObject({ passed: false, facts: { count: 2 } })
    expect(checks.h2_structure).toMatchObject({
      passed: false,
      facts: { count: 0, skippedLevel: true },
    })
    expect(checks.keyword_in_h1!.passed).toBe(false)
    expect(checks.keyword_in_intro!.passed).toBe(false)
    expect(checks.keyword_density).toMatchObject({ passed: false, facts: { count: 0, value: 0 } })
    expect(checks.secondary_keywords).toMatchObject({
      passed: false,
      facts: { list: ['grinder', 'tamping'] },
    })
    expect(checks.word_count).toMatchObject({ passed: false, facts: { min: 160, max: 260 } })
    expect(checks.negative_keywords).toMatchObject({ passed: false, facts: { list: ['cheap'] } })
    expect(checks.image_alt).toMatchObject({ passed: false, facts: { count: 1, target: 1 } })
    // Too few words for a meaningful reading-ease score: not measured, not counted.
    expect(checks.readability).toBeUndefined()
  })

  test('keyword stuffing fails density; hard prose fails readability', () => {
    const stuffed = good
      .replace(/the machine/gi, 'home espresso')
      .replace(/beans/g, 'home espresso')
    expect(byId(runChecks({ article: stuffed, brief, profile })).keyword_density!.passed).toBe(
      false
    )
    const dense = `# Home Espresso\n\n${'Home espresso preparation necessitates considerable understanding of extraction chemistry, particle distribution characteristics and temperature stabilization methodologies, particularly regarding volumetric consistency. '.repeat(8)}\n\n## A\n\nx\n\n## B\n\ny`
    const reading = byId(runChecks({ article: dense, brief, profile })).readability!
    expect(reading.passed).toBe(false)
    expect(reading.facts.value).toBeLessThan(20)
  })

  test('Chinese text is counted per character and keywords matched as substrings', () => {
    const zh = {
      ...brief,
      targetLanguage: 'Chinese',
      mainKeyword: '意式浓缩',
      secondaryKeywords: [],
      estimatedWordcount: 200,
    }
    const article = `# 在家做意式浓缩\n\n${'在家做意式浓缩需要新鲜的咖啡豆和合适的研磨度。'.repeat(8)}\n\n## 器具\n\n磨豆机很重要。\n\n## 萃取\n\n注意时间。`
    const checks = byId(runChecks({ article, brief: zh, profile }))
    // 7 (H1) + 8 × 22 + 2 + 6 + 2 + 4 Han characters; punctuation does not count.
    expect(checks.keyword_in_h1!.passed).toBe(true)
    expect(checks.word_count!.facts).toMatchObject({ count: 197, cjk: true })
    expect(checks.keyword_density!.facts.count).toBe(9)
    expect(checks.readability).toBeUndefined()
  })

  test('occurrences match whole words only in spaced scripts', () => {
    expect(occurrences('Espresso zu Hause. Espresso-zu-Hause!', 'espresso zu hause')).toBe(2)
    expect(occurrences('Espressomaschine', 'espresso')).toBe(0)
  })
})

const review = {
  brandVoice: { rating: 4, comment: 'Warm and expert.' },
  searchIntent: { rating: 3, comment: 'Misses descaling.' },
  eeat: { rating: 5, comment: 'Concrete first-hand tips.' },
  issues: [
    {
      type: 'SEO',
      description: 'No troubleshooting section.',
      suggestion: 'Add one.',
      knowledgeIds: ['K1', 'K9', 'bogus'],
    },
  ],
}

describe('POST /api/seo/preflight-check', () => {
  test('merges the checks with the review, scored by the documented formula', async () => {
    gemini.enqueue({ json: review })
    const res = await postJson(app, '/api/seo/preflight-check', {
      article: good,
      brief,
      profile,
      uiLanguage: 'en',
    })
    expect(res.status).toBe(200)
    const report = await res.json()
    // 60 (all checks pass) + (3/4 + 2/4 + 4/4) × 40/3 = 60 + 30
    expect(report.score).toBe(90)
    expect(report.scoreExplanation).toContain(
      'Score 90/100 = checks 60/60 + editorial review 30/40'
    )
    expect(report.scoreExplanation).toContain('brand voice 4/5, search intent 3/5, E-E-A-T 5/5')
    expect(report.checks).toHaveLength(13)
    expect(report.checks.at(-1)).toEqual({
      id: 'review_eeat',
      label: 'E-E-A-T (editorial review)',
      passed: true,
      detail: '5/5 — Concrete first-hand tips.',
    })
    const hits = await knowledgeFor({ article: good, brief, profile, uiLanguage: 'en' })
    expect(hits.map((h) => h.id)).toContain('eeat')
    expect(report.knowledge).toEqual(toKnowledgeRefs(hits))
    expect(report.issues).toEqual([
      {
        type: 'SEO',
        description: 'No troubleshooting section.',
        suggestion: 'Add one.',
        source: 'review',
        knowledgeIds: [hits[0]!.id],
      },
    ])
  })

  test('sends the knowledge block, the article and the review schema; images shown by alt text', async () => {
    gemini.enqueue({ json: review })
    await postJson(app, '/api/seo/preflight-check', {
      article: good,
      brief,
      profile,
      uiLanguage: 'en',
    })
    const req = gemini.last()!
    const hits = await knowledgeFor({ article: good, brief, profile, uiLanguage: 'en' })
    expect(req.promptText).toContain(knowledgePromptBlock(hits))
    expect(req.promptText).toContain('[image: An espresso machine on a kitchen counter]')
    expect(req.promptText).not.toContain('/media/x.png')
    expect(req.promptText).toContain('Voice tone: Warm, expert')
    const schema = req.body.generationConfig.responseJsonSchema
    expect(schema.required).toEqual(['brandVoice', 'searchIntent', 'eeat', 'issues'])
    expect(schema.properties.eeat.properties.rating.maximum).toBe(5)
    expect(systemText(req)).toContain('for the user in English')
  })

  test('failed checks become issues, written in the UI language (zh-CN by default)', async () => {
    gemini.enqueue({ json: { ...review, issues: [] } })
    const res = await postJson(app, '/api/seo/preflight-check', { article: bad, brief, profile })
    const report = await res.json()
    const negative = report.issues.find(
      (i: { checkId?: string }) => i.checkId === 'negative_keywords'
    )
    expect(negative).toEqual({
      type: 'BrandVoice',
      description: '使用了品牌禁用词：cheap。',
      suggestion: '替换这些词：cheap。',
      source: 'check',
      checkId: 'negative_keywords',
      facts: { list: ['cheap'] },
    })
    expect(report.checks[0].label).toBe('唯一的 H1 标题')
    expect(report.scoreExplanation).toStartWith(`得分 ${report.score}/100`)
    // Every applicable check fails: 0 check points + 30 review points.
    expect(report.score).toBe(30)
    expect(systemText(gemini.last())).toContain('Simplified Chinese')
  })

  test('each measured finding carries its check id and facts, so a saved report reads in any language', async () => {
    gemini.enqueue({ json: { ...review, issues: [] } })
    const res = await postJson(app, '/api/seo/preflight-check', { article: bad, brief, profile })
    const report = await res.json()
    const en = messagesFor('en')
    for (const issue of report.issues) {
      const finding = { id: issue.checkId, passed: false, facts: issue.facts }
      expect(messagesFor('zh-CN').detail(finding)).toBe(issue.description)
      expect(en.detail(finding).length).toBeGreaterThan(0)
    }
    expect(report.scoreParts).toMatchObject({ score: report.score, reviewPoints: 30 })
    expect(messagesFor('zh-CN').explain(report.scoreParts)).toBe(report.scoreExplanation)
    expect(en.explain(report.scoreParts)).toStartWith(`Score ${report.score}/100`)
  })

  test('the issues it reports are accepted by auto-fix as they are', async () => {
    gemini.enqueue({ json: review })
    const report = await (
      await postJson(app, '/api/seo/preflight-check', { article: bad, brief, profile })
    ).json()
    gemini.setHandler(() => ({ text: bad.replace('Cheap', 'Affordable') }))
    const res = await postJson(app, '/api/seo/auto-fix', {
      article: bad,
      issues: report.issues,
      brief,
      profile,
    })
    expect(res.status).toBe(200)
    expect((await res.json()).article).toContain('Affordable machines')
  })

  test('a failed review is an error, never a default score', async () => {
    gemini.enqueue({ json: { nope: true } }, { json: { nope: true } })
    const res = await postJson(app, '/api/seo/preflight-check', { article: good, brief, profile })
    expect(res.status).toBe(502)
    expect(JSON.stringify(await res.json())).not.toContain('score')
  })
})
