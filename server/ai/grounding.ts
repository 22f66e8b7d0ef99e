/**
 * @module ai/grounding
 * How grounded answers are reported to clients: the sources as the API gives them (on the
 * Developer API, Google's redirect links titled by the source's domain), the queries searched,
 * and each answer's search suggestions (`searchEntryPoint.renderedContent`), which Google's
 * Search-grounding terms require the UI to show with the answer.
 */
import type { Grounding, Source } from './types'

export interface GroundingFields {
  sources: Source[]
  searchQueries: string[]
  /** One HTML snippet per grounded answer, to display as Google provides it. */
  searchEntryPoints: string[]
}

export function mergeSources(...lists: Source[][]): Source[] {
  const seen = new Set<string>()
  const out: Source[] = []
  for (const s of lists.flat()) {
    if (seen.has(s.url)) continue
    seen.add(s.url)
    out.push(s)
  }
  return out
}

/** The response fields for one or more grounded answers. */
export function groundingFields(...all: Grounding[]): GroundingFields {
  return {
    sources: mergeSources(...all.map((g) => g.sources)),
    searchQueries: [...new Set(all.flatMap((g) => g.queries))],
    searchEntryPoints: [
      ...new Set(all.map((g) => g.searchEntryPoint).filter((s): s is string => Boolean(s))),
    ],
  }
}
