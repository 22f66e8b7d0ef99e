/**
 * @module stores/seo-document
 * The SEO project document (one plain JSON object, as the saved-work API will keep it): the site,
 * each step's result, the article and its versions, the chat. And the pure rules over it: which
 * steps are open, which results a re-run makes stale, what a loaded document must look like.
 */

import { SEO_STEPS, type SeoStepId } from '../../../server/features/seo/steps'
import type {
  Competitor,
  CompetitorAnalysisResult,
  ContentBrief,
  DiagnosisResult,
  KnowledgeRef,
  MetadataResult,
  PreflightResult,
  ResearchResult,
  SolutionBoardResult,
  Source,
} from '../api/seo'

export interface ChatEntry {
  id: string
  role: 'user' | 'agent'
  text: string
  /** A line about what the workspace did (navigation, a re-run), not something said. */
  action?: boolean
}

export type VersionLabel = 'written' | 'stopped' | 'polished' | 'illustrated' | 'fixed' | 'edited'

export interface ArticleVersion {
  id: string
  label: VersionLabel
  at: string
  article: string
}

export interface CompetitorPicks {
  found: Competitor[]
  manual: Competitor[]
  /** Ids of the competitors to analyse (1 to MAX_PICKED). */
  selected: string[]
  sources: Source[]
}

export interface SeoDocument {
  version: 1
  id: string
  siteUrl: string
  diagnosis?: DiagnosisResult
  competitors?: CompetitorPicks
  analysis?: CompetitorAnalysisResult
  solutions?: SolutionBoardResult
  chosenSolutionId?: string
  brief?: ContentBrief
  briefKnowledge?: KnowledgeRef[]
  /** The user confirmed the brief: the editing step may write. */
  briefConfirmed?: boolean
  research?: ResearchResult
  outline?: string[]
  article?: string
  versions: ArticleVersion[]
  preflight?: PreflightResult
  metadata?: MetadataResult
  chat: ChatEntry[]
}

export const MAX_PICKED = 3
export const MAX_VERSIONS = 12

type ResultField = Exclude<keyof SeoDocument, 'version' | 'id' | 'siteUrl' | 'chat'>

/** The fields each step produces; a new result of a step makes every later step's fields stale. */
export const FIELDS_BY_STEP: Record<number, ResultField[]> = {
  1: ['diagnosis'],
  2: ['competitors'],
  3: ['analysis'],
  4: ['solutions', 'chosenSolutionId'],
  5: ['brief', 'briefKnowledge', 'briefConfirmed'],
  6: ['research', 'outline', 'article', 'versions', 'preflight'],
  7: ['metadata'],
}

export const newSeoDocument = (siteUrl: string, id = randomId()): SeoDocument => ({
  version: 1,
  id,
  siteUrl,
  versions: [],
  chat: [],
})

/** The document without the results of the steps after `step`. */
export function discardAfter(document: SeoDocument, step: number): SeoDocument {
  const next: SeoDocument = { ...document }
  for (const [n, fields] of Object.entries(FIELDS_BY_STEP)) {
    if (Number(n) <= step) continue
    for (const field of fields) delete next[field]
  }
  next.versions = step >= 6 ? document.versions : []
  return next
}

/** Whether step `n` can be shown: the site is set and the step before it has its result. */
export function isOpen(document: SeoDocument | undefined, n: number): boolean {
  if (!document?.siteUrl) return false
  switch (n) {
    case 1:
      return true
    case 2:
      return Boolean(document.diagnosis)
    case 3:
      return Boolean(document.analysis)
    case 4:
      return Boolean(document.solutions)
    case 5:
      return Boolean(document.brief)
    case 6:
      return Boolean(document.brief && document.briefConfirmed)
    case 7:
      return Boolean(document.metadata)
    default:
      return false
  }
}

/** The furthest open step (0 without a project): the agent's "current step". */
export function furthestOpenStep(document: SeoDocument | undefined): number {
  let furthest = 0
  for (const { step } of SEO_STEPS) if (isOpen(document, step)) furthest = step
  return furthest
}

/** Where to send someone who opened a step that is not open yet. */
export function fallbackStep(document: SeoDocument | undefined): SeoStepId {
  const step = furthestOpenStep(document)
  return SEO_STEPS.find((s) => s.step === step)?.id ?? 'diagnosis'
}

/** Every competitor the user can pick from, found ones first. */
export const allCompetitors = (picks: CompetitorPicks | undefined): Competitor[] =>
  picks ? [...picks.found, ...picks.manual] : []

/** The competitors picked for the analysis, in list order. */
export const pickedCompetitors = (picks: CompetitorPicks | undefined): Competitor[] =>
  allCompetitors(picks).filter((c) => picks?.selected.includes(c.id ?? ''))

/** Picks or unpicks a competitor; never more than MAX_PICKED. */
export function togglePick(picks: CompetitorPicks, id: string): CompetitorPicks {
  if (picks.selected.includes(id)) {
    return { ...picks, selected: picks.selected.filter((s) => s !== id) }
  }
  if (picks.selected.length >= MAX_PICKED) return picks
  return { ...picks, selected: [...picks.selected, id] }
}

/** A new version on top, the oldest beyond MAX_VERSIONS dropped. */
export function addVersion(
  versions: ArticleVersion[],
  label: VersionLabel,
  article: string,
  at = new Date()
): ArticleVersion[] {
  const version = { id: randomId(), label, at: at.toISOString(), article }
  return [version, ...versions].slice(0, MAX_VERSIONS)
}

/** A loaded document when it has the shape of one, else undefined. */
export function asSeoDocument(value: unknown): SeoDocument | undefined {
  const doc = value as Partial<SeoDocument> | undefined
  if (doc?.version !== 1 || typeof doc.id !== 'string' || typeof doc.siteUrl !== 'string') {
    return undefined
  }
  return {
    ...doc,
    versions: Array.isArray(doc.versions) ? doc.versions : [],
    chat: Array.isArray(doc.chat) ? doc.chat : [],
  } as SeoDocument
}

export function randomId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`
}
