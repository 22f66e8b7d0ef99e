/**
 * @module features/image/canvas/items
 * The canvas items of a series (the saved document's `CanvasItem`: a stored image by media id,
 * its place and size in world units, the item it was made from) and the pure changes made to
 * them: add one where it belongs, move a selection, remove some (their children then hang on
 * the removed item's parent, so every parent link still names an item), and read the edit
 * history as a tree.
 */
import type { CanvasItem } from '../../../../../server/features/library/schemas/image-series'
import { displaySize, placeBelow, placeNew } from './layout'

export type { CanvasItem }

export interface NewImage {
  mediaId: string
  width?: number
  height?: number
  prompt?: string
  title?: string
  /** The item it was made from (an edit, an upscale, a cut-out). */
  parentId?: string
}

/** World coordinates are bounded by the saved document's schema. */
const WORLD_LIMIT = 1_000_000
const bound = (n: number) => Math.max(-WORLD_LIMIT, Math.min(WORLD_LIMIT, Math.round(n)))

let counter = 0
/** A new item id (letters, digits and dashes, unique within a series). */
export const newItemId = (now = Date.now()): string =>
  `i-${now.toString(36)}-${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`

/** `items` with the new image placed: below its parent's column, or in a new column. */
export function addImage(
  items: readonly CanvasItem[],
  image: NewImage,
  id = newItemId(),
  createdAt = new Date().toISOString()
): CanvasItem[] {
  const size = displaySize(image.width, image.height)
  const parent = image.parentId ? items.find((i) => i.id === image.parentId) : undefined
  const at = parent ? placeBelow(items, parent) : placeNew(items)
  const item: CanvasItem = {
    id,
    mediaId: image.mediaId,
    x: bound(at.x),
    y: bound(at.y),
    width: size.width,
    height: size.height,
    prompt: (image.prompt ?? '').slice(0, 10_000),
    title: (image.title ?? '').slice(0, 300),
    createdAt,
    ...(parent ? { parentId: parent.id } : {}),
  }
  return [...items, item]
}

/** The items of `ids` moved by (dx, dy) world units. */
export function moveItems(
  items: readonly CanvasItem[],
  ids: readonly string[],
  dx: number,
  dy: number
): CanvasItem[] {
  const moving = new Set(ids)
  return items.map((i) => (moving.has(i.id) ? { ...i, x: bound(i.x + dx), y: bound(i.y + dy) } : i))
}

/** The item's nearest ancestor that is not being removed. */
function survivingParent(
  byId: Map<string, CanvasItem>,
  removing: Set<string>,
  id: string | undefined
): string | undefined {
  const seen = new Set<string>()
  let current = id
  while (current && removing.has(current) && !seen.has(current)) {
    seen.add(current)
    current = byId.get(current)?.parentId
  }
  return current && !removing.has(current) && byId.has(current) ? current : undefined
}

/** `items` without `ids`; an item whose parent goes hangs on the nearest ancestor that stays. */
export function removeItems(items: readonly CanvasItem[], ids: readonly string[]): CanvasItem[] {
  const removing = new Set(ids)
  const byId = new Map(items.map((i) => [i.id, i]))
  return items
    .filter((i) => !removing.has(i.id))
    .map((i) => {
      if (!i.parentId || !removing.has(i.parentId)) return i
      const { parentId: _gone, ...rest } = i
      const parentId = survivingParent(byId, removing, i.parentId)
      return parentId ? { ...rest, parentId } : rest
    })
}

/** The chain from the first image to `id` (oldest first), cycles guarded. */
export function lineage(items: readonly CanvasItem[], id: string): CanvasItem[] {
  const byId = new Map(items.map((i) => [i.id, i]))
  const chain: CanvasItem[] = []
  const seen = new Set<string>()
  let current = byId.get(id)
  while (current && !seen.has(current.id)) {
    seen.add(current.id)
    chain.unshift(current)
    current = current.parentId ? byId.get(current.parentId) : undefined
  }
  return chain
}

export interface TreeNode {
  item: CanvasItem
  children: TreeNode[]
}

/** The edit history `id` belongs to, from its first image down, children oldest first. */
export function historyTree(items: readonly CanvasItem[], id: string): TreeNode | undefined {
  const root = lineage(items, id)[0]
  if (!root) return undefined
  const children = new Map<string, CanvasItem[]>()
  for (const item of items) {
    if (!item.parentId) continue
    children.set(item.parentId, [...(children.get(item.parentId) ?? []), item])
  }
  const seen = new Set<string>()
  const build = (item: CanvasItem): TreeNode => {
    seen.add(item.id)
    const kids = (children.get(item.id) ?? []).filter((c) => !seen.has(c.id))
    return { item, children: kids.map(build) }
  }
  return build(root)
}

/** The item `id` was made from, when it is still on the canvas. */
export const parentOf = (items: readonly CanvasItem[], id: string): CanvasItem | undefined => {
  const parentId = items.find((i) => i.id === id)?.parentId
  return parentId ? items.find((i) => i.id === parentId) : undefined
}
