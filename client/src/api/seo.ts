/**
 * @module api/seo
 * The SEO workflow endpoints, typed from the server's routes: request bodies are the routes'
 * valibot input types, answers their JSON. Research, article, polish and auto-fix are read as
 * event streams (`postEventStream`), so text shows up while the model writes.
 */
import { hc, type InferRequestType, type InferResponseType } from 'hono/client'
import type { AppType } from '../../../server/app'
import { client, request, withSignal } from './client'
import { postEventStream, type StreamOptions } from './sse'

const seo = client.api.seo
/** The same routes on a placeholder origin, only to read their paths (`$url()` needs an origin). */
const routes = hc<AppType>('http://studio.invalid/').api.seo

type Route = {
  $post: (...args: never[]) => unknown
  $url: () => URL
}
export type BodyOf<R extends Route> =
  InferRequestType<R['$post']> extends { json: infer J } ? J : never
export type AnswerOf<R extends Route> = InferResponseType<R['$post'], 200>

export type DiagnosisBody = BodyOf<typeof seo.diagnosis>
export type DiagnosisResult = AnswerOf<typeof seo.diagnosis>
export type CompetitorsBody = BodyOf<typeof seo.competitors>
export type CompetitorsResult = AnswerOf<typeof seo.competitors>
export type CompetitorAnalysisBody = BodyOf<(typeof seo)['competitor-analysis']>
export type CompetitorAnalysisResult = AnswerOf<(typeof seo)['competitor-analysis']>
export type SolutionBoardBody = BodyOf<(typeof seo)['solution-board']>
export type SolutionBoardResult = AnswerOf<(typeof seo)['solution-board']>
export type ContentBriefBody = BodyOf<(typeof seo)['content-brief']>
export type ContentBriefResult = AnswerOf<(typeof seo)['content-brief']>
export type NewIdeaBody = BodyOf<(typeof seo)['new-content-idea']>
export type AgentBody = BodyOf<(typeof seo)['agent-action']>
export type AgentAnswer = AnswerOf<(typeof seo)['agent-action']>
export type ResearchBody = BodyOf<(typeof seo)['web-research']>
export type OutlineBody = BodyOf<(typeof seo)['generate-outline']>
export type OutlineResult = AnswerOf<(typeof seo)['generate-outline']>
export type ArticleBody = BodyOf<(typeof seo)['write-article']>
export type PolishBody = BodyOf<(typeof seo)['polish-article']>
export type ImagesBody = BodyOf<(typeof seo)['generate-images']>
export type ImagesResult = AnswerOf<(typeof seo)['generate-images']>
export type PreflightBody = BodyOf<(typeof seo)['preflight-check']>
export type PreflightResult = AnswerOf<(typeof seo)['preflight-check']>
export type AutoFixBody = BodyOf<(typeof seo)['auto-fix']>
export type MetadataBody = BodyOf<(typeof seo)['generate-metadata']>
export type MetadataResult = AnswerOf<(typeof seo)['generate-metadata']>

export type Competitor = CompetitorsResult['competitors'][number]
export type AnalysedCompetitor = CompetitorAnalysisResult['competitors'][number]
export type Solution = SolutionBoardResult['solutions'][number]
export type ContentBrief = Omit<ContentBriefResult, 'knowledge'>
export type KnowledgeRef = SolutionBoardResult['knowledge'][number]
export type Source = DiagnosisResult['sources'][number]
/** The answer of web-research (its route also streams, so the type is written out). */
export interface ResearchResult {
  summary: string
  sources: Source[]
  searchQueries?: string[]
  searchEntryPoints?: string[]
}
export type PreflightIssue = PreflightResult['issues'][number]

/** The diagnosis as later steps take it (`seoReport`): the report, not its sources or notes. */
export function seoReportOf(diagnosis: DiagnosisResult): CompetitorAnalysisBody['seoReport'] {
  const {
    sources: _s,
    searchQueries: _q,
    searchEntryPoints: _e,
    knowledge: _k,
    ...report
  } = diagnosis
  return report
}

/** The competitor analysis as later steps take it (`analysisReport`). */
export const analysisReportOf = (
  analysis: Pick<CompetitorAnalysisResult, 'competitiveLandscape' | 'competitors'>
) => ({
  competitiveLandscape: analysis.competitiveLandscape,
  competitors: analysis.competitors,
})

export const seoApi = {
  diagnose: (body: DiagnosisBody, signal?: AbortSignal) =>
    request(seo.diagnosis.$post({ json: body }, withSignal(signal))),
  findCompetitors: (body: CompetitorsBody, signal?: AbortSignal) =>
    request(seo.competitors.$post({ json: body }, withSignal(signal))),
  analyseCompetitors: (body: CompetitorAnalysisBody, signal?: AbortSignal) =>
    request(seo['competitor-analysis'].$post({ json: body }, withSignal(signal))),
  solutionBoard: (body: SolutionBoardBody, signal?: AbortSignal) =>
    request(seo['solution-board'].$post({ json: body }, withSignal(signal))),
  contentBrief: (body: ContentBriefBody, signal?: AbortSignal) =>
    request(seo['content-brief'].$post({ json: body }, withSignal(signal))),
  newContentIdea: (body: NewIdeaBody, signal?: AbortSignal) =>
    request(seo['new-content-idea'].$post({ json: body }, withSignal(signal))),
  agentAction: (body: AgentBody, signal?: AbortSignal) =>
    request(seo['agent-action'].$post({ json: body }, withSignal(signal))),
  outline: (body: OutlineBody, signal?: AbortSignal) =>
    request(seo['generate-outline'].$post({ json: body }, withSignal(signal))),
  images: (body: ImagesBody, signal?: AbortSignal) =>
    request(seo['generate-images'].$post({ json: body }, withSignal(signal))),
  preflight: (body: PreflightBody, signal?: AbortSignal) =>
    request(seo['preflight-check'].$post({ json: body }, withSignal(signal))),
  metadata: (body: MetadataBody, signal?: AbortSignal) =>
    request(seo['generate-metadata'].$post({ json: body }, withSignal(signal))),

  research: (body: ResearchBody, options: StreamOptions = {}) =>
    postEventStream<ResearchResult>(path(routes['web-research']), body, options),
  writeArticle: (body: ArticleBody, options: StreamOptions = {}) =>
    postEventStream<{ article: string }>(path(routes['write-article']), body, options),
  polish: (body: PolishBody, options: StreamOptions = {}) =>
    postEventStream<{ article: string }>(path(routes['polish-article']), body, options),
  autoFix: (body: AutoFixBody, options: StreamOptions = {}) =>
    postEventStream<{ article: string }>(path(routes['auto-fix']), body, options),
}

/** The path of a route, fetched on this page's own origin. */
const path = (route: Route) => route.$url().pathname
