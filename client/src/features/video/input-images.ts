/**
 * @module features/video/input-images
 * The images a job starts from, as the composer holds them: what is sent (a stored media id,
 * or base64 with its type), a preview URL and where it came from. Files are checked for type
 * and size before anything is sent (the server's limits: PNG, JPEG or WebP, base64 up to
 * `MAX_IMAGE_BASE64` characters), and a captured frame is a canvas snapshot as JPEG.
 */
import type { JobImage } from '../../api/video'

export const INPUT_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const
/** The server takes base64 of up to 10,000,000 characters: about 7.5 MB of image. */
export const MAX_IMAGE_BASE64 = 10_000_000
export const MAX_IMAGE_BYTES = Math.floor((MAX_IMAGE_BASE64 / 4) * 3)
export const MAX_IMAGE_MB = Math.floor(MAX_IMAGE_BYTES / 1_000_000)

export type ImageOrigin = 'upload' | 'capture' | 'generated' | 'job'

export interface InputImage {
  /** Stable within the page, for lists and focus. */
  key: string
  name: string
  previewUrl: string
  send: JobImage
  origin: ImageOrigin
}

export type FileProblem = { kind: 'badType' | 'tooLarge'; name: string }

/** What is wrong with a file as a job input, if anything. */
export function fileProblem(file: Pick<File, 'name' | 'type' | 'size'>): FileProblem | undefined {
  if (!(INPUT_IMAGE_TYPES as readonly string[]).includes(file.type)) {
    return { kind: 'badType', name: file.name }
  }
  if (file.size > MAX_IMAGE_BYTES) return { kind: 'tooLarge', name: file.name }
  return undefined
}

let counter = 0
export const nextKey = () => `img-${++counter}`

/** Base64 of a blob (without the `data:` prefix). */
export async function base64Of(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer())
  let binary = ''
  const chunk = 0x8000
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk))
  }
  return btoa(binary)
}

/** A checked file as an input image sent as base64. */
export async function imageFromFile(file: File): Promise<InputImage> {
  const mimeType = file.type as (typeof INPUT_IMAGE_TYPES)[number]
  return {
    key: nextKey(),
    name: file.name,
    previewUrl: URL.createObjectURL(file),
    send: { data: await base64Of(file), mimeType },
    origin: 'upload',
  }
}

/** An image already stored on the server (a generated first frame, a job's input). */
export const imageFromMedia = (
  media: { id: string; url: string },
  name: string,
  origin: ImageOrigin
): InputImage => ({
  key: nextKey(),
  name,
  previewUrl: media.url,
  send: { mediaId: media.id },
  origin,
})

/** The frame a `<video>` shows now, drawn to a canvas, as a JPEG blob. */
export async function captureFrame(video: HTMLVideoElement): Promise<Blob> {
  if (video.readyState < 2 || !video.videoWidth) throw new Error('video not ready')
  const canvas = document.createElement('canvas')
  canvas.width = video.videoWidth
  canvas.height = video.videoHeight
  const context = canvas.getContext('2d')
  if (!context) throw new Error('no canvas')
  context.drawImage(video, 0, 0, canvas.width, canvas.height)
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('no frame'))),
      'image/jpeg',
      0.92
    )
  )
}

/** A captured frame as an input image. */
export async function imageFromFrame(blob: Blob, name: string): Promise<InputImage> {
  return {
    key: nextKey(),
    name,
    previewUrl: URL.createObjectURL(blob),
    send: { data: await base64Of(blob), mimeType: 'image/jpeg' },
    origin: 'capture',
  }
}

/** Frees a preview made here (stored media previews are plain URLs). */
export function releasePreview(image: InputImage | undefined): void {
  if (image?.previewUrl.startsWith('blob:')) URL.revokeObjectURL(image.previewUrl)
}
