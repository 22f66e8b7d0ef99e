/**
 * @module brand/image-type
 * The image type of downloaded bytes, read from their signature rather than trusted from the
 * `Content-Type` header: an HTML page served as `image/png` is not stored. SVG (text, no
 * signature) is accepted only when declared as `image/svg+xml` and starting like an SVG
 * document; `/media` serves it sandboxed and as a download, since it can carry scripts.
 */

export type StoredImageType =
  | 'image/png'
  | 'image/jpeg'
  | 'image/gif'
  | 'image/webp'
  | 'image/avif'
  | 'image/x-icon'
  | 'image/svg+xml'

const ascii = (bytes: Uint8Array, start: number, end: number) =>
  String.fromCharCode(...bytes.subarray(start, end))

const startsWith = (bytes: Uint8Array, signature: readonly number[]) =>
  signature.every((b, i) => bytes[i] === b)

// Optional XML declaration, comments and doctype, then the <svg> root element.
const SVG_START =
  /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[^>]*-->\s*)*(?:<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i

/** The stored type for `bytes`, or undefined when they are not an image we keep. */
export function imageTypeOf(bytes: Uint8Array, declaredType: string): StoredImageType | undefined {
  if (declaredType === 'image/svg+xml') {
    const head = new TextDecoder().decode(bytes.subarray(0, 1024)).replace(/^\uFEFF/, '')
    return SVG_START.test(head) ? 'image/svg+xml' : undefined
  }
  if (bytes.length < 12) return undefined
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  const head = ascii(bytes, 0, 6)
  if (head === 'GIF87a' || head === 'GIF89a') return 'image/gif'
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'image/webp'
  if (ascii(bytes, 4, 8) === 'ftyp' && ['avif', 'avis'].includes(ascii(bytes, 8, 12))) {
    return 'image/avif'
  }
  // ICO: reserved 0, type 1, at least one image.
  if (startsWith(bytes, [0, 0, 1, 0]) && (bytes[4] ?? 0) + (bytes[5] ?? 0) > 0)
    return 'image/x-icon'
  return undefined
}
