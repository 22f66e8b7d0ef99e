/**
 * @module seo/writing/markdown
 * The little Markdown reading the writing steps need: ATX headings (outside code fences), blocks
 * (paragraphs separated by blank lines), plain text for counting, CJK-aware word counts, and
 * inserting a block after a heading. Line-based on purpose: articles are model-written Markdown,
 * not arbitrary CommonMark, and a full parser would be more code than these rules.
 */

export interface Heading {
  level: number
  /** The heading text without `#` markers, trimmed. */
  text: string
  /** Zero-based line index. */
  line: number
}

const FENCE = /^\s{0,3}(```|~~~)/
const ATX = /^\s{0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/

/** Per line: true when it sits inside (or opens/closes) a fenced code block. */
function fencedLines(lines: readonly string[]): boolean[] {
  let inside = false
  return lines.map((line) => {
    if (FENCE.test(line)) {
      inside = !inside
      return true
    }
    return inside
  })
}

export function headings(markdown: string): Heading[] {
  const lines = markdown.split('\n')
  const fenced = fencedLines(lines)
  const out: Heading[] = []
  lines.forEach((line, index) => {
    if (fenced[index]) return
    const match = line.match(ATX)
    if (match?.[1] && match[2]?.trim()) {
      out.push({ level: match[1].length, text: match[2].trim(), line: index })
    }
  })
  return out
}

/** Heading text compared loosely: case, spacing and inline emphasis markers ignored. */
export const headingKey = (text: string) =>
  text.replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim().toLocaleLowerCase()

/** The first heading whose text equals `text` (exactly, else loosely). */
export function findHeading(markdown: string, text: string): Heading | undefined {
  const all = headings(markdown)
  return (
    all.find((h) => h.text === text.trim()) ??
    all.find((h) => headingKey(h.text) === headingKey(text))
  )
}

export interface InsertAt {
  /** Heading text; undefined means the document start (after a leading H1, if any). */
  heading?: string
  /** How many blocks of that section to step over before inserting (clipped to the section). */
  skip: number
}

/**
 * Inserts `block` as a paragraph of its own. Returns undefined when the heading is not found.
 * Blocks are runs of non-blank lines; a section ends at the next heading.
 */
export function insertBlock(markdown: string, block: string, at: InsertAt): string | undefined {
  const lines = markdown.split('\n')
  const all = headings(markdown)
  let start: number
  if (at.heading === undefined) {
    const first = firstContentLine(lines)
    start = all[0]?.line === first && all[0].level === 1 ? first + 1 : 0
  } else {
    const heading = findHeading(markdown, at.heading)
    if (!heading) return undefined
    start = heading.line + 1
  }
  const sectionEnd = all.find((h) => h.line >= start)?.line ?? lines.length
  const fenced = fencedLines(lines)
  let position = start
  let stepped = 0
  let i = start
  while (i < sectionEnd && stepped < at.skip) {
    while (i < sectionEnd && !lines[i]?.trim()) i++
    if (i >= sectionEnd) break
    // A block runs to the next blank line outside a code fence.
    while (i < sectionEnd && (lines[i]?.trim() || fenced[i])) i++
    stepped++
    position = i
  }
  const before = lines.slice(0, position)
  const after = lines.slice(position)
  while (before.length && !before.at(-1)?.trim()) before.pop()
  while (after.length && !after[0]?.trim()) after.shift()
  const parts = [before.join('\n'), block.trim(), after.join('\n')].filter((p) => p.length)
  return `${parts.join('\n\n')}${markdown.endsWith('\n') ? '\n' : ''}`
}

function firstContentLine(lines: readonly string[]): number {
  const index = lines.findIndex((l) => l.trim())
  return Math.max(index, 0)
}

/** Number of blocks between line `from` (exclusive) and line `to` (exclusive). */
export function blocksBetween(markdown: string, from: number, to: number): number {
  const lines = markdown.split('\n')
  let count = 0
  let inBlock = false
  for (let i = from + 1; i < to; i++) {
    const blank = !lines[i]?.trim()
    if (!blank && !inBlock) count++
    inBlock = !blank
  }
  return count
}

/** The text a reader reads: no code blocks, images, link targets, markup or HTML tags. */
export function plainText(markdown: string): string {
  const lines = markdown.split('\n')
  const fenced = fencedLines(lines)
  return lines
    .filter((_, i) => !fenced[i])
    .join('\n')
    .replace(/!\[[^\]\n]*\]\([^)\n]*\)/g, ' ')
    .replace(/<img\b[^>]*>/gi, ' ')
    .replace(/\[([^\]\n]*)\]\([^)\n]*\)/g, '$1')
    .replace(/<[^>\n]+>/g, ' ')
    .replace(/^\s{0,3}#{1,6}[ \t]+/gm, '')
    .replace(/^\s*(?:[-*+]|\d+[.)])[ \t]+/gm, '')
    .replace(/^\s*>[ \t]?/gm, '')
    .replace(/^\s*\|?[\s:|-]+\|[\s:|-]*$/gm, '')
    .replace(/\|/g, ' ')
    .replace(/[*_`~]+/g, '')
}

/** Han ideographs and Japanese kana: each character counts as one word. */
export const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu

export const hasCjk = (text: string) => new RegExp(CJK_CHAR.source, 'u').test(text)

/**
 * Words as a reader (and a word-count target) means them: space-separated words for alphabetic
 * scripts (Korean too), one per character for Chinese and Japanese, whose targets are set in
 * characters (字数).
 */
export function countWords(text: string): number {
  const cjk = text.match(CJK_CHAR)?.length ?? 0
  const rest = text.replace(CJK_CHAR, ' ').match(WORD)?.length ?? 0
  return cjk + rest
}

/** The article's blocks of body text (not headings, not code), as plain text. */
export function paragraphs(markdown: string): string[] {
  const lines = markdown.split('\n')
  const fenced = fencedLines(lines)
  const out: string[] = []
  let current: string[] = []
  const flush = () => {
    const text = plainText(current.join('\n')).trim()
    if (text) out.push(text)
    current = []
  }
  lines.forEach((line, i) => {
    if (fenced[i] || !line.trim() || ATX.test(line)) flush()
    else current.push(line)
  })
  flush()
  return out
}

/** Removes a fence the model wrapped the whole answer in (```markdown … ```). */
export function unwrapFence(text: string): string {
  const match = text.trim().match(/^(```|~~~)[\w-]*\n([\s\S]*?)\n\1\s*$/)
  return (match?.[2] ?? text).trim()
}
