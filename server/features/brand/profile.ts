/**
 * @module brand/profile
 * The brand profile a client keeps and sends with SEO requests (snake_case field names, kept
 * from the data the studio imports, see docs/design-notes.md), with the optional brand kit (colours, fonts, logo by
 * media id, social profiles, language and market). Bounded everywhere: strings, lists, nesting.
 * Pure valibot, so the Vue client can import it too.
 */
import * as v from 'valibot'
import { requiredText, text, textList } from '../../core/schema'
import { MEDIA_ID } from '../../storage/keys'

export const BrandVoice = v.object({
  tone: v.optional(text(500), ''),
  style: v.optional(text(500), ''),
  values: v.optional(textList(20), []),
})

/** The market a project targets when nothing says otherwise (names, and their codes for the UI). */
export const DEFAULT_MARKET = {
  region: 'United States',
  regionCode: 'US',
  language: 'English',
  languageCode: 'en',
} as const

export const ProjectConfig = v.object({
  project_id: v.optional(text(100), ''),
  project_url: v.optional(text(2048), ''),
  target_region: v.optional(text(100), DEFAULT_MARKET.region),
  target_language: v.optional(text(50), DEFAULT_MARKET.language),
  target_keywords: v.optional(textList(50), []),
  preferred_solution_focus: v.optional(textList(20), []),
  project_keyword_history: v.optional(textList(200), []),
})

const httpUrl = v.pipe(
  v.string(),
  v.trim(),
  v.maxLength(2048),
  v.url('Must be an address such as https://example.com'),
  v.check((s) => /^https?:\/\//i.test(s), 'Must be an http or https address')
)

export const COLOR_ROLES = [
  'primary',
  'secondary',
  'accent',
  'background',
  'text',
  'neutral',
] as const
export const COLOR_SOURCES = [
  'theme-color',
  'css-variable',
  'stylesheet',
  'logo',
  'manual',
] as const
export const FONT_ROLES = ['heading', 'body', 'other'] as const
export const FONT_SOURCES = ['css', 'google-fonts', 'font-face', 'manual'] as const
export const MAX_KIT_COLORS = 6
export const MAX_KIT_FONTS = 6
export const MAX_KIT_SOCIAL = 20

export const KitColor = v.object({
  /** `#rrggbb`, lower case (upper case and spaces are normalised). */
  hex: v.pipe(
    v.string(),
    v.trim(),
    v.toLowerCase(),
    v.regex(/^#[0-9a-f]{6}$/, 'Must be a colour such as #1f6f5c')
  ),
  role: v.picklist(COLOR_ROLES),
  source: v.picklist(COLOR_SOURCES),
})

export const KitFont = v.object({
  family: requiredText(100),
  role: v.picklist(FONT_ROLES),
  source: v.picklist(FONT_SOURCES),
  /** Where the font is loaded from: the Google Fonts stylesheet or the `@font-face` file. */
  url: v.optional(httpUrl),
})

const side = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100_000))

export const KitLogo = v.object({
  mediaId: v.pipe(v.string(), v.regex(MEDIA_ID, 'Must be a media id')),
  mimeType: v.pipe(v.string(), v.regex(/^image\/[a-z0-9.+-]{1,60}$/, 'Must be an image type')),
  width: v.optional(side),
  height: v.optional(side),
  sourceUrl: v.optional(httpUrl),
})

export const KitSocial = v.object({
  /** `instagram`, `linkedin`, … or the host name for other sites (`wikipedia.org`). */
  network: requiredText(60),
  url: httpUrl,
})

/** A BCP 47 language tag (`en`, `en-GB`, `zh-Hans-CN`); hreflang also allows `x-default`. */
const LanguageTag = v.pipe(
  v.string(),
  v.trim(),
  v.maxLength(35),
  v.regex(/^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i, 'Must be a language tag such as en-GB')
)

export const KitMarket = v.object({
  /** ISO 3166-1 alpha-2 (`GB`) or UN M49 (`419`). */
  region: v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      v.toUpperCase(),
      v.regex(/^(?:[A-Z]{2}|\d{3})$/, 'Must be a region code such as GB')
    )
  ),
  /** ISO 4217 (`GBP`). */
  currency: v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      v.toUpperCase(),
      v.regex(/^[A-Z]{3}$/, 'Must be a currency code such as EUR')
    )
  ),
  hreflang: v.optional(
    v.pipe(v.array(v.union([LanguageTag, v.literal('x-default')])), v.maxLength(30))
  ),
})

/** What the site itself shows of the brand, measured rather than guessed. */
export const BrandKit = v.object({
  colors: v.optional(v.pipe(v.array(KitColor), v.maxLength(MAX_KIT_COLORS)), []),
  fonts: v.optional(v.pipe(v.array(KitFont), v.maxLength(MAX_KIT_FONTS)), []),
  logo: v.optional(KitLogo),
  social: v.optional(v.pipe(v.array(KitSocial), v.maxLength(MAX_KIT_SOCIAL)), []),
  language: v.optional(LanguageTag),
  market: v.optional(KitMarket),
})

export const GlobalBrandInfo = v.object({
  brand_name: v.optional(text(200), ''),
  brand_industry: v.optional(text(200), ''),
  brand_voice: v.optional(BrandVoice, {}),
  negative_keywords_global: v.optional(textList(50), []),
  text_profile: v.optional(text(30_000)),
  kit: v.optional(BrandKit),
})

export const BrandProfile = v.object({
  globalInfo: GlobalBrandInfo,
  projects: v.pipe(v.array(ProjectConfig), v.maxLength(20)),
})

export type BrandProfile = v.InferOutput<typeof BrandProfile>
export type ProjectConfig = v.InferOutput<typeof ProjectConfig>
export type BrandKit = v.InferOutput<typeof BrandKit>
export type KitColor = v.InferOutput<typeof KitColor>
export type KitFont = v.InferOutput<typeof KitFont>
export type KitLogo = v.InferOutput<typeof KitLogo>
export type KitSocial = v.InferOutput<typeof KitSocial>
export type ColorRole = KitColor['role']
export type FontRole = KitFont['role']

/** The project for a URL: same hostname (ignoring `www.`), else the first project. */
export function projectFor(profile: BrandProfile, url?: string): ProjectConfig | undefined {
  const host = hostOf(url)
  return profile.projects.find((p) => host && hostOf(p.project_url) === host) ?? profile.projects[0]
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined
  try {
    return new URL(/^https?:\/\//i.test(url) ? url : `https://${url}`).hostname.replace(
      /^www\./,
      ''
    )
  } catch {
    return undefined
  }
}
