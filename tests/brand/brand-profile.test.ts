import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import * as v from 'valibot'
import { KIT_ASPECTS, kitSummary } from '../../server/features/brand/kit-summary'
import { type BrandKit, BrandProfile, MAX_KIT_COLORS } from '../../server/features/brand/profile'
import { brandBlock } from '../../server/features/brand/prompt-block'
import { profile as oldProfile } from '../seo/fixtures'
import { solutionsAnswer } from '../seo/strategy/answers'
import { postJson } from '../support/app'
import { KIT_SITE } from '../support/fake-kit-site'
import { analyzeOk, brandApp, fjordAnalysis, KIT_HOST, startBrandFakes } from './harness'

const fakes = await startBrandFakes()
const { gemini, site } = fakes
afterAll(() => fakes.stop())
beforeEach(() => {
  gemini.reset()
  site.clear()
})

const kitOrigin = site.origin(KIT_HOST)
const analyseKitSite = (app = brandApp(fakes).app) =>
  analyzeOk(app, gemini, `${kitOrigin}/`, fjordAnalysis(), 'en')

describe('brandProfile in the analysis', () => {
  test('passes the BrandProfile schema the SEO routes use', async () => {
    const body = await analyseKitSite()
    const parsed = v.safeParse(BrandProfile, body.brandProfile)
    expect(parsed.success).toBe(true)
    expect(parsed.output).toEqual(body.brandProfile)
  })

  test('globalInfo carries the model reading, the Markdown profile and the kit', async () => {
    const body = await analyseKitSite()
    const answer = fjordAnalysis()
    expect(body.brandProfile.globalInfo).toEqual({
      brand_name: answer.brandName,
      brand_industry: answer.industry,
      brand_voice: { tone: answer.voice.tone, style: answer.voice.style, values: answer.values },
      negative_keywords_global: [],
      text_profile: body.textProfile.trim(),
      kit: body.kit,
    })
  })

  test('one project for the analysed site, in the language and region it declares, with the suggested keywords', async () => {
    const body = await analyseKitSite()
    expect(body.brandProfile.projects).toEqual([
      {
        project_id: `site-${KIT_HOST}`,
        project_url: `${kitOrigin}/`,
        target_language: 'English',
        target_region: 'United Kingdom',
        target_keywords: fjordAnalysis().suggestedTargetKeywords,
        preferred_solution_focus: [],
        project_keyword_history: [],
      },
    ])
  })

  test('a site that declares no language or region: the schema defaults, and a warning for each', async () => {
    const host = 'no-lang.test'
    site.route(
      host,
      '/',
      () =>
        new Response(
          `<html><head><title>No Lang</title></head><body><main><p>${'We bake sourdough bread every morning. '.repeat(20)}</p></main></body></html>`,
          { headers: { 'Content-Type': 'text/html' } }
        )
    )
    const body = await analyzeOk(brandApp(fakes).app, gemini, `${site.origin(host)}/`)
    const defaults = v.parse(BrandProfile, { globalInfo: {}, projects: [{}] }).projects[0]
    expect(body.brandProfile.projects[0]?.target_language).toBe(defaults?.target_language)
    expect(body.brandProfile.projects[0]?.target_region).toBe(defaults?.target_region)
    expect(body.kit.language).toBeUndefined()
    expect(body.warnings.filter((w) => w.message.startsWith('The site does not declare'))).toEqual([
      {
        code: 'language_not_declared',
        params: { language: 'English', languageCode: 'en' },
        message:
          'The site does not declare its language; the project uses English. Change it in the profile if needed.',
      },
      {
        code: 'region_not_declared',
        params: { region: 'United States', regionCode: 'US' },
        message:
          'The site does not declare its region; the project uses United States. Change it in the profile if needed.',
      },
    ])
  })

  test('drives POST /api/seo/solution-board unchanged', async () => {
    const { app } = brandApp(fakes)
    const body = await analyseKitSite(app)
    gemini.enqueue({ json: solutionsAnswer() })
    const res = await postJson(app, '/api/seo/solution-board', {
      url: body.brandProfile.projects[0]?.project_url,
      profile: body.brandProfile,
      uiLanguage: 'en',
    })
    expect(res.status).toBe(200)
    expect(((await res.json()) as { solutions: unknown[] }).solutions).toHaveLength(3)
    const prompt = gemini.last()?.promptText ?? ''
    expect(prompt).toContain(fjordAnalysis().brandName)
    expect(prompt).toContain('United Kingdom')
    expect(prompt).toContain(fjordAnalysis().suggestedTargetKeywords[0] ?? 'a keyword')
    expect(prompt).toContain('contentExamples in English')
  })
})

describe('the BrandKit schema', () => {
  test('profiles saved before the kit existed stay valid', () => {
    const parsed = v.parse(BrandProfile, oldProfile)
    expect(parsed.globalInfo.kit).toBeUndefined()
  })

  test('hex colours are normalised to lower case; other colour forms, roles and sources are refused', () => {
    const kit = (colors: unknown[]) =>
      v.safeParse(BrandProfile, {
        ...oldProfile,
        globalInfo: { ...oldProfile.globalInfo, kit: { colors } },
      })
    const ok = kit([{ hex: ' #1F6F5C ', role: 'primary', source: 'manual' }])
    expect(ok.success && ok.output.globalInfo.kit?.colors[0]?.hex).toBe('#1f6f5c')
    expect(kit([{ hex: '#abc', role: 'primary', source: 'manual' }]).success).toBe(false)
    expect(kit([{ hex: 'red', role: 'primary', source: 'manual' }]).success).toBe(false)
    expect(kit([{ hex: '#1f6f5c', role: 'brand', source: 'manual' }]).success).toBe(false)
    expect(kit([{ hex: '#1f6f5c', role: 'primary', source: 'guess' }]).success).toBe(false)
    const tooMany = Array.from({ length: MAX_KIT_COLORS + 1 }, () => ({
      hex: '#1f6f5c',
      role: 'neutral',
      source: 'manual',
    }))
    expect(kit(tooMany).success).toBe(false)
  })

  test('the logo is a media id, never a URL or inline data', () => {
    const withLogo = (logo: unknown) =>
      v.safeParse(BrandProfile, {
        ...oldProfile,
        globalInfo: { ...oldProfile.globalInfo, kit: { logo } },
      })
    const id = `${'a'.repeat(64)}.png`
    expect(withLogo({ mediaId: id, mimeType: 'image/png' }).success).toBe(true)
    expect(
      withLogo({ mediaId: 'https://example.com/logo.png', mimeType: 'image/png' }).success
    ).toBe(false)
    expect(withLogo({ mediaId: 'data:image/png;base64,AAAA', mimeType: 'image/png' }).success).toBe(
      false
    )
    expect(withLogo({ mediaId: id, mimeType: 'text/html' }).success).toBe(false)
  })
})

describe('kitSummary and the SEO brand block', () => {
  const kit: BrandKit = {
    colors: [
      { hex: KIT_SITE.colors.primary, role: 'primary', source: 'theme-color' },
      { hex: KIT_SITE.colors.accent, role: 'accent', source: 'css-variable' },
    ],
    fonts: [
      { family: KIT_SITE.fonts.heading, role: 'heading', source: 'css' },
      { family: KIT_SITE.fonts.other, role: 'other', source: 'css' },
    ],
    logo: { mediaId: `${'b'.repeat(64)}.png`, mimeType: 'image/png', width: 32, height: 16 },
    social: [{ network: 'instagram', url: KIT_SITE.sameAs[0] }],
    language: KIT_SITE.language,
    market: { region: KIT_SITE.region, currency: KIT_SITE.currency },
  }

  test('one line per aspect, with every value of that aspect', () => {
    const lines = kitSummary(kit).split('\n')
    expect(lines).toHaveLength(KIT_ASPECTS.length)
    const all = lines.join('\n')
    for (const value of [
      KIT_SITE.colors.primary,
      KIT_SITE.colors.accent,
      KIT_SITE.fonts.heading,
      KIT_SITE.fonts.other,
      kit.logo?.mediaId ?? '',
      KIT_SITE.language,
      KIT_SITE.region,
      KIT_SITE.currency,
      'instagram',
    ]) {
      expect(all).toContain(value)
    }
  })

  test('only the aspects asked for; nothing for an absent or empty kit', () => {
    const colours = kitSummary(kit, { aspects: ['colors'] })
    expect(colours.split('\n')).toHaveLength(1)
    expect(colours).toContain(KIT_SITE.colors.primary)
    expect(colours).not.toContain(KIT_SITE.fonts.heading)
    expect(kitSummary(undefined)).toBe('')
    expect(kitSummary({ colors: [], fonts: [], social: [] })).toBe('')
  })

  test('the SEO brand block carries the kit colours, fonts and market, not the logo id', () => {
    const withKit = { ...oldProfile, globalInfo: { ...oldProfile.globalInfo, kit } }
    expect(brandBlock(withKit)).toContain(
      kitSummary(kit, { aspects: ['colors', 'fonts', 'market'] })
    )
    expect(brandBlock(withKit)).not.toContain(kit.logo?.mediaId ?? '')
    expect(brandBlock(oldProfile)).toContain(oldProfile.globalInfo.brand_name)
    expect(brandBlock(oldProfile)).not.toContain(kitSummary(kit, { aspects: ['colors'] }))
  })
})
