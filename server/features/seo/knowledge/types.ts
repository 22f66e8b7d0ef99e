/**
 * @module seo/knowledge/types
 * The shapes the knowledge base hands to the SEO endpoints and the UI.
 */

/** A citable pointer to a knowledge document. */
export interface KnowledgeRef {
  id: string
  title: string
  summary: string
  /** `/api/seo/knowledge/${id}`: where the UI can fetch the whole document. */
  url: string
}

/** One retrieved document with its most relevant passage. */
export interface KnowledgeHit extends KnowledgeRef {
  /** The best-matching passage of the document, at most 1200 characters. */
  excerpt: string
  score: number
}

/** A parsed document: its front matter and its Markdown body (without the front matter). */
export interface KnowledgeDoc {
  id: string
  title: string
  summary: string
  topics: string[]
  industries: string[]
  markdown: string
}

export interface KnowledgeQuery {
  /** Free text ("Specialty coffee e-commerce", "跨境电商") or an industry tag. */
  industry?: string
  /** What the caller needs guidance on, in English or Chinese. */
  topic: string
  /** Documents to return; default 3. */
  limit?: number
}

export const knowledgeUrl = (id: string) => `/api/seo/knowledge/${id}`
