/**
 * @module features/image/canvas/selection
 * Which canvas items are selected, as plain functions over an ordered list of ids: a click
 * selects one, a modified click adds or removes one, a marquee selects what it touches, and ids
 * of items that are gone are dropped.
 */
import { intersects, type Rect } from './viewport'

export type Selection = readonly string[]

/** A click on `id`: alone, or toggled in the selection when `additive` (Shift, Ctrl or Cmd). */
export function clickSelect(selection: Selection, id: string, additive: boolean): string[] {
  if (!additive) return [id]
  return selection.includes(id) ? selection.filter((s) => s !== id) : [...selection, id]
}

/** The items a marquee touches, added to the selection when `additive`. */
export function marqueeSelect(
  selection: Selection,
  items: readonly (Rect & { id: string })[],
  marquee: Rect,
  additive: boolean
): string[] {
  const hit = items.filter((item) => intersects(item, marquee)).map((item) => item.id)
  return additive ? [...new Set([...selection, ...hit])] : hit
}

/** The selection without ids no item still has (after an undo, a delete, a reload). */
export function pruneSelection(selection: Selection, items: readonly { id: string }[]): string[] {
  const ids = new Set(items.map((i) => i.id))
  return selection.filter((id) => ids.has(id))
}

/** The one selected id, when exactly one item is selected. */
export const single = (selection: Selection): string | undefined =>
  selection.length === 1 ? selection[0] : undefined
