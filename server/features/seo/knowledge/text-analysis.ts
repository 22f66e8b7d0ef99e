/**
 * @module seo/knowledge/text-analysis
 * How documents and queries are cut into search terms. The same functions serve the index, the
 * query and the passage picker, so a term found by the index is found in the passage too.
 * English words are lowercased, stop words dropped and plurals/-ing folded ("linking" = "links");
 * Chinese runs, which have no spaces, are indexed as overlapping character pairs ("百度收录" ->
 * 百度, 度收, 收录) so a Chinese phrase matches without a dictionary.
 */

const STOP_WORDS = new Set(
  (
    'a an and are as at be but by can do does for from has have how i if in into is it its ' +
    'me my not of on or our seo so than that the their them then there these they this to was we ' +
    'what when where which who why will with you your'
  ).split(' ')
)

// CJK ideographs (Unified, Extension A, Compatibility). Plain ranges: far cheaper than \p{Script}.
const HAN_CHARS = '\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff'
const HAN = new RegExp(`[${HAN_CHARS}]`)
// One pass: a run of Han characters, or a run of anything but spaces, punctuation, symbols and Han.
const TERM_RUNS = new RegExp(`[${HAN_CHARS}]+|[^\\s\\p{P}\\p{S}${HAN_CHARS}]+`, 'gu')

/** Joins spellings that would otherwise split into meaningless pieces. */
function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\be[\s-]?commerce\b/g, 'ecommerce')
    .replace(/\be-e-a-t\b/g, 'eeat')
    .replace(/\bmeta[\s-]descriptions?\b/g, 'meta description')
}

/** Splits text into raw terms (before stemming). */
export function tokenize(text: string): string[] {
  const terms: string[] = []
  for (const [run] of normalize(text).matchAll(TERM_RUNS)) {
    if (!HAN.test(run[0] ?? '') || run.length < 2) {
      terms.push(run)
      continue
    }
    for (let i = 0; i < run.length - 1; i++) terms.push(run.slice(i, i + 2))
  }
  return terms
}

/** Folds common English endings so "pages" = "page", "categories" = "category", "linking" = "link". */
function stem(word: string): string {
  if (!/^[a-z]+$/.test(word)) return word
  let w = word
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`
  else if (w.length > 4 && /(?:ches|shes|sses|xes)$/.test(w)) w = w.slice(0, -2)
  else if (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1)
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3)
  return w
}

/** Turns a raw term into an index term, or null to drop it. */
export function processTerm(term: string): string | null {
  const t = term.toLowerCase()
  if (STOP_WORDS.has(t)) return null
  if (t.length < 2 && !HAN.test(t) && !/\d/.test(t)) return null
  return stem(t)
}

/** The distinct index terms of a text. */
export function termsOf(text: string): Set<string> {
  const terms = new Set<string>()
  for (const raw of tokenize(text)) {
    const term = processTerm(raw)
    if (term) terms.add(term)
  }
  return terms
}
