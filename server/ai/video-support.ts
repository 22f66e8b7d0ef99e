/**
 * @module ai/video-support
 * What a video model takes, as the model catalogue (`ai/models`) records it per model: modes,
 * ratios, durations, resolutions, sound, negative prompts, reference images, the tighter limits
 * of single modes, defaults, and how long a job usually takes. Jobs are validated against the
 * entry of the model they resolve to, never against a list of their own.
 */

export type VideoResolution = '360p' | '720p' | '1080p' | '4k'
export type VideoRatio = '16:9' | '9:16'
/**
 * text: prompt only; image: first frame; firstLast: first and last frame; reference: up to
 * `maxReferenceImages` guide images; extend: continue a finished video; edit: change a finished
 * video by instruction.
 */
export type VideoMode = 'text' | 'image' | 'firstLast' | 'reference' | 'extend' | 'edit'

/** Tighter limits that hold in one mode only. */
export interface VideoModeLimits {
  durations?: readonly number[]
  ratios?: readonly VideoRatio[]
  resolutions?: readonly VideoResolution[]
}

export interface VideoSupport {
  ratios: readonly VideoRatio[]
  /** Clip lengths in whole seconds. */
  durations: readonly number[]
  resolutions: readonly VideoResolution[]
  modes: readonly VideoMode[]
  /** `optional`: sound can be switched off (Veo `generateAudio`); `always`: native, no switch. */
  audio: 'optional' | 'always'
  /** What to avoid is taken: Veo's `negativePrompt`, folded into Omni's prompt as "Do not …". */
  negativePrompt: boolean
  maxReferenceImages: number
  /** Limits of single modes (Veo: reference images 8 s at 16:9 only, extension at 720p). */
  modeLimits: Partial<Record<VideoMode, VideoModeLimits>>
  defaults: { duration: number; resolution: VideoResolution }
  /** How long a job usually takes, for an estimated progress when the service gives none. */
  typicalSeconds: number
}

export const OMNI_VIDEO: VideoSupport = {
  ratios: ['16:9', '9:16'],
  durations: [3, 4, 5, 6, 7, 8, 9, 10],
  resolutions: ['360p', '720p', '1080p', '4k'],
  modes: ['text', 'image', 'firstLast', 'reference', 'extend', 'edit'],
  audio: 'always',
  negativePrompt: true,
  maxReferenceImages: 3,
  modeLimits: {},
  defaults: { duration: 8, resolution: '720p' },
  typicalSeconds: 90,
}
// Vertex AI's Veo 3.1 page: 4/6/8 s, 720p or 1080p; reference images only for 8 s clips and
// not in 9:16; an extension is made at 720p; no editing by instruction.
export const VEO_VIDEO: VideoSupport = {
  ratios: ['16:9', '9:16'],
  durations: [4, 6, 8],
  resolutions: ['720p', '1080p'],
  modes: ['text', 'image', 'firstLast', 'reference', 'extend'],
  audio: 'optional',
  negativePrompt: true,
  maxReferenceImages: 3,
  modeLimits: {
    reference: { durations: [8], ratios: ['16:9'] },
    extend: { resolutions: ['720p'] },
  },
  defaults: { duration: 8, resolution: '720p' },
  typicalSeconds: 120,
}
