/**
 * @module library/schemas/media-refs
 * The media a document references: fields holding a media id, and `/media/<id>` links inside
 * text (the images of an article). Pure (shared with the browser).
 */
import { MEDIA_ID } from '../../../storage/media-id'

const ID = MEDIA_ID.source.replace(/^\^/, '').replace(/\$$/, '')
const MEDIA_LINK = new RegExp(`/media/(${ID})`, 'g')

/** Distinct media ids, in the order they first appear. */
export function mediaIdsIn(value: unknown): string[] {
  const found = new Set<string>()
  walk(value, found)
  return [...found]
}

function walk(value: unknown, found: Set<string>): void {
  if (typeof value === 'string') {
    if (MEDIA_ID.test(value)) found.add(value)
    for (const match of value.matchAll(MEDIA_LINK)) if (match[1]) found.add(match[1])
  } else if (Array.isArray(value)) {
    for (const item of value) walk(item, found)
  } else if (value && typeof value === 'object') {
    for (const item of Object.values(value)) walk(item, found)
  }
}
