/**
 * @module seo/schemas
 * Shapes exchanged between SEO steps. Request schemas are bounded; the model-output schemas for
 * each step live with the step.
 */
import * as v from 'valibot'
import { DOCUMENT_ID } from '../../core/ids'
import { Notice } from '../../core/notice-schema'
import { requiredText, text, textList } from '../../core/schema'

export const MAX_ARTICLE = 200_000

export const Url = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(2048))

/** A saved SEO project's id (the library's document id). */
export const ProjectId = v.pipe(
  v.string(),
  v.regex(
    DOCUMENT_ID,
    'Must be 1-64 lowercase letters, digits or dashes, starting with a letter or digit'
  )
)

export const Article = v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_ARTICLE))

export const TopArticle = v.object({
  title: text(500),
  url: text(2048),
  reason: v.optional(text(2000), ''),
})

export const Competitor = v.object({
  id: v.optional(text(100), ''),
  url: requiredText(2048),
  name: v.optional(text(200)),
  isManual: v.optional(v.boolean()),
  reasonText: v.optional(text(2000)),
  contentSeoScore: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(100))),
  topArticle: v.optional(v.nullable(TopArticle)),
  /** Content strengths and weaknesses found by the competitor analysis. */
  strengths: v.optional(textList(10, 500)),
  weaknesses: v.optional(textList(10, 500)),
})
export type Competitor = v.InferOutput<typeof Competitor>

export const Competitors = v.pipe(v.array(Competitor), v.maxLength(10))

/** What a prompt needs of an analyzed competitor (ids and flags stay out). */
export const reviewedCompetitor = (c: Competitor) => ({
  url: c.url,
  name: c.name,
  contentSeoScore: c.contentSeoScore,
  topArticle: c.topArticle,
  strengths: c.strengths,
  weaknesses: c.weaknesses,
})

export const ReportItem = v.object({
  analysis: v.optional(text(5000), ''),
  recommendation: v.optional(text(5000), ''),
})

export const SeoDiagnosisReport = v.object({
  siteUrl: v.optional(text(2048), ''),
  contentSeoHealthScore: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(100)), 0),
  coreInsight: v.optional(text(5000), ''),
  keywordTopicFit: v.optional(
    v.object({
      analysis: v.optional(text(5000), ''),
      recommendation: v.optional(text(5000), ''),
      topicalKeywords: v.optional(textList(30), []),
    }),
    {}
  ),
  topicalAuthority: v.optional(ReportItem, {}),
  userIntentCoverage: v.optional(ReportItem, {}),
  contentDiscoverability: v.optional(ReportItem, {}),
})
export type SeoDiagnosisReport = v.InferOutput<typeof SeoDiagnosisReport>

export const CompetitiveLandscape = v.object({
  overallTrend: v.optional(text(5000), ''),
  yourDisadvantage: v.optional(text(5000), ''),
  strategicOpportunity: v.optional(text(5000), ''),
})

export const CompetitorAnalysisReport = v.object({
  competitiveLandscape: v.optional(CompetitiveLandscape, {}),
  competitors: v.optional(Competitors, []),
})

const count = v.pipe(v.number(), v.minValue(0), v.maxValue(1e12))

/**
 * A row of the site's own Search Console data that a strategy rests on, with its id in the
 * report (`q` top query, `p` top page, `w` quick win, `c` cannibalisation, `g` gap).
 */
export const SearchEvidenceRow = v.object({
  id: v.pipe(v.string(), v.regex(/^[qpwcg]\d{1,3}$/, 'Must be a report row id such as w1')),
  kind: v.picklist(['query', 'page', 'quickWin', 'cannibalisation', 'gap']),
  /** The query, or the page for a top page. */
  label: requiredText(2048),
  pages: v.optional(textList(10, 2048)),
  clicks: count,
  impressions: count,
  position: v.pipe(v.number(), v.minValue(0), v.maxValue(1000)),
})
export type SearchEvidenceRow = v.InferOutput<typeof SearchEvidenceRow>

/** The report rows a strategy step is given, and where they come from. */
export const SearchEvidence = v.object({
  property: requiredText(300),
  startDate: text(10),
  endDate: text(10),
  rows: v.pipe(v.array(SearchEvidenceRow), v.maxLength(60)),
})
export type SearchEvidence = v.InferOutput<typeof SearchEvidence>

export const SolutionOption = v.object({
  id: v.optional(text(100), ''),
  strategyName: requiredText(300),
  seoGoal: v.optional(text(2000), ''),
  coreConcept: v.optional(text(3000), ''),
  contentExamples: v.optional(textList(10, 500), []),
  strategicReason: v.optional(text(3000), ''),
  /** The Search Console rows the strategy acts on (when the board had the site's data). */
  evidence: v.optional(v.pipe(v.array(SearchEvidenceRow), v.maxLength(8))),
})
export type SolutionOption = v.InferOutput<typeof SolutionOption>

export const ContentBrief = v.object({
  titleSuggestion: v.optional(text(300), ''),
  topicSummary: v.optional(text(3000), ''),
  targetRegion: v.optional(text(100), 'United States'),
  targetLanguage: v.optional(text(50), 'English'),
  mainKeyword: requiredText(200),
  secondaryKeywords: v.optional(textList(20), []),
  suggestedOutline: v.optional(textList(40, 300), []),
  estimatedWordcount: v.optional(
    v.pipe(v.number(), v.integer(), v.minValue(200), v.maxValue(10_000)),
    1500
  ),
  aiRecommendations: v.optional(textList(10, 1000), []),
})
export type ContentBrief = v.InferOutput<typeof ContentBrief>

const measure = v.optional(v.number())

/** What a pre-flight check measured: the UI words the finding from these and the check id. */
export const PreflightFacts = v.object({
  keyword: v.optional(text(200)),
  count: measure,
  target: measure,
  min: measure,
  max: measure,
  value: measure,
  skippedLevel: v.optional(v.boolean()),
  list: v.optional(textList(200, 200)),
  cjk: v.optional(v.boolean()),
})
export type PreflightFacts = v.InferOutput<typeof PreflightFacts>

const between = (min: number, max: number) => v.pipe(v.number(), v.minValue(min), v.maxValue(max))
const rating = between(1, 5)

/** What a pre-flight score is made of: the UI words the explanation from these. */
export const PreflightScoreParts = v.object({
  score: between(0, 100),
  checkPoints: between(0, 60),
  passed: between(0, 40),
  applicable: between(0, 40),
  reviewPoints: between(0, 40),
  ratings: v.object({ brandVoice: rating, searchIntent: rating, eeat: rating }),
  /** The checks that did not apply (check ids). */
  left: textList(20, 60),
})

/** A note a step puts beside its result (competitor analysis warnings): see core/codes.ts. */
export const StepNotice = Notice

export const PreflightIssue = v.object({
  type: v.picklist(['Keyword', 'SEO', 'BrandVoice', 'Readability']),
  description: requiredText(2000),
  suggestion: v.optional(text(2000), ''),
  /** Where the issue came from: a deterministic check or the model's editorial review. */
  source: v.optional(v.picklist(['check', 'review'])),
  /** The pre-flight check that failed (for `source: 'check'`). */
  checkId: v.optional(text(60)),
  /** What that check measured; with `checkId`, the UI words the issue in the user's language. */
  facts: v.optional(PreflightFacts),
  /** Knowledge-base documents the review cited for this issue. */
  knowledgeIds: v.optional(textList(5, 200)),
})
export type PreflightIssue = v.InferOutput<typeof PreflightIssue>

/** Free-text steering the user adds to a step. */
export const UserInstructions = v.optional(text(2000))
