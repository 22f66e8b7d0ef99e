/**
 * @module seo/responses
 * What each SEO step answers, as schemas: the API document shows them, and each step's result
 * must fit its schema (`step()` checks it at compile time; the tests check every answer).
 * They reuse the request shapes where a step answers one (a brief, competitors).
 */
import * as v from 'valibot'
import { GROUNDING_ENTRIES } from '../../ai/grounding-schema'
import { MediaRefSchema } from '../../storage/media-schema'
import {
  CompetitiveLandscape,
  Competitor,
  ContentBrief,
  PreflightFacts,
  PreflightIssue,
  PreflightScoreParts,
  SeoDiagnosisReport,
  SolutionOption,
  StepNotice,
} from './schemas'

export const KnowledgeRef = v.object({
  id: v.string(),
  title: v.string(),
  summary: v.string(),
  url: v.pipe(v.string(), v.description('`/api/seo/knowledge/<id>`: the whole document.')),
})

const knowledge = v.pipe(
  v.array(KnowledgeRef),
  v.description('Knowledge-base documents the answer drew on (cited as [K1]… in the text).')
)

export const DiagnosisResponse = v.object({
  ...SeoDiagnosisReport.entries,
  ...GROUNDING_ENTRIES,
  knowledge,
})

export const CompetitorsResponse = v.object({
  competitors: v.array(Competitor),
  ...GROUNDING_ENTRIES,
})

export const CompetitorAnalysisResponse = v.object({
  competitiveLandscape: CompetitiveLandscape,
  competitors: v.array(Competitor),
  knowledge,
  ...GROUNDING_ENTRIES,
  warnings: v.pipe(
    v.array(StepNotice),
    v.description('Notes on the analysis, coded ({ code, params, message }) for the UI to word.')
  ),
  failures: v.pipe(
    v.array(
      v.object({
        id: v.string(),
        url: v.string(),
        code: v.pipe(v.string(), v.description('The error code of the failed review.')),
        message: v.pipe(v.string(), v.description('Its English text.')),
      })
    ),
    v.description('Competitors that could not be reviewed (the others are answered).')
  ),
})

export const SolutionBoardResponse = v.object({ solutions: v.array(SolutionOption), knowledge })

export const BriefResponse = v.object({ ...ContentBrief.entries, knowledge })

export const AgentActionResponse = v.variant('action', [
  v.object({ action: v.literal('go_to_step'), step: v.number(), stepName: v.string() }),
  v.object({
    action: v.literal('rerun_step'),
    step: v.number(),
    stepName: v.string(),
    instructions: v.string(),
  }),
  v.object({ action: v.literal('answer_question'), text: v.string() }),
])

export const ResearchResponse = v.object({ summary: v.string(), ...GROUNDING_ENTRIES })

export const OutlineResponse = v.object({
  outline: v.pipe(v.array(v.string()), v.description('`## ` and `### ` headings, in order.')),
})

export const ArticleResponse = v.object({ article: v.pipe(v.string(), v.description('Markdown.')) })

export const ImagesResponse = v.object({
  article: v.pipe(v.string(), v.description('The article with the images placed.')),
  images: v.array(v.object({ sectionTitle: v.string(), alt: v.string(), media: MediaRefSchema })),
  failures: v.array(
    v.object({
      sectionTitle: v.string(),
      error: v.object({ code: v.string(), message: v.string() }),
    })
  ),
})

export const PreflightResponse = v.object({
  score: v.number(),
  scoreExplanation: v.string(),
  scoreParts: PreflightScoreParts,
  checks: v.array(
    v.object({
      id: v.string(),
      label: v.string(),
      passed: v.boolean(),
      detail: v.string(),
      facts: v.pipe(
        v.optional(PreflightFacts),
        v.description('What a measured check found: the UI words the check from its id and these.')
      ),
    })
  ),
  issues: v.array(PreflightIssue),
  knowledge,
})

export const MetadataResponse = v.object({
  seoTitle: v.string(),
  seoDescription: v.string(),
  slug: v.string(),
  tags: v.array(v.string()),
})

export const KnowledgeList = v.object({ documents: v.array(KnowledgeRef) })

export const KnowledgeDocument = v.object({
  id: v.string(),
  title: v.string(),
  summary: v.string(),
  topics: v.array(v.string()),
  industries: v.array(v.string()),
  markdown: v.string(),
})
