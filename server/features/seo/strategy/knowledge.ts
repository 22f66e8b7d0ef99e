/**
 * @module seo/strategy/knowledge
 * Knowledge-base notes for a strategy prompt: retrieved by industry and topic, written into the
 * prompt as numbered notes the model cites as [K1]…, and returned to the UI as references.
 * The index module is imported on first use so it is not built at server start.
 */
import type { KnowledgeRef } from '../knowledge'

export interface RetrievedKnowledge {
  /** The prompt section (empty when nothing matched). */
  block: string
  refs: KnowledgeRef[]
}

const NOTES_PER_PROMPT = 4

/** The block already asks for [K1]-style citations; this keeps the model to the given labels. */
export const CITATION_RULE =
  'Cite only the notes given above, with their labels; never invent a label.'

export async function retrieveKnowledge(query: {
  industry?: string
  topic: string
}): Promise<RetrievedKnowledge> {
  const kb = await import('../knowledge')
  const hits = await kb.searchKnowledge({
    industry: query.industry?.trim() || undefined,
    topic: query.topic,
    limit: NOTES_PER_PROMPT,
  })
  if (hits.length === 0) return { block: '', refs: [] }
  return {
    block: `${kb.knowledgePromptBlock(hits)}\n${CITATION_RULE}`,
    refs: kb.toKnowledgeRefs(hits),
  }
}
