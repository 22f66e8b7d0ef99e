/**
 * @module library/schemas/common
 * Pieces every saved document uses: its id, title and server-set `updated` time, media
 * references by id (a bare id, or a media ref as the API answers with it) and bounded numbers.
 * Pure valibot (shared with the browser).
 */
import * as v from 'valibot'
import { Notice } from '../../../core/notice-schema'
import { requiredText, text } from '../../../core/schema'
import { MEDIA_ID } from '../../../storage/media-id'
import { DOCUMENT_ID } from '../kinds'

export const DocumentId = v.pipe(
  v.string(),
  v.regex(
    DOCUMENT_ID,
    'Must be 1-64 lowercase letters, digits or dashes, starting with a letter or digit'
  )
)

/** Shown in listings. */
export const Title = requiredText(200)

/** ISO 8601 time as `Date.toISOString()` writes it. */
export const Timestamp = v.pipe(v.string(), v.maxLength(40), v.isoTimestamp())

/** Set by the server on every save; a value sent by the client is replaced. */
export const Updated = v.optional(Timestamp)

/** Media are stored once and referenced by id (`GET /media/<id>`), never embedded. */
export const MediaId = v.pipe(
  v.string(),
  v.regex(MEDIA_ID, 'Must be a media id (upload the image first and reference it by id)')
)

/** Largest stored media file a document can name (bytes). */
export const MAX_MEDIA_BYTES = 100 * 1024 * 1024

const side = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100_000))

/** The fields of a stored image as the API answers with it. */
export const mediaRefEntries = {
  id: MediaId,
  url: v.pipe(v.string(), v.maxLength(300)),
  mimeType: v.pipe(v.string(), v.regex(/^image\/[a-z0-9.+-]{1,60}$/, 'Must be an image type')),
  size: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_MEDIA_BYTES)),
  width: v.optional(side),
  height: v.optional(side),
}

/** The link of a media ref is the one `GET /media/<id>` serves: the reference stays by id only. */
export const linksItsId = (ref: { id: string; url: string }) => ref.url === `/media/${ref.id}`
export const MEDIA_LINK_MESSAGE = 'Must be the media link of its id: /media/<id>'

/** A stored image as the API answers with it: `{ id, url, mimeType, size, width?, height? }`. */
export const MediaRef = v.pipe(
  v.object(mediaRefEntries),
  v.forward(
    v.check((ref) => linksItsId(ref), MEDIA_LINK_MESSAGE),
    ['url']
  )
)
export type MediaRef = v.InferOutput<typeof MediaRef>

export const boundedNumber = (min: number, max: number) =>
  v.pipe(v.number(), v.minValue(min), v.maxValue(max))

export const positiveInteger = (max: number) =>
  v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(max))

/**
 * A note kept with a result: coded (`{ code, params, message }`, worded by the UI), or the plain
 * English text that documents saved before notes were coded hold (still read, shown as it is).
 */
export const SavedNote = (maxLength: number) => v.union([text(maxLength), Notice])
export type SavedNote = string | Notice

export const savedNotes = (maxItems: number, maxLength: number) =>
  v.pipe(v.array(SavedNote(maxLength)), v.maxLength(maxItems))
