/**
 * @module stores/seo-document
 * The SEO project document as the workspace holds it (one plain JSON object; stores/seo-library
 * maps it to the saved-work document): the site, the brand profile it uses, each step's result,
 * the article, the chat. And the pure rules over it: which steps are open, which results an
 * earlier step's new result makes out of date.
 */

import type { DocumentOf } from '../../../server/features/library/schemas'
import {
  type ChatEntry,
  MAX_CHAT_ENTRIES,
  MAX_CHAT_TEXT,
} from '../../../server/features/library/schemas/chat'
import { SEO_STEPS, type SeoStepId } from '../../../server/features/seo/steps'
import type {
  Competitor,
  ContentBrief,
  DiagnosisResult,
  KnowledgeRef,
  MetadataResult,
  ResearchResult,
  SolutionBoardResult,
  Source,
} from '../api/seo'

export type { ChatEntry }

type SavedProject = DocumentOf<'seo-projects'>
/** Results as kept: notes saved before they were coded are plain text, a report may lack parts. */
export type SavedAnalysis = NonNullable<SavedProject['steps']['competitorAnalysis']>
export type SavedPreflight = NonNullable<SavedProject['steps']['preflight']>
/** What made the current article text (the library's version sources). */
export type ArticleSource = NonNullable<SavedProject['article']>['source']
export type ProfileChoice = NonNullable<SavedProject['profile']>

export interface CompetitorPicks {
  found: Competitor[]
  manual: Competitor[]
  /** Ids of the competitors to analyse (1 to MAX_PICKED). */
  selected: string[]
  sources: Source[]
  searchQueries?: string[]
  /** Google's search suggestions for the search that found them. */
  searchEntryPoints?: string[]
}

export interface SeoDocument {
  version: 1
  id: string
  siteUrl: string
  /** The brand profile the project writes for: a saved one by id, or a copy kept in it. */
  profile?: ProfileChoice
  /**
   * The furthest step whose result is in step with every earlier one. A step after it that has
   * a result is out of date (an earlier step was run again): kept, marked, run again on demand.
   */
  freshThrough: number
  diagnosis?: DiagnosisResult
  competitors?: CompetitorPicks
  analysis?: SavedAnalysis
  solutions?: SolutionBoardResult
  chosenSolutionId?: string
  brief?: ContentBrief
  briefKnowledge?: KnowledgeRef[]
  /** The user confirmed the brief: the editing step may write. */
  briefConfirmed?: boolean
  research?: ResearchResult
  outline?: string[]
  article?: string
  articleSource?: ArticleSource
  preflight?: SavedPreflight
  metadata?: MetadataResult
  chat: ChatEntry[]
  /** The site's Search Console property (`sc-domain:` or a URL prefix). */
  searchConsole?: SavedProject['searchConsole']
  /** The article's WordPress draft, as the last publish left it. */
  publication?: SavedProject['publication']
}

export const MAX_PICKED = 3

export const newSeoDocument = (siteUrl: string, id = projectIdFor(siteUrl)): SeoDocument => ({
  version: 1,
  id,
  siteUrl,
  freshThrough: 0,
  chat: [],
})

/** Whether step `n` has a result of its own. */
export function hasResult(document: SeoDocument | undefined, n: number): boolean {
  const results = [
    document?.diagnosis,
    document?.competitors,
    document?.analysis,
    document?.solutions,
    document?.brief,
    document?.article,
    document?.metadata,
  ]
  return Boolean(results[n - 1])
}

/**
 * The document after step `step` got a new result: the later steps keep theirs, which are now
 * out of date. A result made on an out-of-date step is itself out of date.
 */
export function afterNewResult(document: SeoDocument, step: number): SeoDocument {
  const fresh = document.freshThrough
  return { ...document, freshThrough: fresh >= step - 1 ? Math.max(step, 0) : fresh }
}

/** Step `n` has a result built on an earlier step's older result. */
export const isStale = (document: SeoDocument | undefined, n: number): boolean =>
  Boolean(document) && hasResult(document, n) && n > (document?.freshThrough ?? 0)

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

/** The chat with `entry` added: the newest lines are kept, as many as the saved document holds. */
export function withChatEntry(chat: readonly ChatEntry[], entry: ChatEntry): ChatEntry[] {
  const line = { ...entry, text: entry.text.slice(0, MAX_CHAT_TEXT) }
  return [...chat, line].slice(-MAX_CHAT_ENTRIES)
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

/** A new project's id: the site's host and a random suffix (the library's id rule). */
export function projectIdFor(siteUrl: string): string {
  let host = 'site'
  try {
    host = new URL(siteUrl).hostname.replace(/^www\./, '')
  } catch {
    // Not a URL: the suffix alone keeps the id unique.
  }
  const slug = host
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return `${slug.slice(0, 48) || 'site'}-${randomId()
    .replace(/[^a-z0-9]/g, '')
    .slice(0, 8)}`
}

export function randomId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`
}
