/**
 * @module features/image/download
 * The file name a downloaded image gets: words of its title (any script), and the extension of
 * its real type, so a PNG cut-out is never saved as `.jpg`.
 */

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/gif': 'gif',
}

export const extensionFor = (mimeType: string): string =>
  EXTENSIONS[mimeType.split(';')[0]?.trim().toLowerCase() ?? ''] ?? 'bin'

/** `"Warm café, at dawn!"` + PNG -> `warm-café-at-dawn.png`. */
export function downloadName(title: string, mimeType: string, fallback = 'image'): string {
  const words = title
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
  const stem = [...words].slice(0, 60).join('').replace(/-+$/, '') || fallback
  return `${stem}.${extensionFor(mimeType)}`
}

const TYPES: Record<string, string> = Object.fromEntries(
  Object.entries(EXTENSIONS).map(([type, ext]) => [ext, type])
)

/** The type a stored media id names (`<sha256>.png` -> `image/png`). */
export const mimeTypeOfId = (mediaId: string): string =>
  TYPES[mediaId.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream'
