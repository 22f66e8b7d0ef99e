/**
 * @module seo/writing/images-in-markdown
 * Images inside a Markdown article: finding, stripping, writing them safely, and keeping them
 * through a model rewrite (polish, auto-fix). Before the call every image becomes a placeholder
 * token (`[[IMAGE_1]]`), so no image bytes or URLs reach the model and none can be lost or
 * altered; afterwards the tokens are swapped back, and any image the model dropped is put back
 * where it was (same section, same block), so a rewrite never silently loses an illustration.
 */
import { errors } from '../../../core/errors'
import { blocksBetween, headings, insertBlock } from './markdown'

export interface MarkdownImage {
  /** The image exactly as written in the article. */
  markdown: string
  alt: string
  url: string
  start: number
  end: number
}

// `![alt](url "title")` (alt may hold escaped brackets) or an HTML <img> tag.
const IMAGE =
  /!\[((?:\\.|[^\]\\\n])*)\]\(\s*(<[^>\n]*>|[^)\s]+)(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\s*\)|<img\b[^>]*>/gi

export function findImages(markdown: string): MarkdownImage[] {
  return [...markdown.matchAll(IMAGE)].map((m) => {
    const html = m[0].startsWith('<')
    return {
      markdown: m[0],
      alt: html ? (attribute(m[0], 'alt') ?? '') : (m[1] ?? '').replace(/\\(.)/g, '$1'),
      url: html ? (attribute(m[0], 'src') ?? '') : (m[2] ?? '').replace(/^<|>$/g, ''),
      start: m.index ?? 0,
      end: (m.index ?? 0) + m[0].length,
    }
  })
}

function attribute(tag: string, name: string): string | undefined {
  return tag
    .match(new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i'))
    ?.slice(1)
    .find((x) => x !== undefined)
}

/** The article without its images (blank lines they leave are collapsed). */
export function stripImages(markdown: string): string {
  return markdown
    .replace(IMAGE, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

/**
 * Alt text that cannot break out of `![…](…)` or of an HTML attribute in a careless renderer:
 * brackets become parentheses, quotes and angle brackets go, whitespace (newlines) collapses.
 */
export function escapeAlt(alt: string): string {
  return alt
    .replace(/\[/g, '(')
    .replace(/\]/g, ')')
    .replace(/["<>\\`]/g, '')
    .replace(/[\p{Cc}\s]+/gu, ' ')
    .trim()
    .slice(0, 200)
}

export const imageMarkdown = (alt: string, url: string) => `![${escapeAlt(alt)}](${url})`

export interface ProtectedImage {
  token: string
  markdown: string
  /** The heading above the image in the original, if any. */
  anchor?: string
  /** Blocks between that heading (or the document start) and the image. */
  skip: number
  /** Where the image sat, as a fraction of the article's lines (last resort for re-insertion). */
  ratio: number
}

export interface ProtectedArticle {
  /** The article with each image replaced by its token. */
  text: string
  images: ProtectedImage[]
}

/** The prompt rule that goes with protected articles. */
export const PLACEHOLDER_RULE =
  'The article contains image placeholders such as [[IMAGE_1]]. Keep every placeholder exactly as written, in the same place relative to the surrounding text.'

const tokenFor = (n: number) => `[[IMAGE_${n}]]`
// Tolerates what models do to tokens: escaped brackets, spaces, another separator, case.
const TOKEN = /\\?\[\\?\[\s*IMAGE[ _-]?(\d{1,3})\s*\\?\]\\?\]/gi

export function protectImages(markdown: string): ProtectedArticle {
  const found = findImages(markdown)
  let text = ''
  let last = 0
  found.forEach((image, i) => {
    text += markdown.slice(last, image.start) + tokenFor(i + 1)
    last = image.end
  })
  text += markdown.slice(last)
  const lines = text.split('\n')
  const heads = headings(text)
  const images = found.map((image, i): ProtectedImage => {
    const token = tokenFor(i + 1)
    const line = lines.findIndex((l) => l.includes(token))
    const anchor = heads.filter((h) => h.line < line).at(-1)
    const from = anchor ? anchor.line : (leadingH1(heads)?.line ?? -1)
    return {
      token,
      markdown: image.markdown,
      anchor: anchor?.text,
      skip: blocksBetween(text, from, line),
      ratio: Math.max(0, line) / Math.max(1, lines.length),
    }
  })
  return { text, images }
}

function leadingH1(heads: ReturnType<typeof headings>) {
  return heads[0]?.level === 1 ? heads[0] : undefined
}

/** Model text with placeholder tokens removed, for measuring how much text it kept. */
export const withoutTokens = (text: string) => text.replace(TOKEN, '')

/**
 * Swaps tokens back to images. Each image is used once (a repeated token is dropped, an unknown
 * one removed); images whose token the model lost are re-inserted at their original place.
 * @throws 502 when an image still cannot be found afterwards (never returned silently short).
 */
export function restoreImages(
  text: string,
  images: readonly ProtectedImage[]
): { article: string; reinserted: number } {
  const used = new Set<number>()
  let article = text.replace(TOKEN, (_match, digits: string) => {
    const n = Number(digits)
    const image = images[n - 1]
    if (!image || used.has(n)) return ''
    used.add(n)
    return image.markdown
  })
  let reinserted = 0
  images.forEach((image, i) => {
    if (used.has(i + 1)) return
    article =
      insertBlock(article, image.markdown, { heading: image.anchor, skip: image.skip }) ??
      // The model renamed or removed the section: keep the image at the same relative place.
      insertAtRatio(article, image.markdown, image.ratio)
    reinserted++
  })
  article = article.replace(/\n{3,}/g, '\n\n')
  const missing = images.filter((image) => !article.includes(image.markdown))
  if (missing.length) {
    throw errors.upstream(
      'images_lost',
      `The revised article lost ${missing.length} image(s); the original was kept unchanged.`
    )
  }
  return { article, reinserted }
}

/** Inserts `block` at the first blank line at or after `ratio` of the text (else at the end). */
function insertAtRatio(text: string, block: string, ratio: number): string {
  const lines = text.split('\n')
  const target = Math.round(ratio * lines.length)
  const blank = lines.findIndex((line, i) => i >= target && !line.trim())
  if (blank < 0) return `${text.trimEnd()}\n\n${block}\n`
  return [...lines.slice(0, blank), '', block, ...lines.slice(blank)].join('\n')
}

/**
 * Restores tokens in streamed text as it arrives. A chunk may end inside a token, so a possible
 * token start is held back until the next chunk (or the end) shows what it is. Lost images are
 * not re-inserted here: the final (`done`) article does that and is the authoritative result.
 */
export function createTokenRestorer(images: readonly ProtectedImage[]) {
  const used = new Set<number>()
  let held = ''
  const swap = (text: string) =>
    text.replace(TOKEN, (_m, digits: string) => {
      const n = Number(digits)
      const image = images[n - 1]
      if (!image || used.has(n)) return ''
      used.add(n)
      return image.markdown
    })
  return {
    push(delta: string): string {
      const text = held + delta
      const cut = holdFrom(text)
      held = text.slice(cut)
      return swap(text.slice(0, cut))
    },
    flush(): string {
      const rest = swap(held)
      held = ''
      return rest
    },
  }
}

/** Index from which `text` may end in an unfinished token (text.length when it cannot). */
function holdFrom(text: string): number {
  const start = Math.max(text.lastIndexOf('['), text.lastIndexOf('\\'))
  if (start < 0 || text.length - start > 24) return text.length
  let from = start
  // Step back over a bracket pair start (`[[`, `\[\[`) so the whole token is held.
  while (from > 0 && text.length - from < 24 && /[[\\]/.test(text[from - 1] ?? '')) from--
  const tail = text.slice(from)
  return /\]\s*\\?\]/.test(tail) ? text.length : from
}
