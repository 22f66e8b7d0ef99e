/**
 * @module campaigns/counting
 * Characters as each network counts them (`networks.ts` names the rule): X's weighted length
 * from twitter-text's config v3, UTF-16 units, code points, and Weibo's half-width rule. Links
 * are found with one conservative pattern (a scheme, `www.`, or a bare domain with a common
 * top-level domain) so that a URL the network would shorten is never counted short. Pure.
 */
import { type CountRule, WEIBO_URL_LENGTH, X_URL_LENGTH } from './networks'

/** twitter-text v3: these code point ranges weigh 1, every other code point 2. */
const X_LIGHT: readonly [number, number][] = [
  [0, 4351],
  [8192, 8205],
  [8208, 8223],
  [8242, 8247],
]

const URL =
  /\b(?:https?:\/\/[^\s<>"]+|www\.[^\s<>"]+|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|co|cn|ai|app|dev|info|me|uk|de|fr|jp)(?:\/[^\s<>"]*)?)/gi

/** Graphemes with an emoji: twitter-text counts one such sequence once, at weight 2. */
const EMOJI = /\p{Extended_Pictographic}/u

export function urlsIn(text: string): string[] {
  return text.match(URL) ?? []
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

function xWeight(text: string): number {
  let units = 0
  for (const { segment } of segmenter.segment(text)) {
    if (EMOJI.test(segment)) {
      units += 2
      continue
    }
    for (const char of segment) {
      const code = char.codePointAt(0) ?? 0
      units += X_LIGHT.some(([from, to]) => code >= from && code <= to) ? 1 : 2
    }
  }
  return units
}

/** Half-width characters (ASCII and half-width forms) count half on Weibo. */
const isHalfWidth = (code: number) => code <= 0x7e || (code >= 0xff61 && code <= 0xffdc)

function weiboWeight(text: string): number {
  let halves = 0
  for (const char of text) halves += isHalfWidth(char.codePointAt(0) ?? 0) ? 1 : 2
  return halves
}

/** Characters of `text` under `rule`. */
export function countCharacters(text: string, rule: CountRule | 'wechat-title'): number {
  const urls = rule === 'x' || rule === 'weibo' ? urlsIn(text) : []
  const rest = urls.reduce((t, url) => t.replace(url, ''), text)
  switch (rule) {
    case 'x':
      return xWeight(rest) + urls.length * X_URL_LENGTH
    case 'weibo':
      return Math.ceil(weiboWeight(rest) / 2) + urls.length * WEIBO_URL_LENGTH
    case 'wechat-title':
      // The API's "32 Chinese characters": a full-width character counts 2.
      return weiboWeight(text)
    case 'utf16':
      return text.length
    case 'chars':
      return [...text].length
  }
}
