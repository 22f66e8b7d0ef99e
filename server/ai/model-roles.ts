/**
 * @module ai/model-roles
 * Each role the app uses a model for: its default, the variable that overrides it, and the
 * ordered candidates that stand in when the service stops serving the role's id (newest stable
 * first, previews last; deprecated models never). Which candidate runs is decided at run time
 * from the service's own model list (`ai/model-resolution`).
 */

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

export interface RoleSpec {
  /** What the app uses the role for. */
  purpose: string
  defaultId: string
  /** The environment variable that overrides the default (first), and older names it accepts. */
  env: readonly [string, ...string[]]
  /** Who may stand in, best first (the default among them). */
  candidates: readonly string[]
}

const TEXT_CANDIDATES = ['gemini-3.8-flash', 'gemini-3.6-flash', 'gemini-3.1-pro-preview']

/**
 * Each role's default. A preview id is a default only where no GA model does the job:
 * `upscale` (Imagen 4 upscale is preview-only).
 */
export const ROLES: Readonly<Record<ModelRole, RoleSpec>> = {
  fast: {
    purpose: 'routing, titles, summaries, prompt tools',
    defaultId: 'gemini-3.5-flash-lite',
    env: ['GEMINI_MODEL_FAST'],
    candidates: ['gemini-3.5-flash-lite', 'gemini-3.1-flash-lite', 'gemini-2.5-flash-lite'],
  },
  text: {
    purpose: 'analysis, JSON steps, grounded research, function calls',
    defaultId: 'gemini-3.8-flash',
    env: ['GEMINI_MODEL_TEXT'],
    candidates: TEXT_CANDIDATES,
  },
  writing: {
    purpose: 'long-form articles and revisions',
    defaultId: 'gemini-3.8-flash',
    env: ['GEMINI_MODEL_WRITING', 'GEMINI_MODEL_PRO'],
    candidates: TEXT_CANDIDATES,
  },
  image: {
    purpose: 'image generation and editing (Nano Banana 2)',
    defaultId: 'gemini-3.1-flash-image',
    env: ['GEMINI_MODEL_IMAGE'],
    // Its disputed successor only if the service lists it, then Nano Banana Pro.
    candidates: ['gemini-3.1-flash-image', 'gemini-nano-banana-2.1', 'gemini-3-pro-image'],
  },
  imagePro: {
    purpose: 'best-quality images up to 4K (Nano Banana Pro)',
    defaultId: 'gemini-3-pro-image',
    env: ['GEMINI_MODEL_IMAGE_PRO'],
    candidates: ['gemini-3-pro-image', 'gemini-3.1-flash-image'],
  },
  imageLite: {
    purpose: 'thumbnails and drafts (Nano Banana 2 Lite)',
    defaultId: 'gemini-3.1-flash-lite-image',
    env: ['GEMINI_MODEL_IMAGE_LITE'],
    candidates: ['gemini-3.1-flash-lite-image', 'gemini-3.1-flash-image'],
  },
  video: {
    purpose: 'video through the Interactions API (Gemini Omni Flash)',
    defaultId: 'gemini-omni-1.1-flash',
    env: ['GEMINI_MODEL_VIDEO'],
    candidates: ['gemini-omni-1.2-flash', 'gemini-omni-1.1-flash'],
  },
  // Paid video roles stay within their tier: Veo 3.1 Fast never becomes the dearer Veo 3.1.
  veo: {
    purpose: 'video on Vertex AI (Veo 3.1)',
    defaultId: 'veo-3.1-generate-001',
    env: ['VEO_MODEL'],
    candidates: ['veo-3.1-generate-001'],
  },
  veoFast: {
    purpose: 'faster, cheaper video on Vertex AI (Veo 3.1 Fast)',
    defaultId: 'veo-3.1-fast-generate-001',
    env: ['VEO_FAST_MODEL'],
    candidates: ['veo-3.1-fast-generate-001'],
  },
  upscale: {
    purpose: 'image upscaling on Vertex AI (Imagen 4 upscale)',
    defaultId: 'imagen-4.0-upscale-preview',
    env: ['IMAGEN_UPSCALE_MODEL'],
    candidates: ['imagen-4.0-upscale-preview'],
  },
  segment: {
    purpose: 'background masks on Vertex AI (Imagen segmentation)',
    defaultId: 'image-segmentation-001',
    env: ['IMAGEN_SEGMENT_MODEL'],
    candidates: ['image-segmentation-001'],
  },
}

export const MODEL_ROLES = Object.keys(ROLES) as ModelRole[]

export type ModelIds = Record<ModelRole, string>
