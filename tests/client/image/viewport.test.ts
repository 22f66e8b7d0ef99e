/**
 * The canvas viewport's maths: the scale stays inside its bounds whatever it is asked (never
 * zero, negative or NaN), zooming keeps the point under the pointer in place, conversions are
 * inverse, fitting shows everything centred without blowing small images up.
 */
import { describe, expect, test } from 'bun:test'
import {
  boundsOf,
  clampScale,
  FIT_MAX_SCALE,
  fitTo,
  IDENTITY,
  intersects,
  MAX_SCALE,
  MIN_SCALE,
  panBy,
  rectBetween,
  reveal,
  toScreen,
  toWorld,
  wheelFactor,
  zoomAt,
} from '../../../client/src/features/image/canvas/viewport'

describe('scale bounds', () => {
  test('zero, negative and -Infinity become the smallest scale', () => {
    for (const s of [0, -1, -0.0001, Number.NEGATIVE_INFINITY])
      expect(clampScale(s)).toBe(MIN_SCALE)
  })

  test('NaN becomes 1 and +Infinity the largest scale', () => {
    expect(clampScale(Number.NaN)).toBe(1)
    expect(clampScale(Number.POSITIVE_INFINITY)).toBe(MAX_SCALE)
  })

  test('zooming out or in any number of times stays inside the bounds', () => {
    let view = { ...IDENTITY }
    for (let i = 0; i < 200; i++) view = zoomAt(view, 0.5, { x: 10, y: 10 })
    expect(view.scale).toBe(MIN_SCALE)
    for (let i = 0; i < 200; i++) view = zoomAt(view, 3, { x: 10, y: 10 })
    expect(view.scale).toBe(MAX_SCALE)
  })

  test('a factor that is not a positive number leaves the scale as it is', () => {
    const view = { x: 5, y: 5, scale: 2 }
    for (const f of [0, -2, Number.NaN]) expect(zoomAt(view, f, { x: 0, y: 0 }).scale).toBe(2)
  })

  test('a wheel delta gives a positive factor, bounded per event', () => {
    expect(wheelFactor(100)).toBeLessThan(1)
    expect(wheelFactor(-100)).toBeGreaterThan(1)
    expect(wheelFactor(1e9)).toBe(wheelFactor(100))
    expect(wheelFactor(Number.NaN)).toBe(1)
  })
})

describe('coordinates', () => {
  test('screen and world conversions are inverse', () => {
    const view = { x: 120, y: -40, scale: 1.7 }
    const p = { x: 33, y: 250 }
    const back = toWorld(view, toScreen(view, p))
    expect(back.x).toBeCloseTo(p.x)
    expect(back.y).toBeCloseTo(p.y)
  })

  test('zooming keeps the world point under the anchor where it was', () => {
    const view = { x: 30, y: 60, scale: 0.8 }
    const anchor = { x: 400, y: 300 }
    const before = toWorld(view, anchor)
    const after = toWorld(zoomAt(view, 2.5, anchor), anchor)
    expect(after.x).toBeCloseTo(before.x)
    expect(after.y).toBeCloseTo(before.y)
  })

  test('panning moves the offset only', () => {
    expect(panBy({ x: 1, y: 2, scale: 3 }, 10, -5)).toEqual({ x: 11, y: -3, scale: 3 })
  })
})

describe('fitting and revealing', () => {
  const screen = { width: 800, height: 600 }

  test('everything fits centred inside the padding', () => {
    const rects = [
      { x: 0, y: 0, width: 320, height: 320 },
      { x: 360, y: 0, width: 320, height: 180 },
      { x: 0, y: 344, width: 320, height: 320 },
    ]
    const all = boundsOf(rects)!
    const view = fitTo(all, screen, 40)
    const a = toScreen(view, all)
    const b = toScreen(view, { x: all.x + all.width, y: all.y + all.height })
    expect(a.x).toBeGreaterThanOrEqual(39.99)
    expect(a.y).toBeGreaterThanOrEqual(39.99)
    expect(b.x).toBeLessThanOrEqual(760.01)
    expect(b.y).toBeLessThanOrEqual(560.01)
    expect((a.x + b.x) / 2).toBeCloseTo(400)
    expect((a.y + b.y) / 2).toBeCloseTo(300)
  })

  test('one small image is not enlarged past the fitting limit', () => {
    expect(fitTo({ x: 0, y: 0, width: 50, height: 50 }, screen).scale).toBe(FIT_MAX_SCALE)
  })

  test('an empty canvas or a screen without size gives the identity view', () => {
    expect(fitTo(undefined, screen)).toEqual(IDENTITY)
    expect(fitTo({ x: 0, y: 0, width: 10, height: 10 }, { width: 0, height: 0 })).toEqual(IDENTITY)
  })

  test('a huge area is fitted at the smallest scale, never below it', () => {
    expect(fitTo({ x: 0, y: 0, width: 1e7, height: 1e7 }, screen).scale).toBe(MIN_SCALE)
  })

  test('revealing an off-screen rectangle pans just enough; a visible one stays put', () => {
    const view = { ...IDENTITY }
    expect(reveal(view, { x: 100, y: 100, width: 50, height: 50 }, screen)).toBe(view)
    const moved = reveal(view, { x: 900, y: 700, width: 50, height: 50 }, screen, 24)
    const corner = toScreen(moved, { x: 950, y: 750 })
    expect(corner.x).toBeCloseTo(776)
    expect(corner.y).toBeCloseTo(576)
  })
})

describe('rectangles', () => {
  test('the bounds of several rectangles hold them all', () => {
    expect(
      boundsOf([
        { x: -10, y: 5, width: 20, height: 5 },
        { x: 30, y: -20, width: 5, height: 5 },
      ])
    ).toEqual({ x: -10, y: -20, width: 45, height: 30 })
    expect(boundsOf([])).toBeUndefined()
  })

  test('a marquee dragged either way is the same rectangle', () => {
    expect(rectBetween({ x: 10, y: 50 }, { x: 0, y: 20 })).toEqual({
      x: 0,
      y: 20,
      width: 10,
      height: 30,
    })
  })

  test('overlapping rectangles intersect; touching edges do not', () => {
    const a = { x: 0, y: 0, width: 10, height: 10 }
    expect(intersects(a, { x: 5, y: 5, width: 10, height: 10 })).toBe(true)
    expect(intersects(a, { x: 10, y: 0, width: 10, height: 10 })).toBe(false)
  })
})
