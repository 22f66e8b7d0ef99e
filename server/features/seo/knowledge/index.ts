/**
 * @module seo/knowledge
 * The SEO knowledge base: Markdown notes written for this product, searched by industry and topic.
 * Endpoints load it with `await import('./knowledge')` and put `knowledgePromptBlock(hits)` in their
 * prompts and `toKnowledgeRefs(hits)` in their responses, so the model's [K1] citations resolve to
 * documents the UI can open at `/api/seo/knowledge/:id`.
 */
import { dataBlock } from '../../../core/prompt-blocks'
import { findKnowledgeDocument, knowledgeDocuments } from './library'
import { type KnowledgeDoc, type KnowledgeHit, type KnowledgeRef, knowledgeUrl } from './types'

export { searchKnowledge } from './search'
export type { KnowledgeDoc, KnowledgeHit, KnowledgeQuery, KnowledgeRef } from './types'

const toRef = (doc: { id: string; title: string; summary: string }): KnowledgeRef => ({
  id: doc.id,
  title: doc.title,
  summary: doc.summary,
  url: knowledgeUrl(doc.id),
})

/**
 * The prompt section for retrieved notes, labelled [K1], [K2]… in hit order (the order of
 * `toKnowledgeRefs`), or '' when nothing was found so prompts carry no empty block.
 */
export function knowledgePromptBlock(hits: KnowledgeHit[]): string {
  if (hits.length === 0) return ''
  const labels = hits.map((_, i) => `[K${i + 1}]`)
  const entries = hits.map((hit, i) => `${labels[i]} ${hit.title}\n${hit.excerpt}`)
  return `${dataBlock('knowledge', entries.join('\n\n'))}\nCite these as ${labels.join(', ')} where you use them.`
}

/** The citable part of each hit, for responses (the excerpt and score stay server-side). */
export function toKnowledgeRefs(hits: KnowledgeHit[]): KnowledgeRef[] {
  return hits.map(toRef)
}

export async function getKnowledgeDoc(id: string): Promise<KnowledgeDoc | undefined> {
  const doc = findKnowledgeDocument(id)
  return doc && { ...doc, topics: [...doc.topics], industries: [...doc.industries] }
}

export async function listKnowledge(): Promise<KnowledgeRef[]> {
  return knowledgeDocuments().map(toRef)
}
