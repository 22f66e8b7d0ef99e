/**
 * @module stores/seo-library
 * The workspace's SEO document and the saved-work document (`seo-projects`, the server's
 * `SeoProjectDocument`) mapped both ways. The saved document holds every step's result; what it
 * has no field for (the chat, the grounding details and knowledge notes of answers) is kept on
 * this device beside it, each piece marked with the result it belongs to, so it is put back only
 * onto that same result.
 */
import type { DocumentOf } from '../../../server/features/library/schemas'
import type { Source } from '../api/seo'
import type { ChatEntry, SeoDocument } from './seo-document'

export type ProjectDocument = DocumentOf<'seo-projects'>

/** The parts of each result the saved document has no field for. */
const LOCAL_FIELDS = {
  diagnosis: ['sources', 'searchQueries', 'searchEntryPoints', 'knowledge'],
  analysis: ['sources', 'searchQueries', 'searchEntryPoints', 'knowledge', 'warnings', 'failures'],
  solutions: ['knowledge'],
  research: ['searchQueries', 'searchEntryPoints'],
} as const
type LocalField = keyof typeof LOCAL_FIELDS

/** What identifies each result (two different results never share it). */
const MARKS = {
  diagnosis: (d: SeoDocument) =>
    d.diagnosis && `${d.diagnosis.contentSeoHealthScore}|${d.diagnosis.coreInsight}`,
  competitors: (d: SeoDocument) => d.competitors?.found.map((c) => c.url).join(' '),
  analysis: (d: SeoDocument) =>
    d.analysis &&
    `${d.analysis.competitors.map((c) => c.url).join(' ')}|${d.analysis.competitiveLandscape.overallTrend}`,
  solutions: (d: SeoDocument) => d.solutions?.solutions.map((s) => s.strategyName).join('|'),
  research: (d: SeoDocument) => d.research?.summary,
  brief: (d: SeoDocument) => d.brief && `${d.chosenSolutionId}|${d.brief.titleSuggestion}`,
}

/** One result's local parts and the mark of the result they belong to. */
interface Extra {
  mark: string
  fields: Record<string, unknown>
}

/** What this device keeps of a project beside the saved document. */
export interface DeviceExtras {
  chat: ChatEntry[]
  results: Partial<Record<LocalField | 'competitors' | 'brief', Extra>>
}

const pick = (value: object | undefined, keys: readonly string[]) =>
  Object.fromEntries(
    Object.entries(value ?? {}).filter(([key]) => (keys as readonly string[]).includes(key))
  )
const omit = <T extends object>(value: T, keys: readonly string[]): T =>
  Object.fromEntries(
    Object.entries(value).filter(([key]) => !(keys as readonly string[]).includes(key))
  ) as T

/** The title a listing shows: the brief's title, else the site. */
export function projectTitle(doc: SeoDocument): string {
  let site = doc.siteUrl
  try {
    site = new URL(doc.siteUrl).hostname.replace(/^www\./, '')
  } catch {
    // Shown as typed.
  }
  const title = doc.metadata?.seoTitle || doc.brief?.titleSuggestion
  return (title ? `${title} · ${site}` : site).slice(0, 200)
}

/** The saved document of a workspace document (its local parts left out). */
export function toProjectDocument(doc: SeoDocument): ProjectDocument {
  const options = doc.solutions?.solutions
  const picks = doc.competitors
  return {
    title: projectTitle(doc),
    site: {
      url: doc.siteUrl,
      ...(doc.brief ? { region: doc.brief.targetRegion, language: doc.brief.targetLanguage } : {}),
    },
    profile: doc.profile,
    currentStep: Math.min(Math.max(doc.freshThrough, 1), 7),
    steps: {
      diagnosis: doc.diagnosis && omit(doc.diagnosis, LOCAL_FIELDS.diagnosis),
      competitors: picks && [...picks.found, ...picks.manual],
      selectedCompetitorIds: picks?.selected,
      competitorAnalysis: doc.analysis && {
        competitiveLandscape: doc.analysis.competitiveLandscape,
        competitors: doc.analysis.competitors,
      },
      solutions: options,
      selectedSolution: options?.find((s) => s.id === doc.chosenSolutionId),
      brief: doc.brief,
      research: doc.research && { summary: doc.research.summary, sources: doc.research.sources },
      outline: doc.outline,
      preflight: doc.preflight,
    },
    article: doc.article
      ? { markdown: doc.article, metadata: doc.metadata, source: doc.articleSource ?? 'edit' }
      : undefined,
    articleVersions: [],
  }
}

/** What this device keeps of `doc` beside its saved document. */
export function deviceExtrasOf(doc: SeoDocument): DeviceExtras {
  const results: DeviceExtras['results'] = {}
  for (const field of Object.keys(LOCAL_FIELDS) as LocalField[]) {
    const mark = MARKS[field](doc)
    if (mark) results[field] = { mark, fields: pick(doc[field], LOCAL_FIELDS[field]) }
  }
  const competitorsMark = MARKS.competitors(doc)
  if (competitorsMark && doc.competitors) {
    results.competitors = {
      mark: competitorsMark,
      fields: pick(doc.competitors, ['sources', 'searchEntryPoints']),
    }
  }
  const briefMark = MARKS.brief(doc)
  if (briefMark) results.brief = { mark: briefMark, fields: { knowledge: doc.briefKnowledge } }
  return { chat: doc.chat, results }
}

const NO_GROUNDING = { sources: [], searchQueries: [], searchEntryPoints: [], knowledge: [] }

/** The workspace document of a saved one, with this device's parts put back where they fit. */
export function fromProjectDocument(
  id: string,
  saved: ProjectDocument,
  extras: DeviceExtras | undefined
): SeoDocument {
  const { steps, article } = saved
  const all = steps.competitors ?? []
  const chosen = steps.selectedSolution?.id
  const doc: SeoDocument = {
    version: 1,
    id,
    siteUrl: saved.site.url,
    profile: saved.profile,
    freshThrough: saved.currentStep,
    diagnosis: steps.diagnosis && { ...NO_GROUNDING, ...steps.diagnosis },
    competitors: steps.competitors && {
      found: all.filter((c) => !c.isManual),
      manual: all.filter((c) => c.isManual),
      selected: steps.selectedCompetitorIds ?? [],
      sources: [] as Source[],
    },
    analysis: steps.competitorAnalysis && {
      ...NO_GROUNDING,
      warnings: [],
      failures: [],
      competitiveLandscape: steps.competitorAnalysis.competitiveLandscape,
      competitors: steps.competitorAnalysis.competitors,
    },
    solutions: steps.solutions && { solutions: steps.solutions, knowledge: [] },
    chosenSolutionId: chosen,
    brief: steps.brief,
    briefConfirmed: saved.currentStep >= 6 || Boolean(steps.research || steps.outline || article),
    research: steps.research && { ...NO_GROUNDING, ...steps.research },
    outline: steps.outline,
    article: article?.markdown,
    articleSource: article?.source,
    preflight: steps.preflight,
    metadata: article?.metadata?.seoTitle ? fullMetadata(article.metadata) : undefined,
    chat: extras?.chat ?? [],
  }
  return withExtras(doc, extras)
}

const fullMetadata = (m: NonNullable<ProjectDocument['article']>['metadata']) => ({
  seoTitle: m?.seoTitle ?? '',
  seoDescription: m?.seoDescription ?? '',
  slug: m?.slug ?? '',
  tags: m?.tags ?? [],
})

function withExtras(doc: SeoDocument, extras: DeviceExtras | undefined): SeoDocument {
  const results = extras?.results ?? {}
  const fits = (field: keyof typeof MARKS) => {
    const extra = results[field]
    return extra && extra.mark === MARKS[field](doc) ? extra.fields : undefined
  }
  const next = { ...doc }
  for (const field of Object.keys(LOCAL_FIELDS) as LocalField[]) {
    const fields = fits(field)
    if (fields && next[field]) Object.assign(next, { [field]: { ...next[field], ...fields } })
  }
  const picks = fits('competitors')
  if (picks && next.competitors) next.competitors = { ...next.competitors, ...picks }
  const brief = fits('brief')
  if (brief) next.briefKnowledge = brief.knowledge as SeoDocument['briefKnowledge']
  return next
}
