/**
 * @module image/measure
 * The width and height of an input image read from its header (415 when it has none), for the
 * operations that depend on the source's size and shape.
 */
import { imageSize } from 'image-size'
import { type LoadedImage, unsupportedImage } from './inputs'

export function measure(image: LoadedImage, field: string): { width: number; height: number } {
  try {
    const { width, height } = imageSize(image.bytes)
    if (width > 0 && height > 0) return { width, height }
  } catch {
    // Unreadable header: refused below.
  }
  throw unsupportedImage(field)
}
