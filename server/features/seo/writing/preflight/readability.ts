/**
 * @module seo/writing/preflight/readability
 * Flesch reading ease for English text (Flesch 1948, as used by most editors):
 *   206.835 − 1.015 × (words / sentences) − 84.6 × (syllables / words)
 * Syllables are counted by the `syllable` package (words/syllable, maintained with pluralisation
 * and exception lists), the part a hand-written rule gets wrong; the formula itself is one line.
 * Sentences are counted per paragraph, so a heading or list item without a full stop does not
 * run into the next sentence.
 */
import { syllable } from 'syllable'

export interface Readability {
  /** Flesch reading ease, rounded to one decimal (higher is easier; 60–70 is plain English). */
  score: number
  words: number
  sentences: number
}

const WORD = /[A-Za-z]+(?:['’][A-Za-z]+)*/g

/** Undefined when the text has too few words for the formula to mean anything. */
export function fleschReadingEase(
  paragraphs: readonly string[],
  minWords = 100
): Readability | undefined {
  let words = 0
  let sentences = 0
  let syllables = 0
  for (const paragraph of paragraphs) {
    const tokens = paragraph.match(WORD) ?? []
    if (!tokens.length) continue
    words += tokens.length
    sentences += Math.max(
      1,
      paragraph.split(/[.!?]+(?=\s|$)/).filter((s) => /[A-Za-z]/.test(s)).length
    )
    for (const token of tokens) syllables += Math.max(1, syllable(token))
  }
  if (words < minWords || sentences === 0) return undefined
  const score = 206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words)
  return { score: Math.round(score * 10) / 10, words, sentences }
}
