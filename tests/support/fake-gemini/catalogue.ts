/**
 * The fake Gemini's own knowledge of Google's models (December 2026, from
 * shared/reference/models.md), kept apart from the server's catalogue on purpose: the fake stands
 * for the real service, so a wrong default in the server fails here as it would against Google.
 */

export type FakeFamily =
  | 'gemini-3'
  | 'gemini-2.5'
  | 'image'
  | 'omni'
  | 'veo'
  | 'imagen-upscale'
  | 'imagen-segment'

export interface FakeModel {
  family: FakeFamily
  /**
   * Thinking levels accepted, lower case, in the order Google's refusal lists them ("Allowed
   * values are: medium, low, high."). Google's thinking-level table (models.md): 3.7 and 3.8
   * Flash refuse `minimal`; Flash-Lite takes all four; Flash Image only `minimal` and `high`; Pro
   * `low`, `medium`, `high`. 3.6 and 3.5 Flash are not in the table: taken as the Flash rule.
   */
  levels?: readonly string[]
  /** Launch stage as Vertex AI's publisher-model list gives it (GA unless said). */
  stage?: 'GA' | 'PUBLIC_PREVIEW'
  /** Image output: aspect ratios and sizes accepted. */
  ratios?: readonly string[]
  sizes?: readonly string[]
}

const BASE_RATIOS = ['1:1', '2:3', '3:2', '3:4', '4:3', '4:5', '5:4', '9:16', '16:9', '21:9']
const FLASH: FakeModel = { family: 'gemini-3', levels: ['medium', 'low', 'high'] }
const FLASH_LITE: FakeModel = { family: 'gemini-3', levels: ['minimal', 'low', 'medium', 'high'] }
const IMAGE_LEVELS = ['minimal', 'high']

export const LIVE_MODELS: Readonly<Record<string, FakeModel>> = {
  'gemini-3.8-flash': FLASH,
  'gemini-3.7-flash': FLASH,
  'gemini-3.6-flash': FLASH,
  'gemini-3.5-flash': FLASH,
  'gemini-3.5-flash-lite': FLASH_LITE,
  'gemini-3.1-flash-lite': FLASH_LITE,
  'gemini-3.1-pro-preview': {
    family: 'gemini-3',
    levels: ['medium', 'low', 'high'],
    stage: 'PUBLIC_PREVIEW',
  },
  'gemini-2.5-flash-lite': { family: 'gemini-2.5' },
  'gemini-3.1-flash-image': {
    family: 'image',
    levels: IMAGE_LEVELS,
    ratios: [...BASE_RATIOS, '1:4', '4:1', '1:8', '8:1'],
    sizes: ['512', '1K', '2K', '4K'],
  },
  'gemini-3.1-flash-lite-image': {
    family: 'image',
    levels: IMAGE_LEVELS,
    ratios: BASE_RATIOS,
    sizes: ['1K'],
  },
  'gemini-3-pro-image': { family: 'image', ratios: BASE_RATIOS, sizes: ['1K', '2K', '4K'] },
  'gemini-omni-1.1-flash': { family: 'omni' },
  'gemini-omni-1.2-flash': { family: 'omni' },
  'veo-3.1-generate-001': { family: 'veo' },
  'veo-3.1-fast-generate-001': { family: 'veo' },
  'imagen-4.0-upscale-preview': { family: 'imagen-upscale', stage: 'PUBLIC_PREVIEW' },
  'image-segmentation-001': { family: 'imagen-segment' },
}

/** Shut down on the Gemini API (and Vertex AI previews): calls are 404. */
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

/** Families served by `generateContent`; the others answer 404 there. */
export const GENERATE_CONTENT_FAMILIES: readonly FakeFamily[] = ['gemini-3', 'gemini-2.5', 'image']

/** Families Vertex AI serves only from `global` (Gemini 3) or only from regions (Imagen, Veo). */
export const GLOBAL_ONLY: readonly FakeFamily[] = ['gemini-3', 'image', 'omni']
export const REGIONAL_ONLY: readonly FakeFamily[] = ['veo', 'imagen-upscale', 'imagen-segment']

/** Families the Developer API does not serve at all (Vertex AI only). */
export const VERTEX_ONLY: readonly FakeFamily[] = ['veo', 'imagen-upscale', 'imagen-segment']
