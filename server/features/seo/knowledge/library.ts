/**
 * @module seo/knowledge/library
 * The parsed documents and the full-text index, both built on first use and kept for the life of
 * the process. Nothing happens at import: server start pays for neither parsing nor MiniSearch
 * (which is itself imported only when the index is first needed).
 */

import type MiniSearch from 'minisearch'
import { once } from '../../../core/lazy'
import { KNOWLEDGE_SOURCES } from './documents'
import { parseKnowledgeDoc } from './front-matter'
import { type KnowledgeSection, splitSections } from './sections'
import { processTerm, tokenize } from './text-analysis'
import type { KnowledgeDoc } from './types'

/** What the index stores per section: the document's fields are repeated so they count for it. */
interface SectionRecord {
  key: string
  title: string
  summary: string
  topics: string
  heading: string
  text: string
}

export interface KnowledgeIndex {
  engine: MiniSearch<SectionRecord>
  sections: ReadonlyMap<string, KnowledgeSection>
}

/** Field weights: a match in the title or topics says more than one in the body. */
export const FIELD_BOOSTS = { title: 3, topics: 2.5, heading: 2, summary: 1.5, text: 1 }

let documents:
  | { list: readonly KnowledgeDoc[]; byId: ReadonlyMap<string, KnowledgeDoc> }
  | undefined
let indexBuilt = false

function loadDocuments() {
  if (!documents) {
    const list = KNOWLEDGE_SOURCES.map((source) => parseKnowledgeDoc(source.text, source.file))
    documents = { list, byId: new Map(list.map((doc) => [doc.id, doc])) }
  }
  return documents
}

/** Every document, in the curated order of `documents.ts`. */
export const knowledgeDocuments = (): readonly KnowledgeDoc[] => loadDocuments().list

export const findKnowledgeDocument = (id: string): KnowledgeDoc | undefined =>
  loadDocuments().byId.get(id)

async function buildIndex(): Promise<KnowledgeIndex> {
  const { default: MiniSearchEngine } = await import('minisearch')
  const engine = new MiniSearchEngine<SectionRecord>({
    idField: 'key',
    fields: ['title', 'summary', 'topics', 'heading', 'text'],
    storeFields: [],
    tokenize,
    processTerm,
  })
  const sections = new Map<string, KnowledgeSection>()
  for (const doc of knowledgeDocuments()) {
    for (const section of splitSections(doc.id, doc.markdown)) {
      sections.set(section.key, section)
      engine.add({
        key: section.key,
        title: doc.title,
        summary: doc.summary,
        // Kebab-case tags split at hyphens, so "internal-linking" matches "internal linking".
        topics: doc.topics.join(' '),
        heading: section.heading,
        text: section.text,
      })
    }
  }
  indexBuilt = true
  return { engine, sections }
}

/** The section index, built on the first call; concurrent first calls share one build. */
export const knowledgeIndex = once(buildIndex)

/** Whether the index has been built in this process (lets tests prove it is lazy). */
export const isKnowledgeIndexBuilt = () => indexBuilt
