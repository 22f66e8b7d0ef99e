/**
 * @module brand/market
 * Language and market as the site declares them: `<html lang>` (a BCP 47 tag), the region from
 * that tag, `og:locale` or the JSON-LD address, the currency of its prices, and its `hreflang`
 * alternates; and the names the SEO workflow uses for a project's target language and region
 * (`en-GB` -> English, United Kingdom; `zh-CN` -> Simplified Chinese, China).
 */
import type { BrandKit } from './profile'

export interface MarketSignals {
  language: string
  ogLocale: string
  hreflang: readonly string[]
  countries: readonly string[]
  currencies: readonly string[]
}

const MAX_HREFLANG = 30
const languageNames = new Intl.DisplayNames(['en'], { type: 'language' })
const regionNames = new Intl.DisplayNames(['en'], { type: 'region' })
const currencies = new Set(Intl.supportedValuesOf('currency'))

/** The canonical form of a language tag (`en_gb` -> `en-GB`), or undefined. */
export function languageTag(raw: string): string | undefined {
  const value = raw.trim().replace(/_/g, '-')
  if (!value || value.length > 35) return undefined
  try {
    return Intl.getCanonicalLocales(value)[0]
  } catch {
    return undefined
  }
}

/** A two-letter region code with a name (`gb` -> `GB`), or undefined. */
function regionCode(raw: string | undefined): string | undefined {
  const code = raw?.trim().toUpperCase()
  if (!code || !/^[A-Z]{2}$/.test(code)) return undefined
  const name = regionNames.of(code)
  return name && name !== code ? code : undefined
}

const regionOfTag = (tag: string | undefined) => {
  if (!tag) return undefined
  try {
    return regionCode(new Intl.Locale(tag).region)
  } catch {
    return undefined
  }
}

/** Signals of the first page first; JSON-LD and currencies from every page. */
export function detectMarket(
  first: MarketSignals,
  others: readonly MarketSignals[]
): Pick<BrandKit, 'language' | 'market'> {
  const language = languageTag(first.language)
  const all = [first, ...others]
  const region =
    regionOfTag(language) ??
    regionOfTag(languageTag(first.ogLocale)) ??
    all
      .flatMap((s) => s.countries)
      .map(regionCode)
      .find(Boolean)
  const currency = all
    .flatMap((s) => s.currencies)
    .map((c) => c.trim().toUpperCase())
    .find((c) => currencies.has(c))
  const hreflang = [
    ...new Set(
      first.hreflang.flatMap((h) =>
        h.toLowerCase() === 'x-default' ? ['x-default'] : (languageTag(h) ?? [])
      )
    ),
  ].slice(0, MAX_HREFLANG)
  const market = {
    ...(region ? { region } : {}),
    ...(currency ? { currency } : {}),
    ...(hreflang.length ? { hreflang } : {}),
  }
  return {
    ...(language ? { language } : {}),
    ...(Object.keys(market).length ? { market } : {}),
  }
}

/** `en-GB` -> `English`; Chinese by script: `zh-CN` -> `Simplified Chinese`. */
export function languageName(tag: string): string | undefined {
  try {
    const locale = new Intl.Locale(tag)
    if (locale.language === 'zh') {
      const script = locale.script ?? locale.maximize().script
      return languageNames.of(`zh-${script ?? 'Hans'}`)
    }
    const name = languageNames.of(locale.language)
    return name && name !== locale.language ? name : undefined
  } catch {
    return undefined
  }
}

/** `GB` -> `United Kingdom` */
export function regionName(code: string): string | undefined {
  const name = regionNames.of(code)
  return name && name !== code ? name : undefined
}
