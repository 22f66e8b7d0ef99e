/**
 * @module brand/schemas
 * `POST /api/analyze`: the request (a URL, normalised, and the UI language), the brand
 * analysis the model must return (sent as the JSON response schema and used to validate the
 * answer), and the response shapes.
 */
import * as v from 'valibot'
import type { Source } from '../../ai/types'
import { Notice } from '../../core/notice-schema'
import { requiredText, text, textList, UiLanguage } from '../../core/schema'
import type { MediaRef } from '../../storage/media'
import type { BrandKit, BrandProfile } from './profile'

// `example.com:8080/x` has a colon but no scheme; `javascript:x` and `ftp://x` have one.
const SCHEME = /^[a-z][a-z0-9+.-]*:/i
const HOST_AND_PORT = /^[^/:?#]+:\d+(?:[/?#]|$)/

/** `example.com` -> `https://example.com`; a URL with a scheme is kept as it is. */
export function withScheme(input: string): string {
  return SCHEME.test(input) && !HOST_AND_PORT.test(input) ? input : `https://${input}`
}

export const AnalyzeRequest = v.object({
  url: v.pipe(
    v.string(),
    v.trim(),
    v.minLength(1),
    v.maxLength(2048),
    v.transform(withScheme),
    v.url('Must be a website address such as https://example.com')
  ),
  uiLanguage: UiLanguage,
})
export type AnalyzeRequest = v.InferOutput<typeof AnalyzeRequest>

/** What the model returns: the structured profile (the Markdown is rendered from it). */
export const BrandAnalysis = v.object({
  brandName: requiredText(200),
  industry: text(200),
  overview: text(4000),
  values: textList(12, 300),
  audience: text(3000),
  voice: v.object({ tone: text(600), style: text(600) }),
  productsAndServices: textList(25, 400),
  marketPosition: text(3000),
  suggestedTargetKeywords: textList(20, 120),
  limitedInformation: v.object({ isLimited: v.boolean(), reason: text(1000) }),
})
export type BrandAnalysis = v.InferOutput<typeof BrandAnalysis>

/** A warning of the analysis (`AnalyzeResponse.warnings`): code, parameters, English text. */
export const AnalysisWarning = Notice

export type AssetKind = 'logo' | 'image'

export interface BrandAsset {
  media: MediaRef
  sourceUrl: string
  kind: AssetKind
  mimeType: string
  size: number
}

export interface AnalyzeResponse {
  /** The model's reading of the brand. */
  profile: BrandAnalysis
  textProfile: string
  /** Ready for the SEO workflow: valid against `BrandProfile`, with the kit and one project. */
  brandProfile: BrandProfile
  /** Measured from the site (also in `brandProfile.globalInfo.kit`). */
  kit: BrandKit
  assets: { logos: BrandAsset[]; images: BrandAsset[] }
  /** Every page the analysis used, the given one first. */
  sources: Source[]
  /** Coded notes on what was skipped or assumed (`{ code, params, message }`, see notices.ts). */
  warnings: Notice[]
}
