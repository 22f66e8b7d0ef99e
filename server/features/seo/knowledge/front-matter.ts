/**
 * @module seo/knowledge/front-matter
 * Reads a knowledge document: the small YAML-like header between `---` lines (`key: value`,
 * `key: [a, b]` or `- item` lists, optional quotes) and the Markdown body. The format is ours,
 * so the parser stays tiny and strict: unknown or repeated keys and invalid values are errors.
 */
import * as v from 'valibot'
import { KEBAB_ID } from './ids'
import { INDUSTRY_TAGS } from './industries'
import type { KnowledgeDoc } from './types'

const Tag = v.pipe(v.string(), v.regex(KEBAB_ID, 'Must be a kebab-case tag'))

const FrontMatter = v.strictObject({
  id: v.pipe(v.string(), v.regex(KEBAB_ID, 'Must be a kebab-case id'), v.maxLength(80)),
  title: v.pipe(v.string(), v.minLength(1), v.maxLength(120)),
  summary: v.pipe(v.string(), v.minLength(1), v.maxLength(300)),
  topics: v.pipe(v.array(Tag), v.minLength(1), v.maxLength(12)),
  industries: v.pipe(v.array(v.picklist(INDUSTRY_TAGS)), v.minLength(1)),
})

export class KnowledgeFormatError extends Error {
  override name = 'KnowledgeFormatError'
}

type Value = string | string[]

function unquote(raw: string): string {
  const s = raw.trim()
  if (s.length >= 2 && s.startsWith('"') && s.endsWith('"')) {
    try {
      return JSON.parse(s) as string
    } catch {
      throw new KnowledgeFormatError(`Invalid double-quoted value: ${s}`)
    }
  }
  if (s.length >= 2 && s.startsWith("'") && s.endsWith("'"))
    return s.slice(1, -1).replace(/''/g, "'")
  return s
}

function parseInlineList(raw: string): string[] {
  const inner = raw.trim().slice(1, -1).trim()
  return inner ? inner.split(',').map(unquote) : []
}

/** Parses the header lines into key -> value; lists come as `[a, b]` or as following `- a` lines. */
export function parseFrontMatterLines(lines: readonly string[]): Record<string, Value> {
  const result: Record<string, Value> = {}
  let openList: string[] | undefined
  for (const [n, line] of lines.entries()) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue
    const item = /^\s*-\s+(.*)$/.exec(line)
    if (item) {
      if (!openList) throw new KnowledgeFormatError(`Line ${n + 1}: list item outside a list`)
      openList.push(unquote(item[1] ?? ''))
      continue
    }
    const pair = /^([A-Za-z][\w-]*):(?:\s+(.*))?$/.exec(line)
    if (!pair) throw new KnowledgeFormatError(`Line ${n + 1}: expected "key: value"`)
    const key = pair[1] ?? ''
    const raw = (pair[2] ?? '').trim()
    if (key in result) throw new KnowledgeFormatError(`Line ${n + 1}: "${key}" is repeated`)
    openList = undefined
    if (raw === '') {
      openList = []
      result[key] = openList
    } else if (raw.startsWith('[') && raw.endsWith(']')) {
      result[key] = parseInlineList(raw)
    } else {
      result[key] = unquote(raw)
    }
  }
  return result
}

/** Splits `---` header from body. */
function splitDocument(source: string): { header: string[]; body: string } {
  const lines = source
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
  if (lines[0]?.trim() !== '---') throw new KnowledgeFormatError('Missing front matter')
  const end = lines.findIndex((line, i) => i > 0 && line.trim() === '---')
  if (end < 0) throw new KnowledgeFormatError('Front matter is not closed with ---')
  return {
    header: lines.slice(1, end),
    body: lines
      .slice(end + 1)
      .join('\n')
      .trim(),
  }
}

/**
 * Parses and validates one document. `file` (the name without `.md`) must equal the `id`, so a
 * document's URL always matches its file.
 */
export function parseKnowledgeDoc(source: string, file?: string): KnowledgeDoc {
  const where = file ? `Knowledge document "${file}"` : 'Knowledge document'
  try {
    const { header, body } = splitDocument(source)
    const parsed = v.safeParse(FrontMatter, parseFrontMatterLines(header))
    if (!parsed.success) {
      const issues = parsed.issues.map(
        (i) => `${v.getDotPath(i) ?? '(front matter)'}: ${i.message}`
      )
      throw new KnowledgeFormatError(issues.join('; '))
    }
    if (file !== undefined && parsed.output.id !== file)
      throw new KnowledgeFormatError(`id "${parsed.output.id}" does not match the file name`)
    if (!body) throw new KnowledgeFormatError('The body is empty')
    return { ...parsed.output, markdown: body }
  } catch (error) {
    if (error instanceof KnowledgeFormatError)
      throw new KnowledgeFormatError(`${where}: ${error.message}`)
    throw error
  }
}
