/**
 * @module library/schemas/seo-project
 * A saved SEO project: the site, the chosen brand profile (a saved one by id, or embedded), each
 * workflow step's result with what it rests on (the grounding of Search-grounded steps, the
 * knowledge notes cited, the analysis' warnings and failures), the current step (1-7, as in the
 * stepper), the article with its metadata, and the chat. `articleVersions` (the last versions of
 * the article, newest first) is kept by the server: a client may send back what it got, but the
 * server's list is what is stored. Pure valibot (shared with the browser).
 */
import * as v from 'valibot'
import { text, textList } from '../../../core/schema'
import { BrandProfile } from '../../brand/profile'
import {
  Article,
  CompetitorAnalysisReport,
  Competitors,
  ContentBrief,
  PreflightFacts,
  PreflightIssue,
  PreflightScoreParts,
  SeoDiagnosisReport,
  SolutionOption,
  Url,
} from '../../seo/schemas'
import { Property } from '../../seo/search-console/property'
import { Chat } from './chat'
import {
  boundedNumber,
  DocumentId,
  positiveInteger,
  savedNotes,
  Timestamp,
  Title,
  Updated,
} from './common'
import { Grounding, groundingEntries, KnowledgeList, KnowledgeRefs } from './grounding'

/** Article versions kept per project (older ones are dropped). */
export const ARTICLE_VERSIONS_KEPT = 20
export const SEO_STEPS = 7

export const ProfileChoice = v.variant('source', [
  v.object({ source: v.literal('library'), id: DocumentId }),
  v.object({ source: v.literal('embedded'), profile: BrandProfile }),
])

export const Research = v.object({
  summary: v.pipe(v.string(), v.maxLength(30_000)),
  ...groundingEntries,
})

export const Diagnosis = v.object({
  ...SeoDiagnosisReport.entries,
  ...groundingEntries,
  knowledge: KnowledgeRefs,
})

/** A competitor whose review failed: reported, never filled in. */
export const ReviewFailure = v.object({
  id: v.optional(text(100), ''),
  url: text(2048),
  code: text(60),
  message: text(2000),
})

export const MAX_ANALYSIS_WARNINGS = 50

export const CompetitorAnalysis = v.object({
  ...CompetitorAnalysisReport.entries,
  ...groundingEntries,
  knowledge: KnowledgeRefs,
  warnings: v.optional(savedNotes(MAX_ANALYSIS_WARNINGS, 3000), []),
  failures: v.optional(v.pipe(v.array(ReviewFailure), v.maxLength(10)), []),
})

export const Brief = v.object({ ...ContentBrief.entries, knowledge: KnowledgeRefs })

export const PreflightCheck = v.object({
  id: text(60),
  label: v.optional(text(300), ''),
  passed: v.boolean(),
  detail: v.optional(text(2000), ''),
  facts: v.optional(PreflightFacts),
})

export const PreflightReport = v.object({
  score: boundedNumber(0, 100),
  scoreExplanation: v.optional(text(3000), ''),
  scoreParts: v.optional(PreflightScoreParts),
  checks: v.optional(v.pipe(v.array(PreflightCheck), v.maxLength(40)), []),
  issues: v.optional(v.pipe(v.array(PreflightIssue), v.maxLength(60)), []),
  knowledge: KnowledgeRefs,
})

/** Each step's latest result; a step not reached yet is absent. */
export const SeoSteps = v.object({
  diagnosis: v.optional(Diagnosis),
  competitors: v.optional(Competitors),
  /** The Google search that found the competitors. */
  competitorsGrounding: v.optional(Grounding),
  /** Ids of the competitors the user confirmed for the analysis. */
  selectedCompetitorIds: v.optional(textList(10, 100)),
  competitorAnalysis: v.optional(CompetitorAnalysis),
  solutions: v.optional(v.pipe(v.array(SolutionOption), v.maxLength(10))),
  /** The knowledge notes the strategy board cited. */
  solutionsKnowledge: v.optional(KnowledgeList),
  selectedSolution: v.optional(SolutionOption),
  brief: v.optional(Brief),
  research: v.optional(Research),
  outline: v.optional(textList(40, 300)),
  preflight: v.optional(PreflightReport),
})

export const ArticleMetadata = v.object({
  seoTitle: v.optional(text(400), ''),
  seoDescription: v.optional(text(1000), ''),
  slug: v.optional(text(300), ''),
  tags: v.optional(textList(20, 100), []),
})

/** What produced a version of the article. */
export const ARTICLE_SOURCES = [
  'write',
  'polish',
  'illustrate',
  'auto-fix',
  /** An illustration replaced by its brand fix. */
  'brand-fix',
  'edit',
  'restore',
  'import',
] as const
export const ArticleSource = v.picklist(ARTICLE_SOURCES)

const VersionNumber = positiveInteger(1_000_000_000)

export const ArticleDraft = v.object({
  markdown: Article,
  metadata: v.optional(ArticleMetadata),
  source: v.optional(ArticleSource, 'edit'),
  /** Set by the server: the version this text was saved as. */
  version: v.optional(VersionNumber),
  /** Set by the server when a restore brought this text back. */
  restoredFrom: v.optional(VersionNumber),
})
export type ArticleDraft = v.InferOutput<typeof ArticleDraft>

export const ArticleVersionInfo = v.object({
  version: VersionNumber,
  savedAt: Timestamp,
  source: ArticleSource,
  /** Length of the Markdown, in characters. */
  characters: v.pipe(v.number(), v.integer(), v.minValue(0)),
  seoTitle: v.optional(text(400)),
  restoredFrom: v.optional(VersionNumber),
})
export type ArticleVersionInfo = v.InferOutput<typeof ArticleVersionInfo>

export const WordPressDraft = v.object({
  siteUrl: text(2048),
  postId: positiveInteger(1e12),
  status: text(40),
  link: text(2048),
  editUrl: text(2048),
  /** Where the article will live once published: the page Search Console tracks. */
  pageUrl: text(2048),
  publishedAt: Timestamp,
})

export const SeoProjectDocument = v.object({
  title: Title,
  updated: Updated,
  site: v.object({
    url: Url,
    region: v.optional(text(100)),
    language: v.optional(text(50)),
  }),
  profile: v.optional(ProfileChoice),
  currentStep: v.optional(positiveInteger(SEO_STEPS), 1),
  steps: v.optional(SeoSteps, {}),
  article: v.optional(ArticleDraft),
  articleVersions: v.optional(
    v.pipe(v.array(ArticleVersionInfo), v.maxLength(ARTICLE_VERSIONS_KEPT)),
    []
  ),
  chat: Chat,
  /** The site's Search Console property (`sc-domain:` or a URL prefix). */
  searchConsole: v.optional(v.object({ property: Property })),
  /** The article's WordPress draft, as the last publish left it. */
  publication: v.optional(v.object({ wordpress: WordPressDraft })),
})
export type SeoProjectDocument = v.InferOutput<typeof SeoProjectDocument>
