/**
 * @module campaigns/fit
 * Brings a re-composed image to its format's exact export size without cropping: it is scaled
 * to fit inside the size (so nothing the model composed is cut), and the strip left over on two
 * sides is filled by mirroring the image's own edge. For formats the image model serves the
 * strip is a rounding pixel or two; for 1.91:1, asked as 16:9 (the nearest ratio the Gemini
 * image models take), it is about 4% of the width on each side.
 */
import { resize } from '../../media/encode'
import type { RgbaImage } from '../../media/pixels'

/** Mirrors index `i` into `[0, n)` (…2 1 0 | 0 1 2 … n-1 | n-1 n-2 …). */
const mirror = (i: number, n: number) => {
  if (n <= 1) return 0
  const period = 2 * n
  const m = ((i % period) + period) % period
  return m < n ? m : period - 1 - m
}

/** `image` scaled to fit inside `width` x `height`, the rest filled by mirroring its edges. */
export async function fitExtend(
  image: RgbaImage,
  width: number,
  height: number
): Promise<RgbaImage> {
  const scale = Math.min(width / image.width, height / image.height)
  const w = Math.min(width, Math.max(1, Math.round(image.width * scale)))
  const h = Math.min(height, Math.max(1, Math.round(image.height * scale)))
  const scaled = await resize(image, w, h)
  if (w === width && h === height) return scaled
  const left = Math.floor((width - w) / 2)
  const top = Math.floor((height - h) / 2)
  const data = new Uint8Array(width * height * 4)
  for (let y = 0; y < height; y++) {
    const sy = mirror(y - top, h)
    for (let x = 0; x < width; x++) {
      const sx = mirror(x - left, w)
      const from = (sy * w + sx) * 4
      const to = (y * width + x) * 4
      data[to] = scaled.data[from] as number
      data[to + 1] = scaled.data[from + 1] as number
      data[to + 2] = scaled.data[from + 2] as number
      data[to + 3] = scaled.data[from + 3] as number
    }
  }
  return { width, height, data }
}
