/**
 * @module media/alpha
 * A mask image (white = keep, black = drop, grey = partly) applied as the alpha channel of an
 * image: how a segmentation mask becomes a transparent cut-out. Pure apart from resizing a mask
 * of another size.
 */
import { resize } from './encode'
import type { RgbaImage } from './pixels'

/** The mask's value at each pixel: its brightest channel, scaled by its own alpha. */
const maskValue = (data: Uint8Array, i: number) =>
  (Math.max(data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0) * (data[i + 3] ?? 255)) / 255

/**
 * A copy of `image` whose alpha is the mask (never more opaque than the image already was).
 * A mask of another size is scaled to the image first.
 */
export async function applyMask(image: RgbaImage, mask: RgbaImage): Promise<RgbaImage> {
  const fitted = await resize(mask, image.width, image.height)
  const data = new Uint8Array(image.data)
  for (let i = 0; i < data.length; i += 4) {
    data[i + 3] = Math.round(Math.min(data[i + 3] ?? 255, maskValue(fitted.data, i)))
  }
  return { width: image.width, height: image.height, data }
}
