/**
 * @module brand/kit
 * Builds the brand kit from what was read, without the model: the logo (the JSON-LD logo, else
 * the first stored logo in page order: header logo, marked logos, touch icons), the palette and
 * fonts from the pages' CSS and the logo's colours, social profiles, language and market.
 */
import type { Logger } from '../../core/logger'
import type { CollectedAssets } from './assets'
import { readCss, type StyleSource } from './css-facts'
import { buildPalette, colorEvidence } from './kit-colors'
import { buildFonts } from './kit-fonts'
import { logoColors } from './logo-colors'
import { detectMarket } from './market'
import type { PageRead } from './page-reader'
import type { PageSignals } from './page-signals'
import type { BrandKit, KitLogo } from './profile'
import type { BrandAsset } from './schemas'
import { socialProfiles } from './social-links'

export interface KitInput {
  first: PageRead
  more: readonly PageRead[]
  assets: CollectedAssets
  /** The first page's linked stylesheets, as read. */
  stylesheets: readonly StyleSource[]
  log: Logger
}

// An icon smaller than this on its longest side is a favicon, not a logo to reuse.
const MIN_LOGO_SIDE = 32

export async function buildKit(input: KitInput): Promise<BrandKit> {
  const first = input.first.signals
  const others = input.more.flatMap((p) => (p.signals ? [p.signals] : []))
  const all = first ? [first, ...others] : others

  const logo = chooseLogo(input.assets.logos, first?.jsonLd.logos ?? [])
  const bytes = logo ? input.assets.logoBytes.get(logo.media.id) : undefined
  const colorsOfLogo = logo && bytes ? await logoColors(bytes, logo.mimeType) : []

  const css = readCss([
    ...(first?.styles ?? []).map((css) => ({ css, baseUrl: input.first.url })),
    ...input.stylesheets,
  ])
  const colors = buildPalette(
    colorEvidence({ themeColor: first?.themeColor, css, logoColors: colorsOfLogo })
  )
  const fonts = buildFonts(css, first?.googleFonts ?? [])
  const social = socialProfiles(
    all.flatMap((s) => s.jsonLd.sameAs),
    all.flatMap((s) => s.links)
  )
  const market = first ? detectMarket(marketOf(first), others.map(marketOf)) : {}
  input.log.debug('brand kit', {
    colors: colors.length,
    fonts: fonts.length,
    logo: logo?.mimeType ?? 'none',
    logoColors: colorsOfLogo.length,
    social: social.length,
  })
  return { colors, fonts, ...(logo ? { logo: kitLogo(logo) } : {}), social, ...market }
}

function chooseLogo(
  logos: readonly BrandAsset[],
  declared: readonly string[]
): BrandAsset | undefined {
  const big = logos.filter(
    (l) =>
      l.media.width === undefined || Math.max(l.media.width, l.media.height ?? 0) >= MIN_LOGO_SIDE
  )
  return big.find((l) => declared.includes(l.sourceUrl)) ?? big[0]
}

function kitLogo(asset: BrandAsset): KitLogo {
  return {
    mediaId: asset.media.id,
    mimeType: asset.mimeType,
    ...(asset.media.width ? { width: asset.media.width } : {}),
    ...(asset.media.height ? { height: asset.media.height } : {}),
    sourceUrl: asset.sourceUrl,
  }
}

function marketOf(signals: PageSignals) {
  return {
    language: signals.language,
    ogLocale: signals.ogLocale,
    hreflang: signals.hreflang,
    countries: signals.jsonLd.countries,
    currencies: [...signals.jsonLd.currencies, ...signals.currencies],
  }
}
