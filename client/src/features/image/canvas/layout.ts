/**
 * @module features/image/canvas/layout
 * Where an arriving image goes and how large it is shown: every image is shown with the same
 * long side whatever its pixel size (an upscaled copy looks like its source, only sharper); a new
 * image starts a column to the right of everything on the canvas; an image made from another
 * goes below the last one in its source's column, so each edit chain reads top to bottom.
 */
import { boundsOf, type Point, type Rect, type Size } from './viewport'

/** The long side of an image on the canvas, in world units. */
export const DISPLAY_LONG_SIDE = 320
export const COLUMN_GAP = 40
export const ROW_GAP = 24

/** The size an image of `width` x `height` pixels is shown at (square when unknown). */
export function displaySize(width?: number, height?: number): Size {
  if (!width || !height || width <= 0 || height <= 0) {
    return { width: DISPLAY_LONG_SIDE, height: DISPLAY_LONG_SIDE }
  }
  const k = DISPLAY_LONG_SIDE / Math.max(width, height)
  return { width: Math.max(1, Math.round(width * k)), height: Math.max(1, Math.round(height * k)) }
}

/** A new image's place: a new column right of everything, level with the top (the origin on an empty canvas). */
export function placeNew(items: readonly Rect[]): Point {
  const all = boundsOf(items)
  if (!all) return { x: 0, y: 0 }
  return { x: all.x + all.width + COLUMN_GAP, y: all.y }
}

/** An image made from `source`: below the lowest image overlapping the source's column. */
export function placeBelow(items: readonly Rect[], source: Rect): Point {
  const column = items.filter(
    (i) => i.x < source.x + source.width && source.x < i.x + i.width && i.y >= source.y
  )
  const bottom = Math.max(source.y + source.height, ...column.map((i) => i.y + i.height))
  return { x: source.x, y: bottom + ROW_GAP }
}
