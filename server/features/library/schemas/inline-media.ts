/**
 * @module library/schemas/inline-media
 * Finds image data embedded in a document (a `data:` URL anywhere, a long base64 run in an image
 * field, a very long one anywhere): saved work references media by id, so such a body is
 * refused, naming the fields. Pure (shared with the browser).
 */

/** A `data:` URL: `data:image/png;base64,...`, `data:image/svg+xml,<svg ...`. */
const DATA_URL = /\bdata:[a-z]+\/[a-z0-9.+-]+[;,]/i
/** Fields whose name says they hold an image. */
const IMAGE_FIELD = /image|img|src|photo|picture|logo|thumbnail|icon|data|base64|bytes|blob/i
export const BASE64_RUN_IN_IMAGE_FIELD = 256
export const BASE64_RUN_ANYWHERE = 4096
const runOf = (length: number) => new RegExp(`[A-Za-z0-9+/]{${length},}`)
const IMAGE_RUN = runOf(BASE64_RUN_IN_IMAGE_FIELD)
const ANY_RUN = runOf(BASE64_RUN_ANYWHERE)
const MAX_REPORTED = 20

export interface InlineMediaIssue {
  /** Dotted path, as in validation issues: `items.3.src`. */
  field: string
  message: string
}

export const INLINE_MEDIA_MESSAGE =
  'Carries embedded image data: upload the image and reference it by its media id'

export function findInlineMedia(value: unknown): InlineMediaIssue[] {
  const issues: InlineMediaIssue[] = []
  walk(value, [], issues)
  return issues
}

function walk(value: unknown, path: string[], issues: InlineMediaIssue[]): void {
  if (issues.length >= MAX_REPORTED) return
  if (typeof value === 'string') {
    const name = path.at(-1) ?? ''
    const run = IMAGE_FIELD.test(name) ? IMAGE_RUN : ANY_RUN
    if (DATA_URL.test(value) || run.test(value)) {
      issues.push({ field: path.join('.') || '(body)', message: INLINE_MEDIA_MESSAGE })
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => {
      walk(item, [...path, String(i)], issues)
    })
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) walk(item, [...path, key], issues)
  }
}
