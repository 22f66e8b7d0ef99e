/**
 * @module seo/strategy/output
 * Building blocks for the model-output schemas of the strategy steps. They stay within what
 * Gemini's response schemas handle well (objects, arrays, strings, integers, enums) and carry a
 * description the model reads; the same schema then validates the answer.
 */
import * as v from 'valibot'

/** A non-empty string the model writes. */
export const prose = (max: number, description: string) =>
  v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max), v.description(description))

/** A bounded list. */
export const list = <S extends v.GenericSchema>(
  item: S,
  min: number,
  max: number,
  description: string
) => v.pipe(v.array(item), v.minLength(min), v.maxLength(max), v.description(description))

/** A whole-number score from 0 to 100. */
export const score = (description: string) =>
  v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100), v.description(description))

/** Case-insensitive de-duplication that keeps the first spelling. */
export function uniqueTexts(texts: readonly string[]): string[] {
  const seen = new Set<string>()
  return texts.filter((t) => {
    const key = t.trim().toLocaleLowerCase()
    if (!key || seen.has(key)) return false
    seen.add(key)
    return true
  })
}
