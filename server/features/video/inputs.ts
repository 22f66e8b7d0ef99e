/**
 * @module video/inputs
 * Input images of a job: sent as base64 or named by a stored media id, checked to be a PNG,
 * JPEG or WebP by their bytes (not by what the client declared), stored as media so the job
 * record refers to them by id, and handed to the gateway as base64 with their real type.
 */
import type { VideoImage } from '../../ai/video-types'
import { errors } from '../../core/errors'
import { fieldIssue } from '../../core/field-rules'
import { loadMedia, type MediaRef, saveMedia } from '../../storage/media'
import type { BlobStore } from '../../storage/types'
import { imageTypeOf } from '../brand/image-type'
import type { ImageInput } from './schemas'
import { INPUT_IMAGE_TYPES } from './schemas'

export interface LoadedImage {
  ref: MediaRef
  image: VideoImage
}

const ACCEPTED: readonly string[] = INPUT_IMAGE_TYPES

export async function loadImage(
  store: BlobStore,
  input: ImageInput,
  field: string
): Promise<LoadedImage> {
  const { bytes, declared } =
    'mediaId' in input
      ? await loadMedia(store, input.mediaId).then((m) => ({
          bytes: m.bytes,
          declared: m.mimeType,
        }))
      : { bytes: Buffer.from(input.data, 'base64'), declared: input.mimeType }
  const type = imageTypeOf(bytes, declared)
  if (!type || !ACCEPTED.includes(type)) {
    throw errors.invalidInput([fieldIssue(field, 'image_type')])
  }
  const ref = await saveMedia(store, bytes, type, { role: 'video-input' })
  return { ref, image: { data: Buffer.from(bytes).toString('base64'), mimeType: type } }
}
