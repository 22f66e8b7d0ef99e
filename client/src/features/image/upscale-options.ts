/**
 * @module features/image/upscale-options
 * The enlargements this backend can make of an image (`/api/capabilities` `image.upscale`):
 * Imagen's fixed factors on Vertex AI, or on the Developer API the factors a re-render reaches
 * for this image's long side. Asking only for what can be done spares the user a refusal.
 */
import type { Capabilities } from '../../api/client'

export type UpscaleSupport = NonNullable<Capabilities['image']>['upscale']

/** Factors offered at most (the server takes 2 to 8; larger ones are rarely wanted). */
const OFFERED = [2, 3, 4] as const

export function upscaleFactors(support: UpscaleSupport | undefined, longSide?: number): number[] {
  if (!support) return []
  if (support.method === 'imagen') return [...support.factors]
  if (!longSide) return [2]
  return OFFERED.filter((f) => longSide * f <= support.maxLongSide)
}

/** The size an upscale by `factor` gives an image of `width` x `height`. */
export const upscaledSize = (width: number, height: number, factor: number) => ({
  width: Math.round(width * factor),
  height: Math.round(height * factor),
})
