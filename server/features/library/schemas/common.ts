/**
 * @module library/schemas/common
 * Pieces every saved document uses: its id, title and server-set `updated` time, media
 * references by id and bounded numbers. Pure valibot (shared with the browser).
 */
import * as v from 'valibot'
import { requiredText } from '../../../core/schema'
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

export const boundedNumber = (min: number, max: number) =>
  v.pipe(v.number(), v.minValue(min), v.maxValue(max))

export const positiveInteger = (max: number) =>
  v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(max))
