/**
 * @module ai/model-specs
 * The models Google serves (December 2026, `shared/reference/models.md`) with what each takes:
 * status, thinking levels, image ratios and sizes, video options; and the ids Google has shut
 * down. A model not listed here gets its family's rules from its name (`ai/models` `specOf`).
 */
import {
  IMAGE_RATIOS,
  type ImageSupport,
  type ModelFamily,
  THINKING_LEVELS,
  type ThinkingLevel,
} from './model-families'
import { OMNI_VIDEO, VEO_VIDEO, type VideoSupport } from './video-support'

export interface ModelSpec {
  family: ModelFamily
  /** `deprecated`: still answered (Google routes it to `replacedBy`), never a default or candidate. */
  status: 'ga' | 'preview' | 'deprecated'
  /** Where Google sends a deprecated model's requests. */
  replacedBy?: string
  /** Thinking levels the model accepts; any other is a 400 (Google's thinking-level table). */
  thinkingLevels?: readonly ThinkingLevel[]
  image?: ImageSupport
  video?: VideoSupport
  /** Upscale factors (Imagen upscale). */
  upscaleFactors?: readonly ('x2' | 'x4')[]
}

/** Gemini 3.7 and 3.8 Flash refuse `minimal`; Pro models take these three too. */
const NO_MINIMAL: readonly ThinkingLevel[] = ['low', 'medium', 'high']
/** Flash Image models take only these two. */
const IMAGE_LEVELS: readonly ThinkingLevel[] = ['minimal', 'high']

const flash = (extra: Partial<ModelSpec> = {}): ModelSpec => ({
  family: 'gemini-3',
  status: 'ga',
  thinkingLevels: NO_MINIMAL,
  ...extra,
})
const flashLite: ModelSpec = { family: 'gemini-3', status: 'ga', thinkingLevels: THINKING_LEVELS }
const WIDE_RATIOS = [...IMAGE_RATIOS, '1:4', '4:1', '1:8', '8:1'] as const

/** Models known to be served, by id. */
export const KNOWN_MODELS: Readonly<Record<string, ModelSpec>> = {
  'gemini-3.8-flash': flash(),
  'gemini-3.7-flash': flash({ status: 'deprecated', replacedBy: 'gemini-3.8-flash' }),
  // Google's table names the levels of 3.7/3.8 Flash only; 3.6 and 3.5 Flash are given the
  // Flash rule, so `minimal` (which only Flash-Lite is known to take) is never sent to them.
  'gemini-3.6-flash': flash(),
  'gemini-3.5-flash': flash({ status: 'deprecated', replacedBy: 'gemini-3.6-flash' }),
  'gemini-3.5-flash-lite': flashLite,
  'gemini-3.1-flash-lite': flashLite,
  'gemini-3.1-pro-preview': { family: 'gemini-3', status: 'preview', thinkingLevels: NO_MINIMAL },
  'gemini-2.5-flash-lite': { family: 'gemini-2.5', status: 'ga' },
  'gemini-3.1-flash-image': {
    family: 'gemini-3-image',
    status: 'ga',
    thinkingLevels: IMAGE_LEVELS,
    image: { ratios: WIDE_RATIOS, sizes: ['512', '1K', '2K', '4K'] },
  },
  // Named by two third-party sources as the successor of gemini-3.1-flash-image (no 512 size);
  // not on Google's pages as stored here. Only ever used when the service's own list serves it.
  'gemini-nano-banana-2.1': {
    family: 'gemini-3-image',
    status: 'ga',
    thinkingLevels: IMAGE_LEVELS,
    image: { ratios: WIDE_RATIOS, sizes: ['1K', '2K', '4K'] },
  },
  'gemini-3.1-flash-lite-image': {
    family: 'gemini-3-image',
    status: 'ga',
    thinkingLevels: IMAGE_LEVELS,
    image: { ratios: IMAGE_RATIOS, sizes: ['1K'] },
  },
  'gemini-3-pro-image': {
    family: 'gemini-3-image',
    status: 'ga',
    image: { ratios: IMAGE_RATIOS, sizes: ['1K', '2K', '4K'] },
  },
  'gemini-omni-1.1-flash': { family: 'gemini-omni', status: 'ga', video: OMNI_VIDEO },
  // Third parties report 3-15 s clips and 6 reference images for 1.2; Google's pages do not
  // confirm it, so 1.2 is offered within 1.1's limits until they do.
  'gemini-omni-1.2-flash': { family: 'gemini-omni', status: 'ga', video: OMNI_VIDEO },
  'veo-3.1-generate-001': { family: 'veo-3.1', status: 'ga', video: VEO_VIDEO },
  'veo-3.1-fast-generate-001': {
    family: 'veo-3.1',
    status: 'ga',
    video: { ...VEO_VIDEO, typicalSeconds: 60 },
  },
  'imagen-4.0-upscale-preview': {
    family: 'imagen-upscale',
    status: 'preview',
    upscaleFactors: ['x2', 'x4'],
  },
  'image-segmentation-001': { family: 'imagen-segment', status: 'ga' },
}

/** Ids Google has shut down (calls fail); a default or candidate must never be one of them. */
export const RETIRED_MODELS: readonly (string | RegExp)[] = [
  'gemini-2.5-flash',
  'gemini-2.5-pro',
  'gemini-2.5-flash-image',
  'gemini-3-pro-image-preview',
  'gemini-3.1-flash-image-preview',
  'gemini-3-pro-preview',
  'gemini-3.1-flash-lite-preview',
  /^gemini-2\.0-flash/,
  'veo-3.1-generate-preview',
  'veo-3.1-fast-generate-preview',
  'veo-3.1-lite-generate-preview',
  /^veo-3\.0-/,
  /^veo-2\.0-/,
  /^imagen-4\.0-(fast-|ultra-)?generate/,
  'gemini-omni-flash-preview',
]

export const isRetired = (id: string) =>
  RETIRED_MODELS.some((r) => (typeof r === 'string' ? r === id : r.test(id)))
