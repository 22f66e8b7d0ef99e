/**
 * @module seo/strategy/landscape
 * The competitive landscape: the diagnosis of the user's site set against the competitor
 * reviews (JSON mode). Disadvantages must come from that evidence, not from assumptions.
 */
import * as v from 'valibot'
import { DATA_RULE, dataBlock, languageRule, sections } from '../../../core/prompt-blocks'
import type { UiLanguage } from '../../../core/schema'
import type { StepContext } from '../../context'
import { type Competitor, reviewedCompetitor, type SeoDiagnosisReport } from '../schemas'
import { prose } from './output'

export const LandscapeOutput = v.object({
  overallTrend: prose(3000, 'What the strongest competitors do with content, and where it goes.'),
  yourDisadvantage: prose(
    3000,
    'Where the user site falls behind, only as far as the evidence shows (say so if it does not).'
  ),
  strategicOpportunity: prose(3000, 'The gap the user site can win, and how.'),
})
export type Landscape = v.InferOutput<typeof LandscapeOutput>

const SYSTEM = [
  "You are a content strategist comparing a website's content SEO with its competitors.",
  'Ground every statement in the diagnosis and the competitor reviews you are given. Do not presuppose weaknesses: if the evidence shows no disadvantage, say that plainly.',
  DATA_RULE,
].join('\n')

export async function describeLandscape(
  ctx: StepContext,
  input: {
    siteUrl: string
    diagnosis: SeoDiagnosisReport
    competitors: readonly Competitor[]
    knowledgeBlock: string
    ui: UiLanguage
  }
): Promise<Landscape> {
  const { siteUrl, diagnosis } = input
  const prompt = sections(
    'Describe the competitive landscape of this site:',
    dataBlock('site', siteUrl),
    dataBlock('diagnosis', {
      contentSeoHealthScore: diagnosis.contentSeoHealthScore,
      coreInsight: diagnosis.coreInsight,
      keywordTopicFit: diagnosis.keywordTopicFit,
      topicalAuthority: diagnosis.topicalAuthority,
      userIntentCoverage: diagnosis.userIntentCoverage,
      contentDiscoverability: diagnosis.contentDiscoverability,
    }),
    dataBlock('competitor_reviews', input.competitors.map(reviewedCompetitor)),
    input.knowledgeBlock,
    languageRule({ ui: input.ui })
  )
  const { data } = await ctx.ai.json({
    system: SYSTEM,
    prompt,
    schema: LandscapeOutput,
    signal: ctx.signal,
  })
  return data
}
