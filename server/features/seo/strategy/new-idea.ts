/**
 * @module seo/strategy/new-idea
 * `new-content-idea`: another brief that complements the previous one (a new angle and main
 * keyword for the same project), with knowledge-base notes (JSON mode).
 */
import * as v from 'valibot'
import { dataBlock } from '../../../core/prompt-blocks'
import { UiLanguage } from '../../../core/schema'
import { BrandProfile, projectFor } from '../../brand/profile'
import type { StepContext } from '../../context'
import { ContentBrief, SeoDiagnosisReport, UserInstructions } from '../schemas'
import { BriefOutput } from './brief-output'
import { askForBrief } from './brief-request'
import { retrieveKnowledge } from './knowledge'
import { SiteUrl } from './site-url'

export { BriefResponse } from '../responses'

export const NewContentIdeaRequest = v.object({
  profile: BrandProfile,
  previousBrief: ContentBrief,
  /** Picks the project; the first project otherwise. */
  url: v.optional(SiteUrl),
  seoReport: v.optional(SeoDiagnosisReport),
  userInstructions: UserInstructions,
  uiLanguage: UiLanguage,
})
export type NewContentIdeaRequest = v.InferOutput<typeof NewContentIdeaRequest>

export async function proposeNewContentIdea(ctx: StepContext, input: NewContentIdeaRequest) {
  const project = projectFor(input.profile, input.url)
  const previous = input.previousBrief
  const market = {
    targetLanguage: project?.target_language ?? previous.targetLanguage,
    targetRegion: project?.target_region ?? previous.targetRegion,
  }
  const knowledge = await retrieveKnowledge({
    industry: input.profile.globalInfo.brand_industry,
    topic: `${previous.mainKeyword} content ideas topic cluster search intent`,
  })
  return askForBrief(ctx, input, {
    task: [
      'Propose a new article that complements the previous brief: a different angle, search intent and main keyword that strengthens the same topic cluster. Then write its brief.',
      dataBlock('previous_brief', {
        titleSuggestion: previous.titleSuggestion,
        topicSummary: previous.topicSummary,
        mainKeyword: previous.mainKeyword,
        secondaryKeywords: previous.secondaryKeywords,
      }),
      input.seoReport &&
        dataBlock('diagnosis', {
          coreInsight: input.seoReport.coreInsight,
          keywordTopicFit: input.seoReport.keywordTopicFit,
        }),
      'The new main keyword must differ from the previous one and from the keywords already used, and avoid every negative keyword.',
    ],
    project,
    market,
    knowledge,
    // The same answer twice is no new idea: the gateway re-asks once, then refuses.
    schema: v.pipe(
      BriefOutput,
      v.check(
        (d) => !sameKeyword(d.mainKeyword, previous.mainKeyword),
        'The main keyword must differ from the previous brief'
      )
    ),
  })
}

const sameKeyword = (a: string, b: string) =>
  a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase()
