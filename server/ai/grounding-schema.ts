/**
 * @module ai/grounding-schema
 * The grounding fields of an answer (`grounding.ts`) as a schema, for the API document.
 */
import * as v from 'valibot'

export const SourceSchema = v.object({
  title: v.string(),
  url: v.string(),
  domain: v.optional(v.string()),
})

/** Spread into a response schema: `v.object({ ...GROUNDING_ENTRIES, article: v.string() })`. */
export const GROUNDING_ENTRIES = {
  sources: v.pipe(v.array(SourceSchema), v.description('The web pages the answer rests on.')),
  searchQueries: v.pipe(v.array(v.string()), v.description('What the model searched for.')),
  searchEntryPoints: v.pipe(
    v.array(v.string()),
    v.description(
      "Google's search suggestions (HTML), to display with the answer as Google's terms require."
    )
  ),
}
