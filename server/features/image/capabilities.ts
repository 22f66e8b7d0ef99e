/**
 * @module image/capabilities
 * Which image operations this deployment runs, and how, for `GET /api/capabilities`: the
 * models behind `banana` and `banana_pro` with the ratios and sizes each takes, and the method
 * upscale and background removal use on the configured backend (Imagen on Vertex AI, the image
 * model plus local pixel work on the Developer API). Pure: from the ids in use, no call.
 */
import { type ImageSize, type ModelIds, specOf } from '../../ai/models'
import type { AiBackend } from '../../config'
import { LEVEL_ROLES } from './image-models'
import type { ModelLevel } from './schemas'
import { SIZE_LONG_SIDE } from './upscale-sizes'

export interface ImageModelInfo {
  id: string
  ratios: readonly string[]
  sizes: readonly string[]
}

export interface ImageCapabilities {
  models: Record<ModelLevel, ImageModelInfo>
  upscale:
    | { method: 'imagen'; model: string; factors: number[] }
    | { method: 'rerender'; model: string; sizes: ImageSize[]; maxLongSide: number }
  removeBackground: { method: 'segmentation' | 'chroma-key'; model: string }
  inspiration: { model: string }
}

function modelInfo(id: string): ImageModelInfo {
  const image = specOf(id).image
  return { id, ratios: image?.ratios ?? [], sizes: image?.sizes ?? [] }
}

/** Null when no AI backend is configured (every image operation answers 503). */
export function imageCapabilities(backend: AiBackend, ids: ModelIds): ImageCapabilities | null {
  if (backend === 'none') return null
  const vertex = backend === 'vertex'
  const proSizes = (specOf(ids.imagePro).image?.sizes ?? []).filter(
    (s) => SIZE_LONG_SIDE[s] >= 2048
  )
  return {
    models: {
      banana: modelInfo(ids[LEVEL_ROLES.banana]),
      banana_pro: modelInfo(ids[LEVEL_ROLES.banana_pro]),
    },
    upscale: vertex
      ? {
          method: 'imagen',
          model: ids.upscale,
          factors: (specOf(ids.upscale).upscaleFactors ?? []).map((f) => Number(f.slice(1))),
        }
      : {
          method: 'rerender',
          model: ids.imagePro,
          sizes: proSizes,
          maxLongSide: Math.max(0, ...proSizes.map((s) => SIZE_LONG_SIDE[s])),
        },
    removeBackground: vertex
      ? { method: 'segmentation', model: ids.segment }
      : { method: 'chroma-key', model: ids.image },
    inspiration: { model: ids.imageLite },
  }
}
