/**
 * @module seo/knowledge/excerpt
 * Picks the passage of a section to show the model and the UI: the whole section when it fits,
 * otherwise the run of paragraphs around the one that mentions the most query terms, cut at a
 * sentence end. Keeps prompts small while quoting the part that answered the query.
 */
import type { KnowledgeSection } from './sections'
import { termsOf } from './text-analysis'

export const MAX_EXCERPT_CHARS = 1200

/** Shortens text to `max` characters at a sentence end, else at a word boundary, with an ellipsis. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text
  const room = text.slice(0, max - 1)
  const sentenceEnd = Math.max(
    room.lastIndexOf('. '),
    room.lastIndexOf('.\n'),
    room.lastIndexOf('。'),
    room.lastIndexOf('! '),
    room.lastIndexOf('? ')
  )
  if (sentenceEnd > max * 0.5) return room.slice(0, sentenceEnd + 1).trimEnd()
  const space = room.lastIndexOf(' ')
  return `${(space > max * 0.5 ? room.slice(0, space) : room).trimEnd()}…`
}

function matchCount(paragraph: string, queryTerms: ReadonlySet<string>): number {
  let count = 0
  for (const term of termsOf(paragraph)) if (queryTerms.has(term)) count++
  return count
}

/**
 * The most relevant passage of `section` for the matched `queryTerms` (index terms, as returned by
 * the search), at most `max` characters, starting with the section heading when there is room.
 */
export function bestPassage(
  section: KnowledgeSection,
  queryTerms: ReadonlySet<string>,
  max = MAX_EXCERPT_CHARS
): string {
  const title = section.heading ? `${section.heading}\n` : ''
  const whole = `${title}${section.text}`.trim()
  if (whole.length <= max) return whole

  const paragraphs = section.text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
  const scores = paragraphs.map((p) => matchCount(p, queryTerms))
  // Earliest best paragraph: earlier paragraphs usually state the point, later ones the details.
  const best = scores.indexOf(Math.max(...scores, 0))
  const budget = max - title.length
  let first = Math.max(best, 0)
  let last = first
  let length = paragraphs[first]?.length ?? 0
  const fits = (i: number) => length + 2 + (paragraphs[i]?.length ?? Infinity) <= budget
  while (last + 1 < paragraphs.length && fits(last + 1))
    length += 2 + (paragraphs[++last]?.length ?? 0)
  while (first > 0 && fits(first - 1)) length += 2 + (paragraphs[--first]?.length ?? 0)
  const passage = paragraphs.slice(first, last + 1).join('\n\n')
  return clip(`${title}${passage}`, max)
}
