/**
 * @module seo/strategy/brief
 * `content-brief`: the brief for the strategy the user picked, using the diagnosis (`seoReport`),
 * the analyzed competitors and the knowledge base (JSON mode).
 */
import * as v from 'valibot'
import { DATA_RULE, dataBlock, instructionsBlock, sections } from '../../../core/prompt-blocks'
import { UiLanguage } from '../../../core/schema'
import { projectFor } from '../../brand/profile'
import { brandBlock } from '../../brand/prompt-block'
import type { StepContext } from '../../context'
import { Competitors, SeoDiagnosisReport, SolutionOption, UserInstructions } from '../schemas'
import { BriefOutput, briefLanguage, toBrief } from './brief-output'
import { ProfileWithProject } from './inputs'
import { retrieveKnowledge } from './knowledge'
import { SiteUrl } from './site-url'

export const ContentBriefRequest = v.object({
  solution: SolutionOption,
  url: SiteUrl,
  profile: ProfileWithProject,
  seoReport: v.optional(SeoDiagnosisReport),
  competitors: v.optional(Competitors, []),
  userInstructions: UserInstructions,
  uiLanguage: UiLanguage,
})
export type ContentBriefRequest = v.InferOutput<typeof ContentBriefRequest>

export const BRIEF_SYSTEM = [
  'You are a content-SEO editor. You write the brief a writer follows: one article, one main keyword, a clear outline that beats what already ranks.',
  DATA_RULE,
].join('\n')

export async function writeContentBrief(ctx: StepContext, input: ContentBriefRequest) {
  const project = projectFor(input.profile, input.url)
  const brand = input.profile.globalInfo
  const targetLanguage = project?.target_language ?? 'English'
  const targetRegion = project?.target_region ?? 'United States'
  const knowledge = await retrieveKnowledge({
    industry: brand.brand_industry,
    topic: [input.solution.strategyName, input.solution.coreConcept, 'on-page SEO outline'].join(
      ' '
    ),
  })
  const report = input.seoReport
  const prompt = sections(
    'Write the content brief for one article that carries out this strategy:',
    dataBlock('strategy', input.solution),
    dataBlock('site', input.url),
    brandBlock(input.profile, { project, market: { targetRegion, targetLanguage } }),
    report &&
      dataBlock('diagnosis', {
        coreInsight: report.coreInsight,
        keywordTopicFit: report.keywordTopicFit,
        userIntentCoverage: report.userIntentCoverage,
        topicalAuthority: report.topicalAuthority,
      }),
    input.competitors.length > 0 &&
      dataBlock(
        'competitors',
        input.competitors.map((c) => ({
          url: c.url,
          topArticle: c.topArticle,
          strengths: c.strengths,
          weaknesses: c.weaknesses,
        }))
      ),
    'Choose a main keyword that fits the strategy and the diagnosis (prefer its topical keywords and the target keywords), avoid keywords already used by the project and every negative keyword, and plan the outline to cover what the competitors miss.',
    knowledge.block,
    instructionsBlock(input.userInstructions),
    briefLanguage(input.uiLanguage, targetLanguage)
  )
  const { data } = await ctx.ai.json({
    system: BRIEF_SYSTEM,
    prompt,
    schema: BriefOutput,
    signal: ctx.signal,
  })
  return { ...toBrief(data, { targetRegion, targetLanguage }), knowledge: knowledge.refs }
}
