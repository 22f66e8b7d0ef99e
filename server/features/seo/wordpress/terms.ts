/**
 * @module seo/wordpress/terms
 * Categories and tags by name: an existing term is found by its name (WordPress answers names
 * HTML-escaped, so they are unescaped to compare), a missing one is created. Two publishes that
 * race to create one meet WordPress's `term_exists`, whose answer names the term: it is used.
 */
import { AppError } from '../../../core/errors'
import type { WordPressApi } from './rest'

export type Taxonomy = 'categories' | 'tags'

export interface Term {
  id: number
  name: string
}

interface WpTerm {
  id: number
  name: string
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#039;': "'",
  '&#8217;': '’',
}
const unescapeName = (s: string) =>
  s.replace(/&(?:amp|lt|gt|quot|#039|#8217);/g, (e) => ENTITIES[e] ?? e)
const same = (a: string, b: string) =>
  unescapeName(a).trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase()

/** The ids of `names` in `taxonomy`, creating those that do not exist (in order, no duplicates). */
export async function ensureTerms(
  api: WordPressApi,
  taxonomy: Taxonomy,
  names: readonly string[]
): Promise<Term[]> {
  const terms: Term[] = []
  for (const name of names) {
    if (!name.trim() || terms.some((t) => same(t.name, name))) continue
    terms.push(await ensureTerm(api, taxonomy, name.trim()))
  }
  return terms
}

async function ensureTerm(api: WordPressApi, taxonomy: Taxonomy, name: string): Promise<Term> {
  const found = await api.json<WpTerm[]>('GET', `/wp/v2/${taxonomy}`, {
    query: { search: name, per_page: '100', context: 'edit' },
  })
  const existing = found.find((t) => same(t.name, name))
  if (existing) return { id: existing.id, name: unescapeName(existing.name) }
  try {
    const created = await api.json<WpTerm>('POST', `/wp/v2/${taxonomy}`, { body: { name } })
    return { id: created.id, name: unescapeName(created.name) }
  } catch (error) {
    const termId = existingTermId(error)
    if (termId) return { id: termId, name }
    throw error
  }
}

function existingTermId(error: unknown): number | undefined {
  if (!(error instanceof AppError)) return undefined
  const upstream = (error.details as { upstream?: { code?: string; termId?: number } } | undefined)
    ?.upstream
  return upstream?.code === 'term_exists' ? upstream.termId : undefined
}
