/**
 * @module image/brand-skips
 * Why a requested part of the brand kit was not used in an image, coded so the UI can word it in
 * the user's language (the English text goes with it).
 */
import { defineCodes } from '../../core/codes'

export const BRAND_SKIPS = defineCodes('notice', {
  kit_has_no_logo: 'The brand kit has no logo.',
  logo_not_usable: 'The logo is not a PNG, JPEG or WebP image.',
})

export type BrandSkipCode = keyof typeof BRAND_SKIPS.texts

export const BRAND_SKIP_CODES = Object.keys(BRAND_SKIPS.texts) as BrandSkipCode[]
