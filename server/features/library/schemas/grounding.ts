/**
 * @module library/schemas/grounding
 * What a saved answer rests on: the grounding of a Google Search-grounded step (its sources, the
 * queries searched and Google's search suggestions, which must be shown with the answer wherever
 * it is reopened) and the knowledge-base notes a step cited. Named as the SEO endpoints answer
 * with them. Pure valibot (shared with the browser).
 */
import * as v from 'valibot'
import { text, textList } from '../../../core/schema'

/** Sources of one step (several grounded answers merged: each competitor's review, say). */
export const MAX_GROUNDING_SOURCES = 100
export const MAX_SEARCH_QUERIES = 60
/** One search-suggestion snippet per grounded answer of the step. */
export const MAX_SEARCH_ENTRY_POINTS = 10
/** Google's snippets are a few kilobytes of HTML with CSS and an inline SVG logo. */
export const MAX_SEARCH_ENTRY_POINT_LENGTH = 32_000
export const MAX_KNOWLEDGE_REFS = 20

export const GroundingSource = v.object({
  /** On the Developer API the source's domain; the link is Google's redirect to it. */
  title: text(500),
  url: text(2048),
  domain: v.optional(text(300)),
})

/** `searchEntryPoint.renderedContent` as Google sent it (displayed in a sandboxed frame). */
export const SearchEntryPoint = v.pipe(v.string(), v.maxLength(MAX_SEARCH_ENTRY_POINT_LENGTH))

/** The grounding fields of a step's result, each optional so documents saved before stay valid. */
export const groundingEntries = {
  sources: v.optional(v.pipe(v.array(GroundingSource), v.maxLength(MAX_GROUNDING_SOURCES)), []),
  searchQueries: v.optional(textList(MAX_SEARCH_QUERIES, 500), []),
  searchEntryPoints: v.optional(
    v.pipe(v.array(SearchEntryPoint), v.maxLength(MAX_SEARCH_ENTRY_POINTS)),
    []
  ),
}

/** The grounding of a step whose result has no object of its own to carry it (a list). */
export const Grounding = v.object(groundingEntries)

/** A citable pointer to a knowledge-base document (`/api/seo/knowledge/<id>`). */
export const KnowledgeRef = v.object({
  id: text(200),
  title: v.optional(text(500), ''),
  summary: v.optional(text(2000), ''),
  url: v.optional(text(500), ''),
})

export const KnowledgeList = v.pipe(v.array(KnowledgeRef), v.maxLength(MAX_KNOWLEDGE_REFS))

/** The notes a step's result cited (none for a result saved before they were kept). */
export const KnowledgeRefs = v.optional(KnowledgeList, [])
