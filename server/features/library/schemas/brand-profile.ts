/**
 * @module library/schemas/brand-profile
 * A saved brand profile: the `BrandProfile` the brand analysis produces and SEO steps take, with
 * a title for listings, the logos and images the analysis collected (stored media, by id) and
 * what the analysis read (the site, its pages, its warnings). Pure valibot (shared with the
 * browser).
 */
import * as v from 'valibot'
import { text } from '../../../core/schema'
import { BrandProfile } from '../../brand/profile'
import {
  linksItsId,
  MEDIA_LINK_MESSAGE,
  mediaRefEntries,
  savedNotes,
  Title,
  Updated,
} from './common'

export const MAX_BRAND_LOGOS = 20
export const MAX_BRAND_IMAGES = 40
export const MAX_ANALYSIS_SOURCES = 20
export const MAX_BRAND_WARNINGS = 50

/** A collected image: the stored media, where it was found, and which list it belongs to. */
export const BrandAsset = v.pipe(
  v.object({
    ...mediaRefEntries,
    sourceUrl: text(2048),
    kind: v.picklist(['logo', 'image']),
  }),
  v.forward(
    v.check((ref) => linksItsId(ref), MEDIA_LINK_MESSAGE),
    ['url']
  )
)
export type BrandAsset = v.InferOutput<typeof BrandAsset>

export const BrandAssets = v.object({
  logos: v.optional(v.pipe(v.array(BrandAsset), v.maxLength(MAX_BRAND_LOGOS)), []),
  images: v.optional(v.pipe(v.array(BrandAsset), v.maxLength(MAX_BRAND_IMAGES)), []),
})

/** What the last analysis read: the site, every page it used, what it said about its limits. */
export const BrandAnalysisNotes = v.object({
  url: text(2048),
  sources: v.optional(
    v.pipe(
      v.array(v.object({ title: text(500), url: text(2048) })),
      v.maxLength(MAX_ANALYSIS_SOURCES)
    ),
    []
  ),
  warnings: v.optional(savedNotes(MAX_BRAND_WARNINGS, 2000), []),
})

export const BrandProfileDocument = v.object({
  title: Title,
  updated: Updated,
  profile: BrandProfile,
  assets: v.optional(BrandAssets),
  analysis: v.optional(BrandAnalysisNotes),
})
export type BrandProfileDocument = v.InferOutput<typeof BrandProfileDocument>
