/**
 * @module features/image/canvas/viewport
 * The canvas viewport as plain maths: a pan offset and a scale (screen = world × scale +
 * offset), zoom about a point with the scale always inside sane bounds (never zero, negative or
 * NaN), panning, conversions both ways, and fitting a set of rectangles into the visible area.
 */

export interface Point {
  x: number
  y: number
}

export interface Size {
  width: number
  height: number
}

export interface Rect extends Point, Size {}

export interface Viewport {
  /** Screen position of the world origin, in CSS pixels. */
  x: number
  y: number
  scale: number
}

export const MIN_SCALE = 0.1
export const MAX_SCALE = 8
/** Fitting never enlarges past this: a single small image is not blown up to fill the screen. */
export const FIT_MAX_SCALE = 1
export const ZOOM_STEP = 1.25

export const IDENTITY: Viewport = Object.freeze({ x: 0, y: 0, scale: 1 })

/** A scale inside [MIN_SCALE, MAX_SCALE]: zero, negatives and -Infinity give the minimum, NaN 1. */
export function clampScale(scale: number): number {
  if (Number.isNaN(scale)) return 1
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale))
}

export const toWorld = (view: Viewport, p: Point): Point => ({
  x: (p.x - view.x) / view.scale,
  y: (p.y - view.y) / view.scale,
})

export const toScreen = (view: Viewport, p: Point): Point => ({
  x: p.x * view.scale + view.x,
  y: p.y * view.scale + view.y,
})

/** Zooms by `factor` keeping the world point under `anchor` (screen coordinates) in place. */
export function zoomAt(view: Viewport, factor: number, anchor: Point): Viewport {
  const scale = clampScale(view.scale * (Number.isFinite(factor) && factor > 0 ? factor : 1))
  const world = toWorld(view, anchor)
  return { scale, x: anchor.x - world.x * scale, y: anchor.y - world.y * scale }
}

/** The zoom factor of a wheel event's vertical delta (pixels): smooth, and bounded per event. */
export function wheelFactor(deltaY: number): number {
  const step = Math.max(-100, Math.min(100, Number.isFinite(deltaY) ? deltaY : 0))
  return Math.exp(-step * 0.002)
}

export const panBy = (view: Viewport, dx: number, dy: number): Viewport => ({
  ...view,
  x: view.x + dx,
  y: view.y + dy,
})

/** The smallest rectangle holding all of `rects` (undefined for none). */
export function boundsOf(rects: readonly Rect[]): Rect | undefined {
  if (!rects.length) return undefined
  let left = Number.POSITIVE_INFINITY
  let top = Number.POSITIVE_INFINITY
  let right = Number.NEGATIVE_INFINITY
  let bottom = Number.NEGATIVE_INFINITY
  for (const r of rects) {
    left = Math.min(left, r.x)
    top = Math.min(top, r.y)
    right = Math.max(right, r.x + r.width)
    bottom = Math.max(bottom, r.y + r.height)
  }
  return { x: left, y: top, width: right - left, height: bottom - top }
}

/** The viewport showing all of `rect` centred in `screen`, with `padding` pixels around it. */
export function fitTo(rect: Rect | undefined, screen: Size, padding = 48): Viewport {
  if (!rect || screen.width <= 0 || screen.height <= 0) return { ...IDENTITY }
  const room = {
    width: Math.max(1, screen.width - padding * 2),
    height: Math.max(1, screen.height - padding * 2),
  }
  const scale = clampScale(
    Math.min(
      FIT_MAX_SCALE,
      room.width / Math.max(1, rect.width),
      room.height / Math.max(1, rect.height)
    )
  )
  return {
    scale,
    x: screen.width / 2 - (rect.x + rect.width / 2) * scale,
    y: screen.height / 2 - (rect.y + rect.height / 2) * scale,
  }
}

/** The same viewport moved just enough that `rect` is on screen (it may stay partly hidden when too big). */
export function reveal(view: Viewport, rect: Rect, screen: Size, margin = 24): Viewport {
  const a = toScreen(view, rect)
  const w = rect.width * view.scale
  const h = rect.height * view.scale
  let dx = 0
  let dy = 0
  if (a.x < margin) dx = margin - a.x
  else if (a.x + w > screen.width - margin)
    dx = Math.max(margin - a.x, screen.width - margin - (a.x + w))
  if (a.y < margin) dy = margin - a.y
  else if (a.y + h > screen.height - margin)
    dy = Math.max(margin - a.y, screen.height - margin - (a.y + h))
  return dx || dy ? panBy(view, dx, dy) : view
}

/** Whether two rectangles overlap (touching edges do not). */
export const intersects = (a: Rect, b: Rect): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

/** The rectangle between two corner points, whichever way it was dragged. */
export const rectBetween = (a: Point, b: Point): Rect => ({
  x: Math.min(a.x, b.x),
  y: Math.min(a.y, b.y),
  width: Math.abs(a.x - b.x),
  height: Math.abs(a.y - b.y),
})
