/**
 * @module library/schemas/image-series
 * A saved image series: the canvas items (each a stored image by media id, placed and sized on
 * the canvas, with the prompt that made it and a link to the item it was edited from) and the
 * series title; each item keeps its brand check. Pure valibot (shared with the browser).
 */
import * as v from 'valibot'
import { text } from '../../../core/schema'
import { KeptBrandCheck } from './brand-check'
import { boundedNumber, MediaId, Timestamp, Title, Updated } from './common'

export const MAX_CANVAS_ITEMS = 500

const ItemId = v.pipe(
  v.string(),
  v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'Must be 1-64 letters, digits, dashes or underscores')
)

export const CanvasItem = v.object({
  id: ItemId,
  mediaId: MediaId,
  x: boundedNumber(-1_000_000, 1_000_000),
  y: boundedNumber(-1_000_000, 1_000_000),
  width: boundedNumber(1, 100_000),
  height: boundedNumber(1, 100_000),
  /** Degrees, clockwise. */
  rotation: v.optional(boundedNumber(-360, 360)),
  /** The item this one was edited from: the edit history is the chain of parents. */
  parentId: v.optional(ItemId),
  prompt: v.optional(text(10_000), ''),
  title: v.optional(text(300), ''),
  createdAt: Timestamp,
  /** How on brand the image was found (`POST /api/brand/check`), when it was checked. */
  brandCheck: v.optional(KeptBrandCheck),
})
export type CanvasItem = v.InferOutput<typeof CanvasItem>

type Items = { items: { id: string; parentId?: string }[] }

const uniqueIds = ({ items }: Items) => new Set(items.map((i) => i.id)).size === items.length

const parentsExist = ({ items }: Items) => {
  const ids = new Set(items.map((i) => i.id))
  return items.every(
    (i) => i.parentId === undefined || (i.parentId !== i.id && ids.has(i.parentId))
  )
}

export const ImageSeriesDocument = v.pipe(
  v.object({
    title: Title,
    updated: Updated,
    items: v.pipe(v.array(CanvasItem), v.maxLength(MAX_CANVAS_ITEMS)),
  }),
  v.forward(
    v.check((series) => uniqueIds(series), 'Item ids must be unique'),
    ['items']
  ),
  v.forward(
    v.check((series) => parentsExist(series), 'Each parentId must name another item of the series'),
    ['items']
  )
)
export type ImageSeriesDocument = v.InferOutput<typeof ImageSeriesDocument>
