/**
 * @module stores/seo-library
 * The workspace's SEO document and the saved-work document (`seo-projects`, the server's
 * `SeoProjectDocument`) mapped both ways. The saved document holds all of a project: every
 * step's result with what it rests on (grounding, knowledge notes, the analysis' warnings and
 * failures) and the chat, so it reopens the same in any browser.
 */
import type { DocumentOf } from '../../../server/features/library/schemas'
import type { SeoDocument } from './seo-document'

export type ProjectDocument = DocumentOf<'seo-projects'>

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

/** The saved document of a workspace document. */
export function toProjectDocument(doc: SeoDocument): ProjectDocument {
  const options = doc.solutions?.solutions
  const picks = doc.competitors
  const research = doc.research
  return {
    title: projectTitle(doc),
    site: {
      url: doc.siteUrl,
      ...(doc.brief ? { region: doc.brief.targetRegion, language: doc.brief.targetLanguage } : {}),
    },
    profile: doc.profile,
    currentStep: Math.min(Math.max(doc.freshThrough, 1), 7),
    steps: {
      diagnosis: doc.diagnosis,
      competitors: picks && [...picks.found, ...picks.manual],
      competitorsGrounding: picks && {
        sources: picks.sources,
        searchQueries: picks.searchQueries ?? [],
        searchEntryPoints: picks.searchEntryPoints ?? [],
      },
      selectedCompetitorIds: picks?.selected,
      competitorAnalysis: doc.analysis,
      solutions: options,
      solutionsKnowledge: doc.solutions?.knowledge,
      selectedSolution: options?.find((s) => s.id === doc.chosenSolutionId),
      brief: doc.brief && { ...doc.brief, knowledge: doc.briefKnowledge ?? [] },
      research: research && {
        summary: research.summary,
        sources: research.sources,
        searchQueries: research.searchQueries ?? [],
        searchEntryPoints: research.searchEntryPoints ?? [],
      },
      outline: doc.outline,
      preflight: doc.preflight,
    },
    article: doc.article
      ? { markdown: doc.article, metadata: doc.metadata, source: doc.articleSource ?? 'edit' }
      : undefined,
    articleVersions: [],
    chat: doc.chat,
    searchConsole: doc.searchConsole,
    publication: doc.publication,
  }
}

/** The workspace document of a saved one. */
export function fromProjectDocument(id: string, saved: ProjectDocument): SeoDocument {
  const { steps, article } = saved
  const all = steps.competitors ?? []
  const chosen = steps.selectedSolution?.id
  return {
    version: 1,
    id,
    siteUrl: saved.site.url,
    profile: saved.profile,
    freshThrough: saved.currentStep,
    diagnosis: steps.diagnosis,
    competitors: steps.competitors && {
      found: all.filter((c) => !c.isManual),
      manual: all.filter((c) => c.isManual),
      selected: steps.selectedCompetitorIds ?? [],
      sources: steps.competitorsGrounding?.sources ?? [],
      searchQueries: steps.competitorsGrounding?.searchQueries ?? [],
      searchEntryPoints: steps.competitorsGrounding?.searchEntryPoints ?? [],
    },
    analysis: steps.competitorAnalysis,
    solutions: steps.solutions && {
      solutions: steps.solutions,
      knowledge: steps.solutionsKnowledge ?? [],
    },
    chosenSolutionId: chosen,
    ...briefOf(steps.brief),
    briefConfirmed: saved.currentStep >= 6 || Boolean(steps.research || steps.outline || article),
    research: steps.research,
    outline: steps.outline,
    article: article?.markdown,
    articleSource: article?.source,
    preflight: steps.preflight,
    metadata: article?.metadata?.seoTitle ? fullMetadata(article.metadata) : undefined,
    chat: saved.chat,
    searchConsole: saved.searchConsole,
    publication: saved.publication,
  }
}

/** The brief and the knowledge notes it cited, kept apart in the workspace. */
function briefOf(
  saved: ProjectDocument['steps']['brief']
): Pick<SeoDocument, 'brief' | 'briefKnowledge'> {
  if (!saved) return {}
  const { knowledge, ...brief } = saved
  return { brief, briefKnowledge: knowledge }
}

const fullMetadata = (m: NonNullable<ProjectDocument['article']>['metadata']) => ({
  seoTitle: m?.seoTitle ?? '',
  seoDescription: m?.seoDescription ?? '',
  slug: m?.slug ?? '',
  tags: m?.tags ?? [],
})
