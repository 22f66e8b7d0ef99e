/**
 * @module seo/strategy/competitor-review
 * One competitor's content-SEO review, researched with Google Search (grounded JSON): a score,
 * its best-performing article when one can be verified on its own site, strengths and
 * weaknesses. The competitor's URL is the one the user confirmed; the model never replaces it.
 */
import * as v from 'valibot'
import type { Grounding } from '../../../ai/types'
import type { Notice } from '../../../core/codes'
import { DATA_RULE, dataBlock, languageRule, sections } from '../../../core/prompt-blocks'
import type { UiLanguage } from '../../../core/schema'
import type { StepContext } from '../../context'
import type { Competitor } from '../schemas'
import { strategyNotice } from './notices'
import { list, prose, score } from './output'
import { normaliseSiteUrl, sameSite } from './site-url'

export const CompetitorReviewOutput = v.object({
  contentSeoScore: score(
    'Content SEO quality of the competitor (depth, E-E-A-T, intent match, structure): 85+ excellent, 60-84 solid, below 60 weak.'
  ),
  topArticle: v.optional(
    v.object({
      title: prose(500, 'Title of the article as published.'),
      url: prose(2048, 'Exact URL of the article on the competitor site, as found in search.'),
      reason: prose(1500, 'Why this article performs well.'),
    })
  ),
  strengths: list(prose(500, 'A content strength.'), 1, 5, 'What its content does well.'),
  weaknesses: list(prose(500, 'A content gap.'), 0, 5, 'Gaps or weaknesses in its content.'),
})

const SYSTEM = [
  'You are an SEO analyst reviewing the content of a competitor website against E-E-A-T, on-page SEO and user-experience criteria.',
  'Report only what you found; a top article must be a real page on the competitor site that you saw in search results.',
  DATA_RULE,
].join('\n')

export interface CompetitorReview {
  competitor: Competitor
  grounding: Grounding
  warnings: Notice[]
}

export async function reviewCompetitor(
  ctx: StepContext,
  competitor: Competitor,
  market: { industry: string; region?: string; keywords: readonly string[]; ui: UiLanguage }
): Promise<CompetitorReview> {
  const prompt = sections(
    'Review the content SEO of this competitor:',
    dataBlock('competitor', {
      url: competitor.url,
      name: competitor.name,
      why_it_competes: competitor.reasonText,
    }),
    dataBlock('market', {
      industry: market.industry,
      region: market.region,
      keywords: market.keywords,
    }),
    'Search the competitor site (site: queries) for its best-performing blog article or guide for this market, and judge its content overall. Leave topArticle out when you cannot find one with a URL on the competitor site.',
    languageRule({ ui: market.ui }),
    'Keep the article title as published.'
  )
  const { data, grounding } = await ctx.ai.json({
    system: SYSTEM,
    prompt,
    schema: CompetitorReviewOutput,
    grounded: true,
    signal: ctx.signal,
  })
  const warnings: Notice[] = []
  let topArticle: Competitor['topArticle'] = null
  if (data.topArticle) {
    const url = normaliseSiteUrl(data.topArticle.url)
    if (url && sameSite(url, competitor.url)) topArticle = { ...data.topArticle, url }
    else warnings.push(strategyNotice('top_article_off_site', { url: competitor.url }))
  }
  return {
    competitor: {
      ...competitor,
      contentSeoScore: data.contentSeoScore,
      topArticle,
      strengths: data.strengths,
      weaknesses: data.weaknesses,
    },
    grounding,
    warnings,
  }
}
