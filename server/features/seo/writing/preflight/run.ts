/**
 * @module seo/writing/preflight/run
 * `preflight-check`: deterministic checks measured locally, merged with the model's editorial
 * review (judged against the knowledge base, which is returned for the UI to show), scored in a
 * documented way (score.ts) and explained. A failed review is an error, never a made-up report.
 */
import * as v from 'valibot'
import { UiLanguage } from '../../../../core/schema'
import { BrandProfile } from '../../../brand/profile'
import type { StepContext } from '../../../context'
import type { KnowledgeRef } from '../../knowledge'
import { Article, ContentBrief, type PreflightIssue } from '../../schemas'
import { type Check, runChecks } from './checks'
import { messagesFor, type ScoreParts } from './messages'
import { knowledgeFor, reviewArticle } from './review'
import { checkList, scoreOf } from './score'

export { PreflightResponse } from '../../responses'

export const PreflightRequest = v.object({
  article: Article,
  brief: ContentBrief,
  profile: BrandProfile,
  uiLanguage: UiLanguage,
})
export type PreflightRequest = v.InferOutput<typeof PreflightRequest>

export interface PreflightReport {
  score: number
  scoreExplanation: string
  /** What the score is made of: the UI words the explanation from these. */
  scoreParts: ScoreParts
  checks: Check[]
  issues: PreflightIssue[]
  knowledge: KnowledgeRef[]
}

export async function preflightCheck(
  ctx: StepContext,
  body: PreflightRequest
): Promise<PreflightReport> {
  const findings = runChecks(body)
  const hits = await knowledgeFor(body)
  const review = await reviewArticle(ctx, body, hits)
  const { toKnowledgeRefs } = await import('../../knowledge')
  const messages = messagesFor(body.uiLanguage)
  const issues: PreflightIssue[] = [
    ...findings
      .filter((f) => !f.passed)
      .map((f) => ({
        type: f.type,
        description: messages.detail(f),
        suggestion: messages.suggestion(f),
        source: 'check' as const,
        checkId: f.id,
        facts: f.facts,
      })),
    ...review.issues.map((issue) => ({
      type: issue.type,
      description: issue.description,
      suggestion: issue.suggestion,
      source: 'review' as const,
      ...(issue.knowledgeIds.length ? { knowledgeIds: issue.knowledgeIds } : {}),
    })),
  ]
  return {
    ...scoreOf(findings, review, body.uiLanguage),
    checks: checkList(findings, review, body.uiLanguage),
    issues,
    knowledge: toKnowledgeRefs(hits),
  }
}
