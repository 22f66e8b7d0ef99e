/**
 * @module library/schemas/brand-profile
 * A saved brand profile: the `BrandProfile` the brand analysis produces and SEO steps take, with
 * a title for listings. Pure valibot (shared with the browser).
 */
import * as v from 'valibot'
import { BrandProfile } from '../../brand/profile'
import { Title, Updated } from './common'

export const BrandProfileDocument = v.object({
  title: Title,
  updated: Updated,
  profile: BrandProfile,
})
export type BrandProfileDocument = v.InferOutput<typeof BrandProfileDocument>
