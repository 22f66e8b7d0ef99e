/**
 * @module ai/models
 * The one catalogue of models: each role the app uses, its current generally-available default,
 * the environment variable that overrides it, and what each model family supports (thinking,
 * Search together with JSON, thought signatures, image ratios and sizes, video options, the
 * Vertex AI location it is served from). Requests are shaped from these rules, never from ids
 * scattered through features. Ids change every few months: update the defaults here.
 */

import { OMNI_VIDEO, VEO_VIDEO, type VideoSupport } from './video-support'

export type {
  VideoMode,
  VideoModeLimits,
  VideoRatio,
  VideoResolution,
  VideoSupport,
} from './video-support'

export type ModelRole =
  | 'fast'
  | 'text'
  | 'writing'
  | 'image'
  | 'imagePro'
  | 'imageLite'
  | 'video'
  | 'veo'
  | 'veoFast'
  | 'upscale'
  | 'segment'

export type TextRole = 'fast' | 'text' | 'writing'
export type ImageRole = 'image' | 'imagePro' | 'imageLite'
export type VideoRole = 'video' | 'veo' | 'veoFast'
export const VIDEO_ROLES: readonly VideoRole[] = ['video', 'veo', 'veoFast']

export type ThinkingLevel = 'minimal' | 'low' | 'medium' | 'high'

export type ModelFamily =
  | 'gemini-3'
  | 'gemini-2.5'
  | 'gemini-3-image'
  | 'gemini-omni'
  | 'veo-3.1'
  | 'imagen-upscale'
  | 'imagen-segment'

/** How the model is called. */
export type ModelApi = 'generateContent' | 'interactions' | 'predict' | 'predictLongRunning'

export const IMAGE_RATIOS = [
  '1:1',
  '2:3',
  '3:2',
  '3:4',
  '4:3',
  '4:5',
  '5:4',
  '9:16',
  '16:9',
  '21:9',
] as const
export type ImageRatio = (typeof IMAGE_RATIOS)[number] | '1:4' | '4:1' | '1:8' | '8:1'
export type ImageSize = '512' | '1K' | '2K' | '4K'

export interface ImageSupport {
  ratios: readonly ImageRatio[]
  sizes: readonly ImageSize[]
}

export interface FamilyRules {
  api: ModelApi
  /** `level`: `thinkingConfig.thinkingLevel`; `budget`: `thinkingBudget`; `none`: no thinking knob. */
  thinking: 'level' | 'budget' | 'none'
  /** Google Search and a JSON response schema in one call. */
  searchWithJson: boolean
  /** Google Search and function declarations in one call. */
  searchWithFunctions: boolean
  functionCalling: boolean
  /** Model turns carry `thoughtSignature`s that must be replayed with function calls. */
  thoughtSignatures: boolean
  /** Google advises the default temperature; a forced one is not sent. */
  honoursTemperature: boolean
  /** Vertex AI: `global` (Gemini) or the regional media location (Imagen, Veo). */
  vertexLocation: 'global' | 'regional'
  /** Whether the Gemini Developer API serves it (Imagen and Veo are Vertex AI only in SDK 3.x). */
  developerApi: boolean
}

/** A media model: no thinking knob, no tools, no signatures to replay. */
const MEDIA: Omit<FamilyRules, 'api' | 'vertexLocation' | 'developerApi'> = {
  thinking: 'none',
  searchWithJson: false,
  searchWithFunctions: false,
  functionCalling: false,
  thoughtSignatures: false,
  honoursTemperature: false,
}
/** Imagen and Veo: Vertex AI only (SDK 3.x), from a regional location. */
const VERTEX_REGIONAL = { vertexLocation: 'regional', developerApi: false } as const

export const FAMILIES: Record<ModelFamily, FamilyRules> = {
  'gemini-3': {
    api: 'generateContent',
    thinking: 'level',
    searchWithJson: true,
    searchWithFunctions: false,
    functionCalling: true,
    thoughtSignatures: true,
    honoursTemperature: false,
    vertexLocation: 'global',
    developerApi: true,
  },
  'gemini-2.5': {
    api: 'generateContent',
    thinking: 'budget',
    searchWithJson: false,
    searchWithFunctions: false,
    functionCalling: true,
    thoughtSignatures: false,
    honoursTemperature: true,
    vertexLocation: 'global',
    developerApi: true,
  },
  // Image edits keep their context across turns only with the signatures replayed.
  'gemini-3-image': {
    ...MEDIA,
    api: 'generateContent',
    thoughtSignatures: true,
    vertexLocation: 'global',
    developerApi: true,
  },
  'gemini-omni': { ...MEDIA, api: 'interactions', vertexLocation: 'global', developerApi: true },
  'veo-3.1': { ...MEDIA, api: 'predictLongRunning', ...VERTEX_REGIONAL },
  'imagen-upscale': { ...MEDIA, api: 'predict', ...VERTEX_REGIONAL },
  'imagen-segment': { ...MEDIA, api: 'predict', ...VERTEX_REGIONAL },
}

export interface ModelSpec {
  family: ModelFamily
  status: 'ga' | 'preview'
  /** Thinking levels the model accepts (level-thinking families). */
  thinkingLevels?: readonly ThinkingLevel[]
  image?: ImageSupport
  video?: VideoSupport
  /** Upscale factors (Imagen upscale). */
  upscaleFactors?: readonly ('x2' | 'x4')[]
}

const FLASH_LEVELS: readonly ThinkingLevel[] = ['minimal', 'low', 'medium', 'high']
const gemini3Flash: ModelSpec = { family: 'gemini-3', status: 'ga', thinkingLevels: FLASH_LEVELS }
/** Models known to be served (December 2026), by id. */
export const KNOWN_MODELS: Readonly<Record<string, ModelSpec>> = {
  'gemini-3.8-flash': gemini3Flash,
  'gemini-3.7-flash': gemini3Flash,
  'gemini-3.6-flash': gemini3Flash,
  'gemini-3.5-flash': gemini3Flash,
  'gemini-3.5-flash-lite': gemini3Flash,
  'gemini-3.1-flash-lite': gemini3Flash,
  'gemini-3.1-pro-preview': {
    family: 'gemini-3',
    status: 'preview',
    thinkingLevels: ['low', 'high'],
  },
  'gemini-2.5-flash-lite': { family: 'gemini-2.5', status: 'ga' },
  'gemini-3.1-flash-image': {
    family: 'gemini-3-image',
    status: 'ga',
    image: {
      ratios: [...IMAGE_RATIOS, '1:4', '4:1', '1:8', '8:1'],
      sizes: ['512', '1K', '2K', '4K'],
    },
  },
  'gemini-3.1-flash-lite-image': {
    family: 'gemini-3-image',
    status: 'ga',
    image: { ratios: IMAGE_RATIOS, sizes: ['1K'] },
  },
  'gemini-3-pro-image': {
    family: 'gemini-3-image',
    status: 'ga',
    image: { ratios: IMAGE_RATIOS, sizes: ['1K', '2K', '4K'] },
  },
  'gemini-omni-1.1-flash': { family: 'gemini-omni', status: 'ga', video: OMNI_VIDEO },
  'gemini-omni-1.2-flash': {
    family: 'gemini-omni',
    status: 'ga',
    video: { ...OMNI_VIDEO, durations: [...OMNI_VIDEO.durations, 11, 12, 13, 14, 15] },
  },
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

/** Ids Google has shut down (calls fail); a default must never be one of them. */
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

export interface RoleSpec {
  /** What the app uses the role for. */
  purpose: string
  defaultId: string
  /** The environment variable that overrides the default (first), and older names it accepts. */
  env: readonly [string, ...string[]]
}

/**
 * Each role's default. A preview id is a default only where no GA model does the job:
 * `upscale` (Imagen 4 upscale is preview-only).
 */
export const ROLES: Readonly<Record<ModelRole, RoleSpec>> = {
  fast: {
    purpose: 'routing, titles, summaries, prompt tools',
    defaultId: 'gemini-3.5-flash-lite',
    env: ['GEMINI_MODEL_FAST'],
  },
  text: {
    purpose: 'analysis, JSON steps, grounded research, function calls',
    defaultId: 'gemini-3.8-flash',
    env: ['GEMINI_MODEL_TEXT'],
  },
  writing: {
    purpose: 'long-form articles and revisions',
    defaultId: 'gemini-3.8-flash',
    env: ['GEMINI_MODEL_WRITING', 'GEMINI_MODEL_PRO'],
  },
  image: {
    purpose: 'image generation and editing (Nano Banana 2)',
    defaultId: 'gemini-3.1-flash-image',
    env: ['GEMINI_MODEL_IMAGE'],
  },
  imagePro: {
    purpose: 'best-quality images up to 4K (Nano Banana Pro)',
    defaultId: 'gemini-3-pro-image',
    env: ['GEMINI_MODEL_IMAGE_PRO'],
  },
  imageLite: {
    purpose: 'thumbnails and drafts (Nano Banana 2 Lite)',
    defaultId: 'gemini-3.1-flash-lite-image',
    env: ['GEMINI_MODEL_IMAGE_LITE'],
  },
  video: {
    purpose: 'video through the Interactions API (Gemini Omni Flash)',
    defaultId: 'gemini-omni-1.1-flash',
    env: ['GEMINI_MODEL_VIDEO'],
  },
  veo: {
    purpose: 'video on Vertex AI (Veo 3.1)',
    defaultId: 'veo-3.1-generate-001',
    env: ['VEO_MODEL'],
  },
  veoFast: {
    purpose: 'faster, cheaper video on Vertex AI (Veo 3.1 Fast)',
    defaultId: 'veo-3.1-fast-generate-001',
    env: ['VEO_FAST_MODEL'],
  },
  upscale: {
    purpose: 'image upscaling on Vertex AI (Imagen 4 upscale)',
    defaultId: 'imagen-4.0-upscale-preview',
    env: ['IMAGEN_UPSCALE_MODEL'],
  },
  segment: {
    purpose: 'background masks on Vertex AI (Imagen segmentation)',
    defaultId: 'image-segmentation-001',
    env: ['IMAGEN_SEGMENT_MODEL'],
  },
}

export const MODEL_ROLES = Object.keys(ROLES) as ModelRole[]

export type ModelIds = Record<ModelRole, string>

/** The family of an id: from the catalogue, else from its name (new models appear). */
export function familyOf(id: string): ModelFamily {
  const known = KNOWN_MODELS[id]?.family
  if (known) return known
  if (/^gemini-omni/.test(id)) return 'gemini-omni'
  if (/^veo-/.test(id)) return 'veo-3.1'
  if (/upscale/.test(id)) return 'imagen-upscale'
  if (/segmentation/.test(id)) return 'imagen-segment'
  if (/^gemini-\d+(\.\d+)?-.*image/.test(id)) return 'gemini-3-image'
  if (/^gemini-([3-9]|\d\d)/.test(id)) return 'gemini-3'
  // Older or unrecognised text models get the conservative rules (Search and JSON apart).
  return 'gemini-2.5'
}

export const rulesOf = (id: string): FamilyRules => FAMILIES[familyOf(id)]

/** What an id supports: the catalogue's entry, else its family's defaults. */
export function specOf(id: string): ModelSpec {
  const known = KNOWN_MODELS[id]
  if (known) return known
  const family = familyOf(id)
  if (family === 'gemini-3') return { family, status: 'ga', thinkingLevels: FLASH_LEVELS }
  if (family === 'gemini-3-image')
    return { family, status: 'ga', image: { ratios: IMAGE_RATIOS, sizes: ['1K'] } }
  if (family === 'gemini-omni') return { family, status: 'ga', video: OMNI_VIDEO }
  if (family === 'veo-3.1') return { family, status: 'ga', video: VEO_VIDEO }
  if (family === 'imagen-upscale') return { family, status: 'ga', upscaleFactors: ['x2', 'x4'] }
  return { family, status: 'ga' }
}

/** Ids from the environment that the catalogue does not list, or that are retired. */
export function catalogueWarnings(ids: ModelIds): string[] {
  const warnings: string[] = []
  for (const role of MODEL_ROLES) {
    const id = ids[role]
    const variable = ROLES[role].env[0]
    if (isRetired(id)) {
      warnings.push(`${variable}=${id} names a model Google has retired; calls will fail.`)
    } else if (!KNOWN_MODELS[id]) {
      warnings.push(
        `${variable}=${id} is not in the catalogue; using the ${familyOf(id)} family rules.`
      )
    }
  }
  return warnings
}
