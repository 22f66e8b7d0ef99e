/**
 * @module brand/brand-profile
 * The analysis as the `BrandProfile` the SEO workflow takes: the model's reading (name,
 * industry, voice, values), the Markdown profile and the kit in `globalInfo`, and one project
 * for the analysed site with the language and region it declares and the suggested keywords.
 * Nothing is invented: a market the site does not declare is left to the schema's defaults, and
 * a warning says so. The result is checked against the schema the SEO routes use.
 */
import * as v from 'valibot'
import type { Notice } from '../../core/codes'
import { languageName, regionName } from './market'
import { brandNotice } from './notices'
import { type BrandKit, BrandProfile, DEFAULT_MARKET } from './profile'
import type { BrandAnalysis } from './schemas'
import { siteHost } from './urls'

export interface ProfileInput {
  analysis: BrandAnalysis
  kit: BrandKit
  textProfile: string
  /** The analysed page's final URL. */
  url: string
}

const MAX_VOICE = 500
const MAX_VALUE = 200
const MAX_TEXT_PROFILE = 30_000

export function toBrandProfile(input: ProfileInput): { profile: BrandProfile; warnings: Notice[] } {
  const { analysis, kit } = input
  const language = kit.language ? languageName(kit.language) : undefined
  const region = kit.market?.region ? regionName(kit.market.region) : undefined
  const draft = {
    globalInfo: {
      brand_name: analysis.brandName,
      brand_industry: analysis.industry,
      brand_voice: {
        tone: analysis.voice.tone.slice(0, MAX_VOICE),
        style: analysis.voice.style.slice(0, MAX_VOICE),
        values: analysis.values.slice(0, 20).map((value) => value.slice(0, MAX_VALUE)),
      },
      negative_keywords_global: [],
      text_profile: input.textProfile.slice(0, MAX_TEXT_PROFILE),
      kit,
    },
    projects: [
      {
        project_id: `site-${siteHost(new URL(input.url))}`.slice(0, 100),
        project_url: input.url,
        ...(language ? { target_language: language } : {}),
        ...(region ? { target_region: region } : {}),
        target_keywords: analysis.suggestedTargetKeywords.slice(0, 50),
        preferred_solution_focus: [],
        project_keyword_history: [],
      },
    ],
  }
  const profile = v.parse(BrandProfile, draft)
  // The defaults of the schema; their codes let the UI name them in the user's language.
  const {
    region: defaultRegion,
    regionCode,
    language: defaultLanguage,
    languageCode,
  } = DEFAULT_MARKET
  const warnings = [
    ...(language
      ? []
      : [brandNotice('language_not_declared', { language: defaultLanguage, languageCode })]),
    ...(region ? [] : [brandNotice('region_not_declared', { region: defaultRegion, regionCode })]),
  ]
  return { profile, warnings }
}
