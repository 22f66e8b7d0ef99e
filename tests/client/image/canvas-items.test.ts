/**
 * Canvas items as pure changes: arriving images are placed (a new column right of everything, an
 * edit below its source's column) at the same shown size whatever their pixels; moves, removals
 * that keep every parent link valid (as the saved document's schema demands), the edit history
 * as a tree; selection by click, modified click and marquee; undo and redo as snapshots.
 */
import { describe, expect, test } from 'bun:test'
import * as v from 'valibot'
import {
  canRedo,
  canUndo,
  emptyHistory,
  MAX_HISTORY,
  record,
  redo,
  undo,
} from '../../../client/src/features/image/canvas/history'
import {
  addImage,
  type CanvasItem,
  historyTree,
  lineage,
  moveItems,
  newItemId,
  parentOf,
  removeItems,
} from '../../../client/src/features/image/canvas/items'
import {
  COLUMN_GAP,
  DISPLAY_LONG_SIDE,
  displaySize,
  ROW_GAP,
} from '../../../client/src/features/image/canvas/layout'
import {
  clickSelect,
  marqueeSelect,
  pruneSelection,
  single,
} from '../../../client/src/features/image/canvas/selection'
import { ImageSeriesDocument } from '../../../server/features/library/schemas'

const MEDIA = (n: number) => `${String(n).padStart(64, '0')}.png`
const AT = '2026-01-01T00:00:00.000Z'

function canvas(): CanvasItem[] {
  let items: CanvasItem[] = []
  items = addImage(items, { mediaId: MEDIA(1), width: 1024, height: 1024, prompt: 'a' }, 'a', AT)
  items = addImage(items, { mediaId: MEDIA(2), width: 1920, height: 1080, prompt: 'b' }, 'b', AT)
  items = addImage(items, { mediaId: MEDIA(3), width: 1024, height: 1024, parentId: 'a' }, 'a1', AT)
  items = addImage(
    items,
    { mediaId: MEDIA(4), width: 2048, height: 2048, parentId: 'a1' },
    'a2',
    AT
  )
  return items
}

const valid = (items: CanvasItem[]) =>
  v.safeParse(ImageSeriesDocument, { title: 'S', items }).success

describe('placing arriving images', () => {
  test('every image is shown with the same long side, keeping its shape', () => {
    expect(displaySize(4096, 2048)).toEqual({
      width: DISPLAY_LONG_SIDE,
      height: DISPLAY_LONG_SIDE / 2,
    })
    expect(displaySize(1080, 1920).height).toBe(DISPLAY_LONG_SIDE)
    expect(displaySize(undefined, undefined)).toEqual({
      width: DISPLAY_LONG_SIDE,
      height: DISPLAY_LONG_SIDE,
    })
  })

  test('the first image is at the origin, the next new one in a column to its right', () => {
    const [a, b] = canvas()
    expect([a?.x, a?.y]).toEqual([0, 0])
    expect(b?.x).toBe((a?.width ?? 0) + COLUMN_GAP)
    expect(b?.y).toBe(0)
  })

  test('an image made from another goes below the last one in its column, linked to it', () => {
    const items = canvas()
    const [a, , a1, a2] = items
    expect(a1?.x).toBe(a?.x)
    expect(a1?.y).toBe((a?.y ?? 0) + (a?.height ?? 0) + ROW_GAP)
    expect(a1?.parentId).toBe('a')
    expect(a2?.y).toBe((a1?.y ?? 0) + (a1?.height ?? 0) + ROW_GAP)
  })

  test('an upscaled copy is shown at the size of its source', () => {
    const [, , a1, a2] = canvas()
    expect([a2?.width, a2?.height]).toEqual([a1?.width, a1?.height])
  })

  test('a parent that is gone makes the image a new column', () => {
    const items = addImage([], { mediaId: MEDIA(1), parentId: 'missing' }, 'x', AT)
    expect(items[0]?.parentId).toBeUndefined()
    expect(valid(items)).toBe(true)
  })

  test('the placed items are a valid saved document, with ids the schema takes', () => {
    expect(valid(canvas())).toBe(true)
    expect(newItemId()).toMatch(/^[A-Za-z0-9_-]{1,64}$/)
    expect(newItemId()).not.toBe(newItemId())
  })
})

describe('moving and removing', () => {
  test('a move shifts only the chosen items, within the world bounds', () => {
    const moved = moveItems(canvas(), ['a', 'b'], 15, -5)
    expect(moved.find((i) => i.id === 'a')).toMatchObject({ x: 15, y: -5 })
    expect(moved.find((i) => i.id === 'a1')?.x).toBe(0)
    expect(moveItems(canvas(), ['a'], 1e9, 0).find((i) => i.id === 'a')?.x).toBe(1_000_000)
  })

  test('removing an image hangs its children on its own parent', () => {
    const left = removeItems(canvas(), ['a1'])
    expect(left.find((i) => i.id === 'a2')?.parentId).toBe('a')
    expect(valid(left)).toBe(true)
  })

  test('removing a chain from its root leaves the survivors without a parent', () => {
    const left = removeItems(canvas(), ['a', 'a1'])
    expect(left.map((i) => i.id)).toEqual(['b', 'a2'])
    expect(left.find((i) => i.id === 'a2')?.parentId).toBeUndefined()
    expect(valid(left)).toBe(true)
  })
})

describe('edit history', () => {
  test('the lineage runs from the first image to the one asked about', () => {
    expect(lineage(canvas(), 'a2').map((i) => i.id)).toEqual(['a', 'a1', 'a2'])
    expect(parentOf(canvas(), 'a2')?.id).toBe('a1')
    expect(parentOf(canvas(), 'a')).toBeUndefined()
  })

  test('the tree starts at the chain’s first image and nests what was made from each', () => {
    let items = canvas()
    items = addImage(items, { mediaId: MEDIA(5), parentId: 'a' }, 'a-alt', AT)
    const tree = historyTree(items, 'a2')
    expect(tree?.item.id).toBe('a')
    expect(tree?.children.map((c) => c.item.id)).toEqual(['a1', 'a-alt'])
    expect(tree?.children[0]?.children.map((c) => c.item.id)).toEqual(['a2'])
  })

  test('a cycle in parent links (a damaged document) does not loop', () => {
    const items = canvas().map((i) => (i.id === 'a' ? { ...i, parentId: 'a2' } : i))
    expect(lineage(items, 'a2').length).toBeLessThanOrEqual(3)
    expect(historyTree(items, 'a2')).toBeDefined()
  })
})

describe('selection', () => {
  test('a click selects one; a modified click adds or removes it', () => {
    expect(clickSelect(['a', 'b'], 'c', false)).toEqual(['c'])
    expect(clickSelect(['a'], 'b', true)).toEqual(['a', 'b'])
    expect(clickSelect(['a', 'b'], 'a', true)).toEqual(['b'])
  })

  test('a marquee selects what it touches, or adds it', () => {
    const items = canvas()
    const marquee = { x: -10, y: -10, width: 100, height: 100 }
    expect(marqueeSelect(['b'], items, marquee, false)).toEqual(['a'])
    expect(marqueeSelect(['b'], items, marquee, true)).toEqual(['b', 'a'])
  })

  test('ids of items that are gone are dropped; single names the one selected', () => {
    expect(pruneSelection(['a', 'gone'], canvas())).toEqual(['a'])
    expect(single(['a'])).toBe('a')
    expect(single(['a', 'b'])).toBeUndefined()
  })
})

describe('undo and redo', () => {
  test('undo brings back the state before an action, redo the one after', () => {
    let history = record(emptyHistory<number>(), 1)
    const back = undo(history, 2)
    expect(back?.state).toBe(1)
    history = back!.history
    expect(canRedo(history)).toBe(true)
    expect(redo(history, 1)?.state).toBe(2)
  })

  test('a new action after an undo drops what could have been redone', () => {
    const undone = undo(record(emptyHistory<number>(), 1), 2)!.history
    expect(canRedo(record(undone, 1))).toBe(false)
  })

  test('nothing to undo or redo answers undefined', () => {
    expect(undo(emptyHistory<number>(), 1)).toBeUndefined()
    expect(redo(emptyHistory<number>(), 1)).toBeUndefined()
    expect(canUndo(emptyHistory())).toBe(false)
  })

  test('the history keeps at most its limit of steps', () => {
    let history = emptyHistory<number>()
    for (let i = 0; i < MAX_HISTORY + 50; i++) history = record(history, i)
    expect(history.past).toHaveLength(MAX_HISTORY)
    expect(history.past[0]).toBe(50)
  })
})
