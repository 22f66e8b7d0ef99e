/**
 * @module image/schemas
 * Request pieces every image-studio endpoint shares: an input image (a stored media id, or
 * base64 whose real type and size are checked when it is read), the model level, prompts and
 * the brand a request is made for. Pure valibot.
 */
import * as v from 'valibot'
import { IMAGE_RATIOS } from '../../ai/models'
import { requiredText } from '../../core/schema'
import { MEDIA_ID } from '../../storage/media-id'
import { KIT_ASPECTS } from '../brand/kit-summary'
import { BrandProfile } from '../brand/profile'

export const MediaId = v.pipe(
  v.string(),
  v.regex(MEDIA_ID, 'Must be a media id such as <sha256>.png')
)

/** The image types the studio takes (what the image models read). */
export const INPUT_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const
export type InputImageType = (typeof INPUT_IMAGE_TYPES)[number]
export { MAX_INPUT_IMAGE_BYTES, MAX_INPUT_IMAGES } from './limits'

/** `{ mediaId }`, or `{ data, mimeType }` with base64 data (a `data:` URL prefix is accepted). */
export const ImageInput = v.union([
  v.object({ mediaId: MediaId }),
  v.object({
    data: v.pipe(v.string(), v.minLength(1)),
    mimeType: v.optional(v.pipe(v.string(), v.maxLength(100))),
  }),
])
export type ImageInput = v.InferOutput<typeof ImageInput>

/** The studio's model choice: Nano Banana 2, or Nano Banana Pro for quality and 4K. */
export const MODEL_LEVELS = ['banana', 'banana_pro'] as const
export type ModelLevel = (typeof MODEL_LEVELS)[number]
export const ModelLevel = v.optional(v.picklist(MODEL_LEVELS), 'banana')

/** Shaped like a ratio here; checked against the chosen model's own set when used. */
export const AspectRatio = v.pipe(
  v.string(),
  v.regex(/^\d{1,2}:\d{1,2}$/, `Must be a ratio such as ${IMAGE_RATIOS.join(', ')}`)
)
export const IMAGE_SIZES = ['512', '1K', '2K', '4K'] as const
export const ImageSize = v.picklist(IMAGE_SIZES)

export const Prompt = requiredText(8_000)

/** The brand an image is made for: its profile, and whether its logo goes in as a reference. */
export const BrandRequest = v.object({
  profile: BrandProfile,
  /** Send the kit's logo to the model as a reference image. */
  logo: v.optional(v.boolean(), false),
})
export type BrandRequest = v.InferOutput<typeof BrandRequest>

export { KIT_ASPECTS }
