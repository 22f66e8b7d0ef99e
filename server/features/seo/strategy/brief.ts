/**
 * @module seo/strategy/brief
 * `content-brief`: the brief for the strategy the user picked, using the diagnosis (`seoReport`),
 * the analyzed competitors and the knowledge base (JSON mode).
 */
import * as v from 'valibot'
import { dataBlock } from '../../../core/prompt-blocks'
import { UiLanguage } from '../../../core/schema'
import { projectFor } from '../../brand/profile'
import type { StepContext } from '../../context'
import { Competitors, SeoDiagnosisReport, SolutionOption, UserInstructions } from '../schemas'
import { askForBrief } from './brief-request'
import { ProfileWithProject } from './inputs'
import { retrieveKnowledge } from './knowledge'
import { SiteUrl } from './site-url'

export { BriefResponse } from '../responses'

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

export async function writeContentBrief(ctx: StepContext, input: ContentBriefRequest) {
  const project = projectFor(input.profile, input.url)
  const market = {
    targetLanguage: project?.target_language ?? 'English',
    targetRegion: project?.target_region ?? 'United States',
  }
  const knowledge = await retrieveKnowledge({
    industry: input.profile.globalInfo.brand_industry,
    topic: [input.solution.strategyName, input.solution.coreConcept, 'on-page SEO outline'].join(
      ' '
    ),
  })
  const report = input.seoReport
  return askForBrief(ctx, input, {
    task: [
      'Write the content brief for one article that carries out this strategy:',
      dataBlock('strategy', input.solution),
      dataBlock('site', input.url),
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
    ],
    project,
    market,
    knowledge,
  })
}
