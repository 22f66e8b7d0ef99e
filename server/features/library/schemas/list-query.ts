/**
 * @module library/schemas/list-query
 * The query of `GET /api/library/:kind`: page size and the cursor from the previous page.
 * Pure valibot (shared with the browser; light enough for the routes to load at start).
 */
import * as v from 'valibot'

export const DEFAULT_PAGE_SIZE = 50
export const MAX_PAGE_SIZE = 200

export const ListQuery = v.object({
  limit: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d+$/, 'Must be a whole number'),
      v.transform(Number),
      v.minValue(1),
      v.maxValue(MAX_PAGE_SIZE)
    ),
    String(DEFAULT_PAGE_SIZE)
  ),
  cursor: v.optional(v.pipe(v.string(), v.maxLength(500))),
})
