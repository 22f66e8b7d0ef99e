/**
 * @module schema
 * Schema pieces every feature's requests and documents share: bounded, trimmed text and lists
 * (so no field is unbounded), the UI language the user reads analysis in, and the query of a
 * paged listing.
 */
import * as v from 'valibot'

export const text = (max: number) => v.pipe(v.string(), v.trim(), v.maxLength(max))
export const requiredText = (max: number) =>
  v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max))
export const textList = (maxItems: number, maxLength = 200) =>
  v.pipe(v.array(text(maxLength)), v.maxLength(maxItems))

export const UI_LANGUAGES = ['zh-CN', 'en'] as const
export type UiLanguage = (typeof UI_LANGUAGES)[number]
/** The language of user-facing analysis: zh-CN unless the request says `en`. */
export const UiLanguage = v.optional(v.picklist(UI_LANGUAGES), 'zh-CN')

/**
 * The query of a paged listing (`?limit=&cursor=`): a whole number of items from 1 to `max`,
 * `fallback` when absent, and the opaque cursor the previous page returned.
 */
export const pageQuery = (fallback: number, max: number, maxCursorLength: number) =>
  v.object({
    limit: v.optional(
      v.pipe(
        v.string(),
        v.regex(/^\d+$/, 'Must be a whole number'),
        v.description(`Items per page: a whole number from 1 to ${max} (default ${fallback}).`),
        v.transform(Number),
        v.minValue(1),
        v.maxValue(max)
      ),
      String(fallback)
    ),
    cursor: v.optional(
      v.pipe(
        v.string(),
        v.maxLength(maxCursorLength),
        v.description('The `nextCursor` of the previous page.')
      )
    ),
  })
