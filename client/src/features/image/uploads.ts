/**
 * @module features/image/uploads
 * Images a user adds as references (file picker, paste, drag and drop), checked before anything
 * is sent: at most three, each a PNG, JPEG or WebP by its bytes (not its name) and at most the
 * server's size limit. An accepted file becomes base64 for the generate request and an object
 * URL for its thumbnail.
 */
import { MAX_INPUT_IMAGE_BYTES, MAX_INPUT_IMAGES } from '../../../../server/features/image/limits'

export { MAX_INPUT_IMAGE_BYTES, MAX_INPUT_IMAGES }

/** What the image models read (the server's `INPUT_IMAGE_TYPES`). */
export const ACCEPTED_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const
export type AcceptedType = (typeof ACCEPTED_TYPES)[number]

export type UploadProblem = 'tooMany' | 'type' | 'size' | 'empty'

export interface UploadCheck {
  name: string
  ok: boolean
  problem?: UploadProblem
  mimeType?: AcceptedType
}

/** The type the first bytes say the file is, when it is one the studio takes. */
export function sniffType(head: Uint8Array): AcceptedType | undefined {
  const ascii = (from: number, to: number) => String.fromCharCode(...head.subarray(from, to))
  if (head[0] === 0x89 && ascii(1, 4) === 'PNG') return 'image/png'
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg'
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp'
  return undefined
}

/** The verdict on one file, `already` being how many are attached. */
export function checkUpload(
  file: { name: string; size: number },
  head: Uint8Array,
  already: number
): UploadCheck {
  if (already >= MAX_INPUT_IMAGES) return { name: file.name, ok: false, problem: 'tooMany' }
  if (file.size === 0) return { name: file.name, ok: false, problem: 'empty' }
  if (file.size > MAX_INPUT_IMAGE_BYTES) return { name: file.name, ok: false, problem: 'size' }
  const mimeType = sniffType(head)
  if (!mimeType) return { name: file.name, ok: false, problem: 'type' }
  return { name: file.name, ok: true, mimeType }
}

/** Bytes as base64 (chunked, so a 10 MB file does not overflow the call stack). */
export function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  }
  return btoa(binary)
}

export interface Attachment {
  id: string
  name: string
  mimeType: AcceptedType
  data: string
  /** An object URL for the thumbnail (revoked when the attachment is removed). */
  preview: string
}

/** Reads and checks `files` against the ones attached; returns the accepted and the refused. */
export async function readUploads(
  files: readonly File[],
  attached: number
): Promise<{ accepted: Attachment[]; refused: UploadCheck[] }> {
  const accepted: Attachment[] = []
  const refused: UploadCheck[] = []
  for (const file of files) {
    const head = new Uint8Array(await file.slice(0, 16).arrayBuffer())
    const check = checkUpload(file, head, attached + accepted.length)
    if (!check.ok || !check.mimeType) {
      refused.push(check)
      continue
    }
    const bytes = new Uint8Array(await file.arrayBuffer())
    accepted.push({
      id: `u-${Date.now().toString(36)}-${accepted.length}`,
      name: file.name,
      mimeType: check.mimeType,
      data: toBase64(bytes),
      preview: URL.createObjectURL(new Blob([bytes], { type: check.mimeType })),
    })
  }
  return { accepted, refused }
}
