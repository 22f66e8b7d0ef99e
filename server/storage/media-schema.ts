/**
 * @module storage/media-schema
 * A stored medium as answered to clients (`MediaRef`), as a schema for the API document.
 */
import * as v from 'valibot'
import type { MediaRef } from './media'

export const MediaRefSchema = v.object({
  id: v.pipe(v.string(), v.description('The media id: the content hash and extension.')),
  url: v.pipe(v.string(), v.description('`/media/<id>` on this server.')),
  mimeType: v.string(),
  size: v.pipe(v.number(), v.description('Bytes.')),
  width: v.optional(v.number()),
  height: v.optional(v.number()),
})

// The interface and the schema describe the same thing: a change to one fails here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const _same: Same<v.InferOutput<typeof MediaRefSchema>, MediaRef> = true
void _same
