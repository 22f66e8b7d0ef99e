/**
 * @module brand/kit-summary
 * The brand kit as a few plain lines for a prompt (SEO writing, image and video studios): the
 * caller picks the aspects that matter to its task and wraps the text in a data block, since
 * every value in it was read from a website. Pure: no I/O, no model.
 *
 * @example
 * kitSummary(profile.globalInfo.kit, { aspects: ['colors', 'fonts'] })
 * // Brand colours: #1f6f5c (primary), #2b3a67 (secondary)
 * // Brand fonts: Playfair Display (headings), Inter (body text)
 */
import type { BrandKit, FontRole } from './profile'

export type KitAspect = 'colors' | 'fonts' | 'logo' | 'market' | 'social'

export const KIT_ASPECTS: readonly KitAspect[] = ['colors', 'fonts', 'logo', 'market', 'social']

const FONT_ROLE: Record<FontRole, string> = { heading: 'headings', body: 'body text', other: '' }

/** One line per aspect the kit has; an empty string when it has none of them. */
export function kitSummary(
  kit: BrandKit | undefined,
  options: { aspects?: readonly KitAspect[] } = {}
): string {
  if (!kit) return ''
  const aspects = new Set(options.aspects ?? KIT_ASPECTS)
  const lines: string[] = []
  if (aspects.has('colors') && kit.colors.length) {
    lines.push(`Brand colours: ${kit.colors.map((c) => `${c.hex} (${c.role})`).join(', ')}`)
  }
  if (aspects.has('fonts') && kit.fonts.length) {
    const fonts = kit.fonts.map((f) =>
      FONT_ROLE[f.role] ? `${f.family} (${FONT_ROLE[f.role]})` : f.family
    )
    lines.push(`Brand fonts: ${fonts.join(', ')}`)
  }
  if (aspects.has('logo') && kit.logo) {
    const size = kit.logo.width && kit.logo.height ? `, ${kit.logo.width}x${kit.logo.height}` : ''
    lines.push(`Logo: available as media ${kit.logo.mediaId} (${kit.logo.mimeType}${size})`)
  }
  if (aspects.has('market')) {
    const market = [
      kit.language ? `language ${kit.language}` : '',
      kit.market?.region ? `region ${kit.market.region}` : '',
      kit.market?.currency ? `currency ${kit.market.currency}` : '',
      kit.market?.hreflang?.length ? `also published in ${kit.market.hreflang.join(', ')}` : '',
    ].filter(Boolean)
    if (market.length) lines.push(`Market: ${market.join('; ')}`)
  }
  if (aspects.has('social') && kit.social.length) {
    lines.push(`Social profiles: ${[...new Set(kit.social.map((s) => s.network))].join(', ')}`)
  }
  return lines.join('\n')
}
