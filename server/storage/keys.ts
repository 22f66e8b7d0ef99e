/**
 * @module storage/keys
 * Object keys: a small safe alphabet, no dot segments, no leading slash, bounded length, so a
 * key can never name a path outside the store on disk or a surprising object in a bucket.
 */
import { errors } from '../core/errors'

const KEY = /^[a-z0-9][a-z0-9_-]*(?:\/[a-z0-9_-][a-z0-9_.-]*)*$/i
const MAX_KEY = 512
// The local store keeps `<key>.meta.json` beside each object, locks it with `<key>.lock` and
// writes through `*.tmp` files; a key ending like that would overwrite another object's
// metadata, hold its lock or look like debris.
const RESERVED_SUFFIX = /\.(?:meta\.json|lock|tmp)$/i

export function isValidKey(key: string): boolean {
  return (
    key.length <= MAX_KEY &&
    KEY.test(key) &&
    !RESERVED_SUFFIX.test(key) &&
    !key.split('/').some((s) => s === '.' || s === '..' || s.startsWith('..'))
  )
}

export function assertValidKey(key: string): string {
  if (!isValidKey(key)) throw errors.badRequest('invalid_key', 'The storage key is not valid.')
  return key
}

export const MEDIA_PREFIX = 'media/'

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'image/avif': 'avif',
  'image/svg+xml': 'svg',
  'image/x-icon': 'ico',
  'image/vnd.microsoft.icon': 'ico',
  'video/mp4': 'mp4',
  'video/webm': 'webm',
}

/** `Image/PNG; charset=x` -> `image/png`: the form stored and compared. */
export const baseMimeType = (mimeType: string) =>
  (mimeType.split(';')[0] ?? '').trim().toLowerCase()

/** Types `/media` may serve inline; anything else is sent as a download. */
export const isKnownMediaType = (mimeType: string) =>
  Object.hasOwn(EXTENSIONS, baseMimeType(mimeType))

export const extensionFor = (mimeType: string) =>
  isKnownMediaType(mimeType) ? (EXTENSIONS[baseMimeType(mimeType)] as string) : 'bin'

export const mimeTypeForExtension = (ext: string) =>
  Object.entries(EXTENSIONS).find(([, e]) => e === ext.toLowerCase())?.[0] ??
  'application/octet-stream'

export { MEDIA_ID } from './media-id'

export function contentId(bytes: Uint8Array, mimeType: string): string {
  const digest = new Bun.CryptoHasher('sha256').update(bytes).digest('hex')
  return `${digest}.${extensionFor(mimeType)}`
}
