/**
 * @module brand/schemas
 * `POST /api/analyze`: the request (a URL, normalised, and the UI language), the brand
 * analysis the model must return (sent as the JSON response schema and used to validate the
 * answer), and the response shapes.
 */
import * as v from 'valibot'
import { SourceSchema } from '../../ai/grounding-schema'
import { Notice } from '../../core/notice-schema'
import { requiredText, text, textList, UiLanguage } from '../../core/schema'
import { MediaRefSchema } from '../../storage/media-schema'
import { BrandKit, BrandProfile } from './profile'

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

export const BrandAsset = v.object({
  media: MediaRefSchema,
  sourceUrl: v.string(),
  kind: v.picklist(['logo', 'image']),
  mimeType: v.string(),
  size: v.number(),
})
export type BrandAsset = v.InferOutput<typeof BrandAsset>
export type AssetKind = BrandAsset['kind']

export const AnalyzeResponse = v.object({
  profile: v.pipe(BrandAnalysis, v.description("The model's reading of the brand.")),
  textProfile: v.pipe(v.string(), v.description('The profile as Markdown.')),
  brandProfile: v.pipe(
    BrandProfile,
    v.description('Ready for the SEO workflow: the profile with the kit and one project.')
  ),
  kit: v.pipe(
    BrandKit,
    v.description('Measured from the site (also in brandProfile.globalInfo.kit).')
  ),
  assets: v.object({ logos: v.array(BrandAsset), images: v.array(BrandAsset) }),
  sources: v.pipe(
    v.array(SourceSchema),
    v.description('Every page the analysis read, the given one first.')
  ),
  warnings: v.pipe(
    v.array(Notice),
    v.description(
      'What was skipped or assumed, coded ({ code, params, message }) for the UI to word; message is the English text.'
    )
  ),
})
export type AnalyzeResponse = v.InferOutput<typeof AnalyzeResponse>
