/**
 * @module brand/kit-fonts
 * The brand's fonts: the first real family of each `font-family` the CSS uses (the heading font,
 * then the body font, then others by first use), and fonts the site loads without our seeing
 * them used (Google Fonts links, `@font-face`). Each family once, with where it comes from.
 */
import type { CssFacts } from './css-facts'
import { type FontRole, type KitFont, MAX_KIT_FONTS } from './profile'

/** Family names a Google Fonts stylesheet URL asks for (css and css2 APIs). */
export function googleFontFamilies(href: string): string[] {
  let url: URL
  try {
    url = new URL(href)
  } catch {
    return []
  }
  return url.searchParams
    .getAll('family')
    .flatMap((value) => value.split('|'))
    .map((spec) => (spec.split(':')[0] ?? '').trim())
    .filter((family) => family.length > 0 && family.length <= 100)
}

export function buildFonts(css: CssFacts, googleFontLinks: readonly string[]): KitFont[] {
  const google = new Map<string, { family: string; url: string }>()
  for (const href of googleFontLinks) {
    for (const family of googleFontFamilies(href)) {
      if (!google.has(family.toLowerCase())) google.set(family.toLowerCase(), { family, url: href })
    }
  }
  const faces = new Map<string, { family: string; url?: string }>()
  for (const face of css.fontFaces) {
    const key = face.family.toLowerCase()
    if (!faces.has(key) || (!faces.get(key)?.url && face.url)) faces.set(key, face)
  }

  // Per family: how often each role uses it, and when it was first seen.
  const uses = new Map<string, { family: string; first: number; count: Record<FontRole, number> }>()
  css.fontUses.forEach(({ family, role }, order) => {
    const key = family.toLowerCase()
    const entry = uses.get(key) ?? {
      family,
      first: order,
      count: { heading: 0, body: 0, other: 0 },
    }
    entry.count[role]++
    uses.set(key, entry)
  })
  const used = [...uses.values()]
  const byUse = (role: FontRole) =>
    used
      .filter((u) => u.count[role] > 0 && (role !== 'heading' || u.count.body === 0))
      .sort((a, b) => b.count[role] - a.count[role] || a.first - b.first)[0]

  const fonts: KitFont[] = []
  const add = (family: string, role: FontRole) => {
    const key = family.toLowerCase()
    if (fonts.length >= MAX_KIT_FONTS || fonts.some((f) => f.family.toLowerCase() === key)) return
    const fromGoogle = google.get(key)
    const face = faces.get(key)
    fonts.push(
      fromGoogle
        ? { family, role, source: 'google-fonts', url: fromGoogle.url }
        : face
          ? { family, role, source: 'font-face', ...(face.url ? { url: face.url } : {}) }
          : { family, role, source: 'css' }
    )
  }
  const heading = byUse('heading')
  const body = byUse('body')
  if (heading) add(heading.family, 'heading')
  if (body) add(body.family, 'body')
  for (const u of used.sort((a, b) => a.first - b.first)) add(u.family, roleOf(u.count))
  for (const { family } of google.values()) add(family, 'other')
  for (const { family } of faces.values()) add(family, 'other')
  return fonts
}

function roleOf(count: Record<FontRole, number>): FontRole {
  if (count.body > 0) return 'body'
  return count.heading > 0 ? 'heading' : 'other'
}
