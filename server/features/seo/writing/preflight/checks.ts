/**
 * @module seo/writing/preflight/checks
 * The deterministic half of pre-flight: facts measured on the article itself, the same every
 * time. Each finding has a weight (its share of the 60 check points, see score.ts); findings
 * that do not apply (no secondary keywords, no images, not English…) are left out.
 */
import type { BrandProfile } from '../../../brand/profile'
import type { ContentBrief, PreflightFacts, PreflightIssue } from '../../schemas'
import { contentLanguage } from '../context'
import { findImages, stripImages } from '../images-in-markdown'
import { countWords, hasCjk, headings, paragraphs, plainText } from '../markdown'
import { fleschReadingEase } from './readability'

export type CheckId =
  | 'h1'
  | 'h2_structure'
  | 'keyword_in_h1'
  | 'keyword_in_intro'
  | 'keyword_density'
  | 'secondary_keywords'
  | 'word_count'
  | 'negative_keywords'
  | 'image_alt'
  | 'readability'

/** A check as the response lists it (`facts` for the measured ones: the UI words them). */
export interface Check {
  id: string
  label: string
  passed: boolean
  detail: string
  facts?: Facts
}

export interface Finding {
  id: CheckId
  passed: boolean
  weight: number
  type: PreflightIssue['type']
  /** Measured values the messages are written from. */
  facts: Facts
}

export type Facts = PreflightFacts

export const DENSITY = { min: 0.5, max: 2.5 }
export const LENGTH = { min: 0.8, max: 1.3 }
export const MIN_READING_EASE = 50
const INTRO_WORDS = 100

const normalize = (text: string) => text.normalize('NFKC').toLocaleLowerCase()
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Occurrences of a phrase: whole words for spaced scripts, substrings for CJK. */
export function occurrences(text: string, phrase: string): number {
  const needle = normalize(phrase).trim()
  if (!needle) return 0
  const haystack = normalize(text)
  if (hasCjk(needle)) return haystack.split(needle).length - 1
  const words = needle
    .split(/[\s-]+/)
    .filter(Boolean)
    .map(escapeRegExp)
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${words.join('[\\s-]+')}(?![\\p{L}\\p{N}])`, 'gu')
  return haystack.match(pattern)?.length ?? 0
}

export const isEnglish = (language: string) => /^(en\b|english|英语|英文)/i.test(language.trim())

export interface CheckInput {
  article: string
  brief: ContentBrief
  profile: BrandProfile
}

export function runChecks({ article, brief, profile }: CheckInput): Finding[] {
  const heads = headings(article)
  const body = stripImages(article)
  const text = plainText(body)
  const blocks = paragraphs(body)
  const words = countWords(text)
  const keyword = brief.mainKeyword
  const cjk = hasCjk(text)
  const findings: Finding[] = []
  const add = (id: CheckId, passed: boolean, weight: number, type: Finding['type'], facts: Facts) =>
    findings.push({ id, passed, weight, type, facts })

  const h1s = heads.filter((h) => h.level === 1)
  add('h1', h1s.length === 1, 6, 'SEO', { count: h1s.length })

  const h2Count = heads.filter((h) => h.level === 2).length
  const skippedLevel = heads.some((h, i) => i > 0 && h.level > (heads[i - 1]?.level ?? 1) + 1)
  add('h2_structure', h2Count >= 2 && !skippedLevel, 6, 'SEO', { count: h2Count, skippedLevel })

  const h1Text = h1s.map((h) => plainText(h.text)).join(' ')
  add('keyword_in_h1', h1s.length > 0 && occurrences(h1Text, keyword) > 0, 6, 'Keyword', {
    keyword,
  })

  add('keyword_in_intro', occurrences(introOf(blocks), keyword) > 0, 6, 'Keyword', { keyword })

  const hits = occurrences(text, keyword)
  const density = words ? (hits * countWords(keyword) * 100) / words : 0
  add('keyword_density', density >= DENSITY.min && density <= DENSITY.max, 8, 'Keyword', {
    keyword,
    count: hits,
    value: Math.round(density * 100) / 100,
    ...DENSITY,
  })

  const secondary = brief.secondaryKeywords.filter((k) => k.trim())
  if (secondary.length) {
    const missing = secondary.filter((k) => occurrences(text, k) === 0)
    add('secondary_keywords', missing.length === 0, 6, 'Keyword', {
      list: missing,
      count: secondary.length,
    })
  }

  const target = brief.estimatedWordcount
  const min = Math.round(target * LENGTH.min)
  const max = Math.round(target * LENGTH.max)
  add('word_count', words >= min && words <= max, 8, 'SEO', { count: words, target, min, max, cjk })

  const banned = profile.globalInfo.negative_keywords_global.filter((k) => k.trim())
  if (banned.length) {
    const found = banned.filter((k) => occurrences(text, k) > 0)
    add('negative_keywords', found.length === 0, 6, 'BrandVoice', { list: found })
  }

  const images = findImages(article)
  if (images.length) {
    const missing = images.filter((image) => !image.alt.trim()).length
    add('image_alt', missing === 0, 4, 'SEO', { count: missing, target: images.length })
  }

  if (isEnglish(contentLanguage(brief))) {
    const reading = fleschReadingEase(blocks)
    if (reading) {
      add('readability', reading.score >= MIN_READING_EASE, 4, 'Readability', {
        value: reading.score,
        min: MIN_READING_EASE,
      })
    }
  }
  return findings
}

/** The opening of the body text: whole paragraphs until about 100 words. */
function introOf(blocks: readonly string[]): string {
  const out: string[] = []
  let words = 0
  for (const block of blocks) {
    if (words >= INTRO_WORDS) break
    out.push(block)
    words += countWords(block)
  }
  return out.join('\n')
}
