/**
 * @module ai/model-families
 * What each model family takes, as Google's pages describe it: how it is called, its thinking
 * knob, whether Google Search goes with JSON or with function declarations in one call, thought
 * signatures, and where Vertex AI serves it. Requests are shaped from these rules.
 */

export type ThinkingLevel = 'minimal' | 'low' | 'medium' | 'high'
export const THINKING_LEVELS: readonly ThinkingLevel[] = ['minimal', 'low', 'medium', 'high']

/** The level closest to the wish that the model takes; ties (and a wish below them all) go up. */
export function nearestLevel(
  wish: ThinkingLevel,
  takes: readonly ThinkingLevel[]
): ThinkingLevel | undefined {
  if (takes.includes(wish)) return wish
  const at = THINKING_LEVELS.indexOf(wish)
  const distance = (l: ThinkingLevel) => Math.abs(THINKING_LEVELS.indexOf(l) - at)
  return [...takes].sort(
    (a, b) => distance(a) - distance(b) || THINKING_LEVELS.indexOf(b) - THINKING_LEVELS.indexOf(a)
  )[0]
}

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

/**
 * A family's request rules. No family is sent `temperature`, `topP` or `topK`: Google deprecated
 * them on the Gemini API (changelog 2026-07-21) and advises the default on Gemini 3.
 */
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
  // Omni: no system instruction, no temperature, no negative prompt (ai.google.dev/…/omni).
  'gemini-omni': { ...MEDIA, api: 'interactions', vertexLocation: 'global', developerApi: true },
  'veo-3.1': { ...MEDIA, api: 'predictLongRunning', ...VERTEX_REGIONAL },
  'imagen-upscale': { ...MEDIA, api: 'predict', ...VERTEX_REGIONAL },
  'imagen-segment': { ...MEDIA, api: 'predict', ...VERTEX_REGIONAL },
}
