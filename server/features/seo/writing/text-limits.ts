/**
 * @module seo/writing/text-limits
 * Length rules for metadata, enforced locally: lengths counted in characters as a reader sees
 * them (code points, so one CJK character or emoji is one), trimming at a word boundary
 * (between characters for scripts written without spaces), and ASCII kebab-case URL slugs.
 */
import { hasCjk } from './markdown'

export const charLength = (text: string) => [...text].length

// Separators and dangling punctuation a cut must not leave at the end.
const TRAILING = /[\s\-–—|:;,.!?·、，。：；！？（(「『"'/]+$/u

/**
 * `text` when it fits; else cut to at most `max` characters at the last word boundary (or, for
 * text without spaces such as Chinese, at a character boundary). Never longer than `max`.
 */
export function trimToLimit(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim()
  const chars = [...clean]
  if (chars.length <= max) return clean
  const head = chars.slice(0, max).join('')
  const nextIsBoundary = /\s/.test(chars[max] ?? ' ')
  const lastSpace = head.lastIndexOf(' ')
  // Cut between words only when the text is spaced and a word boundary is reasonably near.
  const useWords = !nextIsBoundary && lastSpace > max * 0.5 && !hasCjk(head.slice(lastSpace))
  const cut = nextIsBoundary ? head : useWords ? head.slice(0, lastSpace) : head
  return cut.replace(TRAILING, '') || head
}

// Letters that Unicode decomposition does not turn into ASCII.
const LETTERS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
}
const GERMAN: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue' }

export const MAX_SLUG = 75

/**
 * An ASCII kebab-case slug (`[a-z0-9]+(-[a-z0-9]+)*`, at most 75 characters, cut at a hyphen);
 * empty when nothing ASCII is left (e.g. Chinese text). German umlauts become ae/oe/ue.
 */
export function toSlug(text: string, language = ''): string {
  let s = text.toLowerCase()
  if (/german|deutsch|^de\b/i.test(language)) s = s.replace(/[äöü]/g, (c) => GERMAN[c] ?? c)
  s = s
    .replace(/[ßæœøđðłþı]/g, (c) => LETTERS[c] ?? c)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  if (s.length <= MAX_SLUG) return s
  const cut = s.slice(0, MAX_SLUG + 1)
  const lastHyphen = cut.lastIndexOf('-')
  return (lastHyphen > 0 ? cut.slice(0, lastHyphen) : s.slice(0, MAX_SLUG)).replace(/-+$/, '')
}

/** Tags trimmed, without `#`, de-duplicated (case-insensitively), at most `max`. */
export function normalizeTags(tags: readonly string[], max: number): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const tag of tags) {
    const clean = trimToLimit(tag.replace(/^#+/, ''), 50)
    const key = clean.toLocaleLowerCase()
    if (!clean || seen.has(key)) continue
    seen.add(key)
    out.push(clean)
    if (out.length === max) break
  }
  return out
}
