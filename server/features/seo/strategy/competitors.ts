/**
 * @module seo/strategy/competitors
 * `competitors`: the sites that compete with the user's site for the same searches, found with
 * Google Search (grounded JSON). Proposals are kept only when they are real http(s) sites other
 * than the user's own; duplicates are dropped. Nothing is made up when nothing usable is found.
 */
import * as v from 'valibot'
import { groundingFields } from '../../../ai/grounding'
import { errors } from '../../../core/errors'
import {
  DATA_RULE,
  dataBlock,
  instructionsBlock,
  languageRule,
  sections,
} from '../../../core/prompt-blocks'
import { UiLanguage } from '../../../core/schema'
import { BrandProfile, projectFor } from '../../brand/profile'
import type { StepContext } from '../../context'
import { type Competitor, UserInstructions } from '../schemas'
import { list, prose } from './output'
import { normaliseSiteUrl, SiteUrl, sameSite, siteKey } from './site-url'

export { CompetitorsResponse } from '../responses'

export const MAX_SUGGESTED_COMPETITORS = 5

export const CompetitorsRequest = v.object({
  url: SiteUrl,
  profile: BrandProfile,
  userInstructions: UserInstructions,
  uiLanguage: UiLanguage,
})
export type CompetitorsRequest = v.InferOutput<typeof CompetitorsRequest>

export const CompetitorsOutput = v.object({
  competitors: list(
    v.object({
      url: prose(2048, 'Home page of the competing site, as a full https URL.'),
      name: prose(200, 'Brand or site name.'),
      reasonText: prose(1000, 'Why it competes for the same searches, with evidence.'),
    }),
    1,
    8,
    'Sites competing for the same organic searches, strongest first.'
  ),
})

const SYSTEM = [
  'You are an SEO analyst. You identify the websites that compete with a site for the same organic searches in its market: sites that rank for its topics and keywords, not only its business rivals.',
  'Propose only sites you found in search results, never the site itself, marketplaces or social networks unless they clearly dominate these searches.',
  DATA_RULE,
].join('\n')

export async function findCompetitors(ctx: StepContext, input: CompetitorsRequest) {
  const project = projectFor(input.profile, input.url)
  const brand = input.profile.globalInfo
  const prompt = sections(
    `Find 3 to ${MAX_SUGGESTED_COMPETITORS} content-SEO competitors of this website:`,
    dataBlock('site', input.url),
    dataBlock('profile', {
      brand_name: brand.brand_name,
      brand_industry: brand.brand_industry,
      target_region: project?.target_region,
      target_keywords: project?.target_keywords,
    }),
    'Search for the keywords and topics of the site in its target region and note which other sites rank for them.',
    instructionsBlock(input.userInstructions),
    languageRule({ ui: input.uiLanguage })
  )
  const { data, grounding } = await ctx.ai.json({
    system: SYSTEM,
    prompt,
    schema: CompetitorsOutput,
    grounded: true,
    signal: ctx.signal,
  })
  const competitors = usableCompetitors(data.competitors, input.url)
  if (competitors.length === 0) {
    throw errors.upstream(
      'ai_no_competitors',
      'The AI service found no usable competitor sites; add competitors manually or try other instructions.'
    )
  }
  if (competitors.length < data.competitors.length) {
    ctx.log.info('competitor proposals dropped', {
      proposed: data.competitors.length,
      kept: competitors.length,
    })
  }
  return { competitors, ...groundingFields(grounding) }
}

/** Real sites only, not the user's own, one per site, at most five. */
function usableCompetitors(
  proposals: v.InferOutput<typeof CompetitorsOutput>['competitors'],
  ownUrl: string
): Competitor[] {
  const seen = new Set<string>()
  const kept: Competitor[] = []
  for (const proposal of proposals) {
    const url = normaliseSiteUrl(proposal.url)
    const key = url && siteKey(url)
    if (!url || !key || seen.has(key) || sameSite(url, ownUrl)) continue
    seen.add(key)
    kept.push({
      id: `comp-${kept.length + 1}`,
      url: new URL(url).origin,
      name: proposal.name,
      reasonText: proposal.reasonText,
    })
    if (kept.length === MAX_SUGGESTED_COMPETITORS) break
  }
  return kept
}
