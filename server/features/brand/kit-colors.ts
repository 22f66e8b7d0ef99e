/**
 * @module brand/kit-colors
 * The brand palette: up to six colours with roles, from evidence in order of trust (the page's
 * `theme-color`, CSS custom properties named for a role, the logo's dominant colours, the body's
 * colours, then the stylesheet's most used colours). A colour close to one already chosen is
 * the same colour; a colour without a named role gets one from how it reads (light, dark, grey
 * or a colour).
 */
import { colorDistance, parseColor, toneOf } from './color-values'
import type { CssFacts } from './css-facts'
import { COLOR_ROLES, type ColorRole, type KitColor, MAX_KIT_COLORS } from './profile'

export interface ColorEvidence {
  hex: string
  source: KitColor['source']
  /** Set when the evidence names the role (theme-color, `--brand-secondary`, body colour). */
  role?: ColorRole
}

/** Roles in the order a palette fills them. */
const ROLE_ORDER: readonly ColorRole[] = COLOR_ROLES
// Closer than this (RGB distance) is the same colour written twice.
const SAME_COLOR = 20
const LOGO_COLORS = 3
const STYLESHEET_COLORS = 6
// Pure white and black are every site's; they count only when a role is named for them.
const UNREMARKABLE = new Set(['#ffffff', '#000000'])

// Checked in this order: `--text-primary` is a text colour, `--brand-secondary` a secondary one.
const VARIABLE_ROLES: [ColorRole, RegExp][] = [
  ['secondary', /secondary/],
  ['accent', /accent|highlight|tertiary|cta/],
  ['background', /(?:^|-)(?:background|bg|surface|canvas|paper)(?:-|$)/],
  ['text', /(?:^|-)(?:text|foreground|fg|ink|copy|body-color)(?:-|$)/],
  ['neutral', /gr[ae]y|neutral|muted|border|divider|slate/],
  ['primary', /primary|brand|main|theme/],
]

/** The role a custom property's name gives its colour (`--brand-primary` -> primary). */
export function roleOfVariable(name: string): ColorRole | undefined {
  const words = name.toLowerCase().replace(/^--/, '')
  return VARIABLE_ROLES.find(([, pattern]) => pattern.test(words))?.[0]
}

/** The evidence from a page and its CSS, in order of trust. */
export function colorEvidence(input: {
  themeColor?: string
  css: CssFacts
  logoColors: readonly string[]
}): ColorEvidence[] {
  const evidence: ColorEvidence[] = []
  if (input.themeColor) {
    evidence.push({ hex: input.themeColor, source: 'theme-color', role: 'primary' })
  }
  for (const [name, value] of input.css.variables) {
    const role = roleOfVariable(name)
    const hex = role ? parseVariable(value) : undefined
    if (role && hex) evidence.push({ hex, source: 'css-variable', role })
  }
  for (const hex of input.logoColors.slice(0, LOGO_COLORS)) evidence.push({ hex, source: 'logo' })
  if (input.css.bodyBackground) {
    evidence.push({ hex: input.css.bodyBackground, source: 'stylesheet', role: 'background' })
  }
  if (input.css.bodyText) {
    evidence.push({ hex: input.css.bodyText, source: 'stylesheet', role: 'text' })
  }
  const frequent = [...input.css.colorUses]
    .filter(([hex]) => !UNREMARKABLE.has(hex))
    .sort((a, b) => b[1] - a[1])
    .slice(0, STYLESHEET_COLORS)
  for (const [hex] of frequent) evidence.push({ hex, source: 'stylesheet' })
  return evidence
}

/** At most six distinct colours with roles, listed by role. */
export function buildPalette(evidence: readonly ColorEvidence[]): KitColor[] {
  const chosen: KitColor[] = []
  const filled = new Set<ColorRole>()
  for (const item of evidence) {
    if (chosen.length >= MAX_KIT_COLORS) break
    if (!item.role && UNREMARKABLE.has(item.hex)) continue
    if (chosen.some((c) => colorDistance(c.hex, item.hex) < SAME_COLOR)) continue
    const role = item.role && !filled.has(item.role) ? item.role : roleByTone(item.hex, filled)
    filled.add(role)
    chosen.push({ hex: item.hex, role, source: item.source })
  }
  return chosen
    .map((color, order) => ({ color, order }))
    .sort(
      (a, b) =>
        ROLE_ORDER.indexOf(a.color.role) - ROLE_ORDER.indexOf(b.color.role) || a.order - b.order
    )
    .map(({ color }) => color)
}

function roleByTone(hex: string, filled: ReadonlySet<ColorRole>): ColorRole {
  const tone = toneOf(hex)
  if (tone === 'light') return filled.has('background') ? 'neutral' : 'background'
  if (tone === 'dark') return filled.has('text') ? 'neutral' : 'text'
  if (tone === 'grey') return 'neutral'
  return (['primary', 'secondary', 'accent'] as const).find((r) => !filled.has(r)) ?? 'accent'
}

function parseVariable(value: string): string | undefined {
  // Only a value that is one colour: `#1f6f5c`, `rgb(…)`, a name; not `1px solid #ccc`.
  const trimmed = value.trim()
  if (!/^(?:#[0-9a-f]{3,8}|(?:rgba?|hsla?)\([^()]*\)|[a-z]+)$/i.test(trimmed)) return undefined
  return parseColor(trimmed)
}
