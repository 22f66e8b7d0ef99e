/**
 * @module seo/strategy/competitor-analysis
 * `competitor-analysis`: reviews the confirmed competitors concurrently (bounded), then sets the
 * diagnosis against them in a landscape. A competitor whose review fails is reported in
 * `failures`, never filled in; when every review fails the request fails with that error.
 */
import pLimit from 'p-limit'
import * as v from 'valibot'
import { groundingFields } from '../../../ai/grounding'
import type { Notice } from '../../../core/codes'
import { AppError, errors } from '../../../core/errors'
import { fieldIssue } from '../../../core/field-rules'
import { UiLanguage } from '../../../core/schema'
import { BrandProfile, projectFor } from '../../brand/profile'
import type { StepContext } from '../../context'
import { Competitor, type Competitor as CompetitorShape, SeoDiagnosisReport } from '../schemas'
import { type CompetitorReview, reviewCompetitor } from './competitor-review'
import { retrieveKnowledge } from './knowledge'
import { describeLandscape } from './landscape'
import { strategyNotice } from './notices'
import { SiteUrl, SiteUrlText, sameSite, siteKey } from './site-url'

export { CompetitorAnalysisResponse } from '../responses'

export const MAX_ANALYZED_COMPETITORS = 5
/** Reviews running at once; each is one grounded JSON call (two where Search and JSON cannot share one). */
export const REVIEW_CONCURRENCY = 3

export const CompetitorAnalysisRequest = v.object({
  competitors: v.pipe(
    v.array(v.object({ ...Competitor.entries, url: SiteUrlText })),
    v.minLength(1, 'Select at least one competitor'),
    v.maxLength(MAX_ANALYZED_COMPETITORS)
  ),
  seoReport: SeoDiagnosisReport,
  profile: BrandProfile,
  /** The user's site; `seoReport.siteUrl` when absent. */
  url: v.optional(SiteUrl),
  uiLanguage: UiLanguage,
})
export type CompetitorAnalysisRequest = v.InferOutput<typeof CompetitorAnalysisRequest>

export interface ReviewFailure {
  id: string
  url: string
  /** The error code (core/error-codes.ts) the UI words; `message` is its English text. */
  code: string
  message: string
}

export async function analyzeCompetitors(
  ctx: StepContext,
  input: CompetitorAnalysisRequest,
  concurrency = REVIEW_CONCURRENCY
) {
  const siteUrl = input.url ?? input.seoReport.siteUrl
  const project = projectFor(input.profile, siteUrl)
  const industry = input.profile.globalInfo.brand_industry
  const warnings: Notice[] = []
  const competitors = distinctCompetitors(input.competitors, siteUrl, warnings)

  const limit = pLimit(concurrency)
  const market = {
    industry,
    region: project?.target_region,
    keywords: project?.target_keywords ?? [],
    ui: input.uiLanguage,
  }
  const [outcomes, knowledge] = await Promise.all([
    Promise.all(
      competitors.map((competitor) =>
        limit(() => reviewCompetitor(ctx, competitor, market)).then(
          (review) => ({ competitor, review }),
          (error: unknown) => ({ competitor, error })
        )
      )
    ),
    retrieveKnowledge({
      industry,
      topic: 'competitor content analysis content gap topical authority E-E-A-T',
    }),
  ])

  const reviewed: CompetitorReview[] = []
  const failures: ReviewFailure[] = []
  let firstError: unknown
  for (const outcome of outcomes) {
    if ('review' in outcome) {
      reviewed.push(outcome.review)
      warnings.push(...outcome.review.warnings)
      continue
    }
    firstError ??= outcome.error
    const failure = failureOf(outcome.competitor, outcome.error)
    failures.push(failure)
    ctx.log.warn('competitor review failed', {
      competitor: failure.url,
      code: failure.code,
      ...(outcome.error instanceof AppError ? {} : { error: String(outcome.error) }),
    })
  }
  if (reviewed.length === 0) throw firstError

  const analyzed = reviewed.map((r) => r.competitor)
  const competitiveLandscape = await describeLandscape(ctx, {
    siteUrl,
    diagnosis: input.seoReport,
    competitors: analyzed,
    knowledgeBlock: knowledge.block,
    ui: input.uiLanguage,
  })
  return {
    competitiveLandscape,
    competitors: analyzed,
    knowledge: knowledge.refs,
    ...groundingFields(...reviewed.map((r) => r.grounding)),
    warnings,
    failures,
  }
}

/** Ids filled in, one entry per site; the user's own site is an input error. */
function distinctCompetitors(
  list: readonly CompetitorShape[],
  siteUrl: string,
  warnings: Notice[]
): CompetitorShape[] {
  const seen = new Set<string>()
  const out: CompetitorShape[] = []
  list.forEach((competitor, i) => {
    if (siteUrl && sameSite(competitor.url, siteUrl)) {
      throw errors.invalidInput([fieldIssue(`competitors.${i}.url`, 'own_site')])
    }
    const key = siteKey(competitor.url) ?? competitor.url
    if (seen.has(key)) {
      warnings.push(strategyNotice('competitor_listed_twice', { url: competitor.url }))
      return
    }
    seen.add(key)
    out.push({ ...competitor, id: competitor.id || `comp-${i + 1}` })
  })
  return out
}

function failureOf(competitor: CompetitorShape, error: unknown): ReviewFailure {
  const known = error instanceof AppError ? error : errors.internal(error)
  return { id: competitor.id, url: competitor.url, code: known.code, message: known.message }
}
