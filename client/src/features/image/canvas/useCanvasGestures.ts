/**
 * @module features/image/canvas/useCanvasGestures
 * Pointer and wheel input on the canvas, turned into viewport and item changes: the wheel (or a
 * pinch) zooms about the pointer, a drag on the background pans (with Shift it draws a marquee
 * that selects what it touches), a drag on an image moves the selection (one undo step per
 * drag). The maths lives in viewport.ts; this only tracks the gesture.
 */
import { type Ref, ref } from 'vue'
import {
  type Point,
  panBy,
  type Rect,
  rectBetween,
  toWorld,
  type Viewport,
  wheelFactor,
  zoomAt,
} from './viewport'

export interface GestureHandlers {
  /** Pointer down on item `id`; answers the ids the drag moves (empty: none). */
  grab(id: string, additive: boolean): string[]
  moveLive(ids: string[], dx: number, dy: number): void
  beginMove(): void
  endMove(): void
  /** A marquee (world coordinates) was drawn. */
  marquee(rect: Rect, additive: boolean): void
  /** A click on the empty background. */
  clearSelection(): void
}

type Gesture =
  | { kind: 'pan'; last: Point; moved: boolean }
  | { kind: 'marquee'; start: Point; additive: boolean }
  | { kind: 'move'; ids: string[]; last: Point; started: boolean }

/** Below this many pixels a press is a click, not a drag. */
const DRAG_THRESHOLD = 3

export function useCanvasGestures(
  element: Ref<HTMLElement | null | undefined>,
  view: Ref<Viewport>,
  handlers: GestureHandlers
) {
  const marqueeRect = ref<Rect>()
  let gesture: Gesture | undefined
  let origin: Point = { x: 0, y: 0 }

  const local = (event: { clientX: number; clientY: number }): Point => {
    const box = element.value?.getBoundingClientRect()
    return { x: event.clientX - (box?.left ?? 0), y: event.clientY - (box?.top ?? 0) }
  }

  function onWheel(event: WheelEvent): void {
    event.preventDefault()
    view.value = zoomAt(view.value, wheelFactor(event.deltaY), local(event))
  }

  function onPointerDown(event: PointerEvent): void {
    if (event.button !== 0 && event.button !== 1) return
    const point = local(event)
    origin = point
    const itemId = (event.target as HTMLElement | null)
      ?.closest<HTMLElement>('[data-item-id]')
      ?.getAttribute('data-item-id')
    const additive = event.shiftKey || event.ctrlKey || event.metaKey
    if (itemId && event.button === 0) {
      const ids = handlers.grab(itemId, additive)
      gesture = { kind: 'move', ids, last: point, started: false }
    } else if (event.button === 0 && event.shiftKey) {
      gesture = { kind: 'marquee', start: point, additive: true }
    } else {
      gesture = { kind: 'pan', last: point, moved: false }
    }
    element.value?.setPointerCapture?.(event.pointerId)
  }

  function onPointerMove(event: PointerEvent): void {
    if (!gesture) return
    const point = local(event)
    const far = Math.hypot(point.x - origin.x, point.y - origin.y) >= DRAG_THRESHOLD
    if (gesture.kind === 'pan') {
      if (!far && !gesture.moved) return
      view.value = panBy(view.value, point.x - gesture.last.x, point.y - gesture.last.y)
      gesture.last = point
      gesture.moved = true
    } else if (gesture.kind === 'move') {
      if (!gesture.ids.length || (!far && !gesture.started)) return
      if (!gesture.started) {
        handlers.beginMove()
        gesture.started = true
      }
      const scale = view.value.scale
      handlers.moveLive(
        gesture.ids,
        (point.x - gesture.last.x) / scale,
        (point.y - gesture.last.y) / scale
      )
      gesture.last = point
    } else {
      const a = toWorld(view.value, gesture.start)
      const b = toWorld(view.value, point)
      marqueeRect.value = rectBetween(a, b)
    }
  }

  function onPointerUp(event: PointerEvent): void {
    const done = gesture
    gesture = undefined
    element.value?.releasePointerCapture?.(event.pointerId)
    if (!done) return
    if (done.kind === 'move' && done.started) handlers.endMove()
    if (done.kind === 'pan' && !done.moved) handlers.clearSelection()
    if (done.kind === 'marquee') {
      if (marqueeRect.value) handlers.marquee(marqueeRect.value, done.additive)
      marqueeRect.value = undefined
    }
  }

  return {
    marqueeRect,
    listeners: {
      wheel: onWheel,
      pointerdown: onPointerDown,
      pointermove: onPointerMove,
      pointerup: onPointerUp,
      pointercancel: onPointerUp,
    },
  }
}
