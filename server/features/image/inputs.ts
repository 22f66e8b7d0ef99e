/**
 * @module image/inputs
 * Reads an input image: a media id from the store, or base64 from the request. Either way the
 * real type comes from the bytes (PNG, JPEG or WebP, else 415) and the size is bounded (10 MB,
 * else 413), so no model call starts with an image it cannot read.
 */
import { AppError, formatBytes } from '../../core/errors'
import { loadMedia, type MediaRef, saveMedia } from '../../storage/media'
import type { BlobStore } from '../../storage/types'
import {
  type ImageInput,
  INPUT_IMAGE_TYPES,
  type InputImageType,
  MAX_INPUT_IMAGE_BYTES,
} from './schemas'

export interface LoadedImage {
  bytes: Uint8Array
  mimeType: InputImageType
  /** Base64, as the model takes it. */
  data: string
  /** Set when it came from (or has been saved to) the store. */
  mediaId?: string
}

/** The type the bytes really are, when it is one the studio takes. */
export function sniffImageType(bytes: Uint8Array): InputImageType | undefined {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to))
  if (bytes[0] === 0x89 && ascii(1, 4) === 'PNG') return 'image/png'
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg'
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp'
  return undefined
}

export const unsupportedImage = (field: string) =>
  new AppError(
    415,
    'unsupported_image_type',
    `The image in ${field} is not a PNG, JPEG or WebP image.`,
    { details: { field, accepted: INPUT_IMAGE_TYPES } }
  )

export const imageTooLarge = (field: string, maxBytes = MAX_INPUT_IMAGE_BYTES) =>
  new AppError(413, 'image_too_large', `The image in ${field} exceeds ${formatBytes(maxBytes)}.`, {
    details: { field, maxBytes },
  })

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

function decodeBase64(data: string, field: string): Uint8Array {
  const body = data.startsWith('data:') ? data.slice(data.indexOf(',') + 1) : data
  const compact = body.replace(/\s+/g, '')
  // Checked before decoding: 4 characters carry 3 bytes.
  if (Math.floor((compact.length * 3) / 4) - 2 > MAX_INPUT_IMAGE_BYTES) throw imageTooLarge(field)
  if (compact.length % 4 === 1 || !BASE64.test(compact)) throw unsupportedImage(field)
  return new Uint8Array(Buffer.from(compact, 'base64'))
}

function checked(bytes: Uint8Array, field: string, mediaId?: string): LoadedImage {
  if (bytes.byteLength > MAX_INPUT_IMAGE_BYTES) throw imageTooLarge(field)
  const mimeType = sniffImageType(bytes)
  if (!mimeType) throw unsupportedImage(field)
  return {
    bytes,
    mimeType,
    data: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
    ...(mediaId ? { mediaId } : {}),
  }
}

/** One input image; `field` names it in errors (`images.1`). */
export async function loadInputImage(
  store: BlobStore,
  input: ImageInput,
  field: string
): Promise<LoadedImage> {
  if ('mediaId' in input) {
    const { bytes } = await loadMedia(store, input.mediaId)
    return checked(bytes, field, input.mediaId)
  }
  return checked(decodeBase64(input.data, field), field)
}

export async function loadStoredImage(
  store: BlobStore,
  mediaId: string,
  field: string
): Promise<LoadedImage> {
  return loadInputImage(store, { mediaId }, field)
}

/** The image in the store (a no-op for one that came from it), so a conversation can name it. */
export async function storeInput(store: BlobStore, image: LoadedImage): Promise<LoadedImage> {
  if (image.mediaId) return image
  const ref: MediaRef = await saveMedia(store, image.bytes, image.mimeType)
  return { ...image, mediaId: ref.id }
}
