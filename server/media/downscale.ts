/**
 * @module media/downscale
 * A small copy of an image for measuring it: each output pixel is the mean of the source
 * pixels it covers (a box filter), so every source pixel counts once and the result depends on
 * nothing but the pixels. Pure and deterministic (integer cells, rounded means). Pixels less
 * opaque than half count as transparent; a cell that is mostly transparent stays transparent.
 */
import type { RgbaImage } from './pixels'

const OPAQUE = 128

export function downscale(image: RgbaImage, maxSide: number): RgbaImage {
  const { width, height, data } = image
  const scale = Math.max(width, height) / maxSide
  if (scale <= 1) return { width, height, data: data.slice() }
  const outW = Math.max(1, Math.round(width / scale))
  const outH = Math.max(1, Math.round(height / scale))
  const out = new Uint8Array(outW * outH * 4)
  for (let oy = 0; oy < outH; oy++) {
    const y0 = Math.floor((oy * height) / outH)
    const y1 = Math.max(y0 + 1, Math.floor(((oy + 1) * height) / outH))
    for (let ox = 0; ox < outW; ox++) {
      const x0 = Math.floor((ox * width) / outW)
      const x1 = Math.max(x0 + 1, Math.floor(((ox + 1) * width) / outW))
      let r = 0
      let g = 0
      let b = 0
      let opaque = 0
      for (let y = y0; y < y1; y++) {
        for (let x = x0; x < x1; x++) {
          const i = (y * width + x) * 4
          if ((data[i + 3] ?? 0) < OPAQUE) continue
          r += data[i] ?? 0
          g += data[i + 1] ?? 0
          b += data[i + 2] ?? 0
          opaque++
        }
      }
      const o = (oy * outW + ox) * 4
      if (opaque * 2 < (y1 - y0) * (x1 - x0)) continue
      out[o] = Math.round(r / opaque)
      out[o + 1] = Math.round(g / opaque)
      out[o + 2] = Math.round(b / opaque)
      out[o + 3] = 255
    }
  }
  return { width: outW, height: outH, data: out }
}
