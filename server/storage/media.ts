/**
 * @module storage/media
 * Media in and out of the BlobStore. Stored under content-addressed keys (`media/<sha256>.<ext>`),
 * so identical bytes share one object and nobody can overwrite another's asset; answered to
 * clients as `{ id, url, mimeType, size, width?, height? }` with `url` = `/media/<id>`.
 */
import { errors } from '../core/errors'
import { baseMimeType, contentId, MEDIA_ID, MEDIA_PREFIX } from './keys'
import type { BlobStore } from './types'

export interface MediaRef {
  id: string
  url: string
  mimeType: string
  size: number
  width?: number
  height?: number
}

export const mediaKey = (id: string) => `${MEDIA_PREFIX}${id}`
export const mediaUrl = (id: string) => `/media/${id}`

export async function saveMedia(
  store: BlobStore,
  bytes: Uint8Array,
  mimeType: string,
  metadata: Record<string, string> = {}
): Promise<MediaRef> {
  const type = baseMimeType(mimeType)
  const id = contentId(bytes, type)
  const key = mediaKey(id)
  // Content-addressed: an existing object already holds these exact bytes.
  const existing = await store.head(key)
  if (!existing) await store.put(key, bytes, { contentType: type, metadata })
  return {
    id,
    url: mediaUrl(id),
    mimeType: type,
    size: bytes.byteLength,
    ...(await dimensions(bytes, type)),
  }
}

/** Width and height read from the image header; none for other types or unreadable images. */
async function dimensions(
  bytes: Uint8Array,
  type: string
): Promise<{ width?: number; height?: number }> {
  if (!type.startsWith('image/')) return {}
  // Loaded on first use: the server starts without it.
  const { imageSize } = await import('image-size')
  try {
    const { width, height } = imageSize(bytes)
    return width > 0 && height > 0 ? { width, height } : {}
  } catch {
    // A format it does not know or a truncated file: dimensions are optional.
    return {}
  }
}

/** Reads a media id sent by a client; 400 for a malformed id, 404 when it does not exist. */
export async function loadMedia(
  store: BlobStore,
  id: string
): Promise<{ bytes: Uint8Array; mimeType: string }> {
  if (!MEDIA_ID.test(id)) throw errors.badRequest('invalid_media_id', 'The media id is not valid.')
  const key = mediaKey(id)
  const [meta, bytes] = await Promise.all([store.head(key), store.read(key)])
  if (!meta || !bytes) throw errors.notFound('The media')
  return { bytes, mimeType: meta.contentType }
}
