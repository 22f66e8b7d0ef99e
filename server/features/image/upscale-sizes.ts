/**
 * @module image/upscale-sizes
 * The long side, in pixels, of each image size a model renders: what a re-render can reach.
 */
import type { ImageSize } from '../../ai/models'

export const SIZE_LONG_SIDE: Readonly<Record<ImageSize, number>> = {
  '512': 512,
  '1K': 1024,
  '2K': 2048,
  '4K': 4096,
}
