/**
 * @module brand/css-facts
 * What a site's CSS says about its brand, read with postcss: custom properties (resolved through
 * `var()`), colours in use and how often, the colours of `body`, the first real font of each
 * `font-family` (by heading, body or other selectors), and `@font-face` files. A stylesheet with
 * a syntax error is read up to the error.
 */
import postcss, { type Root } from 'postcss'
import { colorsIn } from './color-values'

export interface StyleSource {
  css: string
  /** Where relative `url()`s resolve from: the stylesheet's own URL, or the page's for `<style>`. */
  baseUrl: string
}

export interface CssFacts {
  /** `--name` -> value, `var()` resolved; the first definition wins (`:root` comes first). */
  variables: Map<string, string>
  /** Each colour used in a declaration (custom property definitions aside) and how often. */
  colorUses: Map<string, number>
  bodyText?: string
  bodyBackground?: string
  /** First non-generic family of each `font-family`, in order, with the selector's role. */
  fontUses: { family: string; role: 'heading' | 'body' | 'other' }[]
  fontFaces: { family: string; url?: string }[]
}

const COLOR_PROPERTY =
  /^(?:color|background(?:-color|-image)?|border(?:-[a-z]+)*-color|border(?:-(?:top|right|bottom|left))?|outline(?:-color)?|fill|stroke|text-decoration(?:-color)?|caret-color|accent-color)$/
const BODY_SELECTOR = /^(?:html|body|:root)$/i
const HEADING_SELECTOR = /(?:^|[\s>+~,])h[1-6]\b|heading|headline|title/i
// Families that are not a brand's own font; a stack that starts with one is a system stack.
const GENERIC_FAMILIES = new Set([
  'serif',
  'sans-serif',
  'monospace',
  'cursive',
  'fantasy',
  'system-ui',
  'ui-serif',
  'ui-sans-serif',
  'ui-monospace',
  'ui-rounded',
  'emoji',
  'math',
  'fangsong',
  '-apple-system',
  'blinkmacsystemfont',
  'inherit',
  'initial',
  'unset',
  'revert',
  'revert-layer',
])
const ICON_FONT = /icon|awesome|glyph|symbol|fontello|icomoon|dashicons/i
const VAR = /var\(\s*(--[\w-]+)\s*(?:,([^()]*(?:\([^()]*\)[^()]*)*))?\)/g
const MAX_VAR_DEPTH = 5

/** Facts from every source together; later sources add to earlier ones. */
export function readCss(sources: readonly StyleSource[]): CssFacts {
  const roots = sources.flatMap((source) => {
    const root = parseTolerant(source.css)
    return root ? [{ root, baseUrl: source.baseUrl }] : []
  })
  const facts: CssFacts = {
    variables: collectVariables(roots.map((r) => r.root)),
    colorUses: new Map(),
    fontUses: [],
    fontFaces: [],
  }
  for (const { root, baseUrl } of roots) readRoot(root, baseUrl, facts)
  return facts
}

function parseTolerant(css: string): Root | undefined {
  try {
    return postcss.parse(css)
  } catch (error) {
    const at = errorOffset(css, error)
    if (at === undefined || at === 0) return undefined
    try {
      return postcss.parse(css.slice(0, lastRuleEnd(css, at)))
    } catch {
      return undefined
    }
  }
}

function errorOffset(css: string, error: unknown): number | undefined {
  const { line, column } = (error ?? {}) as { line?: number; column?: number }
  if (!line || !column) return undefined
  let offset = 0
  for (let l = 1; l < line; l++) offset = css.indexOf('\n', offset) + 1
  return offset + column - 1
}

/** The end of the last complete top-level block before `at`. */
function lastRuleEnd(css: string, at: number): number {
  let depth = 0
  let end = 0
  for (let i = 0; i < at; i++) {
    if (css[i] === '{') depth++
    else if (css[i] === '}' && depth > 0 && --depth === 0) end = i + 1
  }
  return end
}

function collectVariables(roots: Root[]): Map<string, string> {
  const raw = new Map<string, string>()
  for (const root of roots) {
    root.walkDecls(/^--/, (decl) => {
      if (!raw.has(decl.prop)) raw.set(decl.prop, decl.value.trim())
    })
  }
  const resolved = new Map<string, string>()
  for (const [name, value] of raw) resolved.set(name, resolveVars(value, raw))
  return resolved
}

function resolveVars(value: string, variables: Map<string, string>, depth = 0): string {
  if (depth >= MAX_VAR_DEPTH || !value.includes('var(')) return value
  return value.replace(VAR, (_all, name: string, fallback?: string) =>
    resolveVars(variables.get(name) ?? fallback?.trim() ?? '', variables, depth + 1)
  )
}

function readRoot(root: Root, baseUrl: string, facts: CssFacts): void {
  root.walkAtRules(/^font-face$/i, (rule) => {
    let family: string | undefined
    let url: string | undefined
    rule.walkDecls((decl) => {
      const prop = decl.prop.toLowerCase()
      if (prop === 'font-family') family = unquote(decl.value)
      if (prop === 'src') url ??= firstFontUrl(decl.value, baseUrl)
    })
    if (family && !ICON_FONT.test(family)) facts.fontFaces.push({ family, ...(url ? { url } : {}) })
  })
  root.walkDecls((decl) => {
    const prop = decl.prop.toLowerCase()
    if (prop.startsWith('--')) return
    const parent = decl.parent
    if (parent?.type !== 'rule') return
    const selector = (parent as { selector?: string }).selector ?? ''
    const value = resolveVars(decl.value, facts.variables)
    if (prop === 'font-family' || prop === 'font') {
      const family = firstFamily(prop === 'font' ? familyOfShorthand(value) : value)
      if (family) facts.fontUses.push({ family, role: roleOf(selector) })
      return
    }
    if (!COLOR_PROPERTY.test(prop)) return
    const colors = colorsIn(value)
    for (const hex of colors) facts.colorUses.set(hex, (facts.colorUses.get(hex) ?? 0) + 1)
    if (isBodySelector(selector)) {
      if (prop === 'color' && colors[0]) facts.bodyText ??= colors[0]
      if ((prop === 'background' || prop === 'background-color') && colors[0]) {
        facts.bodyBackground ??= colors[0]
      }
    }
  })
}

const isBodySelector = (selector: string) =>
  selector.split(',').some((s) => BODY_SELECTOR.test(s.trim()))

function roleOf(selector: string): 'heading' | 'body' | 'other' {
  if (isBodySelector(selector)) return 'body'
  return HEADING_SELECTOR.test(selector) ? 'heading' : 'other'
}

/** The first family of a stack, unless the stack is a system one or the family an icon font. */
function firstFamily(stack: string): string | undefined {
  const first = unquote(splitList(stack)[0] ?? '')
  if (!first || GENERIC_FAMILIES.has(first.toLowerCase()) || first.includes('(')) return undefined
  return ICON_FONT.test(first) ? undefined : first.slice(0, 100)
}

/** `600 1rem/1.4 "Inter", sans-serif` -> `"Inter", sans-serif` */
function familyOfShorthand(value: string): string {
  const match = value.match(/(?:^|\s)[\d.]+(?:px|r?em|%|pt|vw|vh|ch|ex)(?:\/\S+)?\s+(.+)$/i)
  return match?.[1] ?? ''
}

function splitList(value: string): string[] {
  const parts: string[] = []
  let current = ''
  let quote: string | undefined
  for (const ch of value) {
    if (quote) {
      if (ch === quote) quote = undefined
    } else if (ch === '"' || ch === "'") quote = ch
    else if (ch === ',') {
      parts.push(current)
      current = ''
      continue
    }
    current += ch
  }
  parts.push(current)
  return parts.map((p) => p.trim()).filter(Boolean)
}

const unquote = (value: string) =>
  value
    .trim()
    .replace(/^(["'])(.*)\1$/, '$2')
    .trim()

function firstFontUrl(src: string, baseUrl: string): string | undefined {
  for (const match of src.matchAll(/url\(\s*(["']?)([^"')]+)\1\s*\)/gi)) {
    const raw = match[2]?.trim()
    if (!raw || raw.startsWith('data:')) continue
    try {
      const url = new URL(raw, baseUrl)
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.href
    } catch {
      // An unreadable url() is skipped.
    }
  }
  return undefined
}
