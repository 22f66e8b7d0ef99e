/**
 * @module ai/models
 * The one catalogue of models: the roles the app uses (`model-roles`), the models Google serves
 * and what each takes (`model-specs`), and the rules of each family (`model-families`). Requests
 * are shaped from these rules, never from ids scattered through features. Ids change every few
 * months: update the defaults and candidates there; at run time the service's own list decides
 * which candidate serves each role (`model-resolution`).
 */
import {
  FAMILIES,
  type FamilyRules,
  IMAGE_RATIOS,
  type ModelFamily,
  THINKING_LEVELS,
} from './model-families'
import { MODEL_ROLES, type ModelIds, ROLES } from './model-roles'
import { isRetired, KNOWN_MODELS, type ModelSpec } from './model-specs'
import { OMNI_VIDEO, VEO_VIDEO } from './video-support'

export * from './model-families'
export * from './model-roles'
export * from './model-specs'
export type {
  VideoMode,
  VideoModeLimits,
  VideoRatio,
  VideoResolution,
  VideoSupport,
} from './video-support'

/** The family of an id: from the catalogue, else from its name (new models appear). */
export function familyOf(id: string): ModelFamily {
  const known = KNOWN_MODELS[id]?.family
  if (known) return known
  if (/^gemini-omni/.test(id)) return 'gemini-omni'
  if (/^veo-/.test(id)) return 'veo-3.1'
  if (/upscale/.test(id)) return 'imagen-upscale'
  if (/segmentation/.test(id)) return 'imagen-segment'
  if (/^gemini-\d+(\.\d+)?-.*image/.test(id) || /^gemini-nano-banana/.test(id))
    return 'gemini-3-image'
  if (/^gemini-([3-9]|\d\d)/.test(id)) return 'gemini-3'
  // Older or unrecognised text models get the conservative rules (Search and JSON apart).
  return 'gemini-2.5'
}

export const rulesOf = (id: string): FamilyRules => FAMILIES[familyOf(id)]

/**
 * What an id supports: the catalogue's entry, else its family's defaults. An unknown Gemini 3
 * model is offered every thinking level; a refusal is corrected once and remembered
 * (`ai/request-correction`).
 */
export function specOf(id: string): ModelSpec {
  const known = KNOWN_MODELS[id]
  if (known) return known
  const family = familyOf(id)
  if (family === 'gemini-3') return { family, status: 'ga', thinkingLevels: THINKING_LEVELS }
  if (family === 'gemini-3-image')
    return { family, status: 'ga', image: { ratios: IMAGE_RATIOS, sizes: ['1K'] } }
  if (family === 'gemini-omni') return { family, status: 'ga', video: OMNI_VIDEO }
  if (family === 'veo-3.1') return { family, status: 'ga', video: VEO_VIDEO }
  if (family === 'imagen-upscale') return { family, status: 'ga', upscaleFactors: ['x2', 'x4'] }
  return { family, status: 'ga' }
}

/** Ids from the environment that the catalogue does not list, or that are retired or deprecated. */
export function catalogueWarnings(ids: ModelIds): string[] {
  const warnings: string[] = []
  for (const role of MODEL_ROLES) {
    const id = ids[role]
    const variable = ROLES[role].env[0]
    const known = KNOWN_MODELS[id]
    if (isRetired(id)) {
      warnings.push(`${variable}=${id} names a model Google has retired; calls will fail.`)
    } else if (known?.status === 'deprecated') {
      warnings.push(
        `${variable}=${id} is deprecated; Google answers it with ${known.replacedBy ?? 'its successor'}.`
      )
    } else if (!known) {
      warnings.push(
        `${variable}=${id} is not in the catalogue; using the ${familyOf(id)} family rules.`
      )
    }
  }
  return warnings
}
