/**
 * @module seo/knowledge/search
 * Retrieval: full-text search over sections (title, summary, topics, heading, body; with field
 * boosts, prefix and light fuzzy matching), best section per document, documents for the
 * project's industry and for all industries ranked above the rest, and an excerpt per hit.
 */
import { bestPassage } from './excerpt'
import { type IndustryTag, industryTagsFor } from './industries'
import { FIELD_BOOSTS, findKnowledgeDocument, knowledgeIndex } from './library'
import { expandQuery } from './query-expansion'
import { type KnowledgeHit, type KnowledgeQuery, knowledgeUrl } from './types'

export const DEFAULT_LIMIT = 3
export const MAX_LIMIT = 10
const MAX_QUERY_CHARS = 1000

/** Within the favoured group, notes written for the industry outrank general ones of equal score. */
const INDUSTRY_MATCH_BOOST = 1.5

interface DocumentMatch {
  docId: string
  sectionKey: string
  terms: string[]
  score: number
}

/** Keeps the best-scoring section of each document. */
function bestPerDocument(results: readonly { id: string; score: number; terms: string[] }[]) {
  const best = new Map<string, DocumentMatch>()
  for (const result of results) {
    const docId = result.id.slice(0, result.id.indexOf('#'))
    const current = best.get(docId)
    if (!current || result.score > current.score)
      best.set(docId, { docId, sectionKey: result.id, terms: result.terms, score: result.score })
  }
  return [...best.values()]
}

/** 2: written for one of the project's industries; 1: for all industries; 0: for other ones. */
function industryRank(docIndustries: readonly string[], tags: readonly IndustryTag[]): number {
  if (tags.some((tag) => docIndustries.includes(tag))) return 2
  return docIndustries.includes('all') ? 1 : 0
}

/**
 * The top `limit` results, where the best note written for the project's industry (if any matched)
 * takes the last place rather than being crowded out by general notes: broad questions such as a
 * site audit match many general notes, and the industry note is the one a generic answer lacks.
 */
function reserveIndustrySlot<T extends { forIndustry: boolean }>(ranked: T[], limit: number): T[] {
  const top = ranked.slice(0, limit)
  if (limit < 2 || top.some((r) => r.forIndustry)) return top
  const industryNote = ranked.find((r) => r.forIndustry)
  return industryNote ? [...top.slice(0, limit - 1), industryNote] : top
}

const clampLimit = (limit = DEFAULT_LIMIT) =>
  Number.isFinite(limit) ? Math.min(MAX_LIMIT, Math.max(1, Math.floor(limit))) : DEFAULT_LIMIT

export async function searchKnowledge(query: KnowledgeQuery): Promise<KnowledgeHit[]> {
  const topic = query.topic.trim()
  const industry = query.industry?.trim() ?? ''
  const tags = industryTagsFor(industry)
  // A bare industry is still a useful question ("what matters for a dental clinic?"): its tags'
  // words ("local services healthcare") find the notes written for it.
  // Callers build topics from keyword lists; a bound keeps one search cheap whatever they send.
  const text = expandQuery((topic || `${industry} ${tags.join(' ')}`).slice(0, MAX_QUERY_CHARS))
  if (!text.trim()) return []

  const { engine, sections } = await knowledgeIndex()
  const results = engine.search(text, {
    boost: FIELD_BOOSTS,
    combineWith: 'OR',
    prefix: (term) => term.length >= 4,
    fuzzy: (term) => (term.length >= 6 ? 0.2 : false),
    maxFuzzy: 1,
  })

  const ranked = bestPerDocument(results).flatMap((match) => {
    const doc = findKnowledgeDocument(match.docId)
    const section = sections.get(match.sectionKey)
    if (!doc || !section) return []
    const rank = industry ? industryRank(doc.industries, tags) : 1
    const score = match.score * (rank === 2 ? INDUSTRY_MATCH_BOOST : 1)
    return [
      { doc, section, terms: match.terms, rank: Math.min(rank, 1), forIndustry: rank === 2, score },
    ]
  })
  // Favoured documents (the industry's and general ones) first, then by score.
  ranked.sort((a, b) => b.rank - a.rank || b.score - a.score)

  return reserveIndustrySlot(ranked, clampLimit(query.limit)).map(
    ({ doc, section, terms, score }) => ({
      id: doc.id,
      title: doc.title,
      summary: doc.summary,
      url: knowledgeUrl(doc.id),
      excerpt: bestPassage(section, new Set(terms)),
      score: Math.round(score * 1000) / 1000,
    })
  )
}
