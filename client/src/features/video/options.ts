/**
 * @module features/video/options
 * What the composer may offer, from the models `GET /api/capabilities` lists (never a list of
 * its own): the mode the given inputs make (prompt only, a first frame, first + last frame,
 * reference images, a finished video to extend or edit), which models offer that mode for that
 * source, and the ratios, durations, resolutions, sound and negative prompt the chosen model
 * takes in it. A choice the model does not take is moved to one it does. Pure, so unit-tested.
 */
import type { Capabilities } from '../../api/client'
import type { VideoJob, VideoMode } from '../../api/video'

export type ModelInfo = NonNullable<Capabilities['video']>['models'][number]
export type VideoRatio = ModelInfo['ratios'][number]
export type VideoResolution = ModelInfo['resolutions'][number]
export type VideoRole = ModelInfo['role']

/** What the composer holds that decides the mode. */
export interface ModeInputs {
  firstFrame: boolean
  lastFrame: boolean
  referenceImages: number
  /** The finished job to continue from or change. */
  source?: Pick<VideoJob, 'id' | 'api' | 'params'>
  /** With a source: change it by instruction instead of continuing it. */
  edit?: boolean
}

export function resolveMode(inputs: ModeInputs): VideoMode {
  if (inputs.source) return inputs.edit ? 'edit' : 'extend'
  if (inputs.referenceImages > 0) return 'reference'
  if (inputs.firstFrame && inputs.lastFrame) return 'firstLast'
  if (inputs.firstFrame) return 'image'
  return 'text'
}

/** Why a model cannot make this job, or undefined when it can. */
export type Unavailable = 'mode' | 'sourceFamily' | 'sourceResolution' | 'tooManyReferences'

export function whyUnavailable(
  model: ModelInfo,
  mode: VideoMode,
  inputs: Pick<ModeInputs, 'source' | 'referenceImages'>
): Unavailable | undefined {
  if (!model.modes.includes(mode)) return 'mode'
  if (inputs.referenceImages > model.maxReferenceImages) return 'tooManyReferences'
  const source = inputs.source
  if (source && (mode === 'extend' || mode === 'edit')) {
    if (source.api !== model.api) return 'sourceFamily'
    const resolutions = model.modeLimits[mode]?.resolutions
    if (resolutions && !resolutions.includes(source.params.resolution)) return 'sourceResolution'
  }
  return undefined
}

/** The models that can make this job, in the order the server lists them. */
export const modelsFor = (
  models: readonly ModelInfo[],
  mode: VideoMode,
  inputs: Pick<ModeInputs, 'source' | 'referenceImages'>
) => models.filter((m) => !whyUnavailable(m, mode, inputs))

export interface ModeOptions {
  ratios: readonly VideoRatio[]
  durations: readonly number[]
  resolutions: readonly VideoResolution[]
  /** The source's ratio for extend and edit: no choice. */
  fixedRatio?: VideoRatio
  /** An edit keeps the source's length: no choice. */
  fixedDuration?: number
  /** Sound can be switched off. */
  audioSwitch: boolean
  negativePrompt: boolean
  maxReferenceImages: number
}

export function optionsFor(
  model: ModelInfo,
  mode: VideoMode,
  source?: Pick<VideoJob, 'params'>
): ModeOptions {
  const limits = model.modeLimits[mode] ?? {}
  const continues = source && (mode === 'extend' || mode === 'edit')
  return {
    ratios: limits.ratios ?? model.ratios,
    durations: limits.durations ?? model.durations,
    resolutions: limits.resolutions ?? model.resolutions,
    ...(continues ? { fixedRatio: source.params.aspectRatio } : {}),
    ...(source && mode === 'edit' ? { fixedDuration: source.params.durationSeconds } : {}),
    audioSwitch: model.audio === 'optional',
    negativePrompt: model.negativePrompt,
    maxReferenceImages: model.maxReferenceImages,
  }
}

export interface Selection {
  aspectRatio: VideoRatio
  durationSeconds: number
  resolution: VideoResolution
  audio: boolean
}

/** The selection moved onto values the model takes here (the model's defaults where it can). */
export function settle(selection: Selection, model: ModelInfo, options: ModeOptions): Selection {
  const pick = <T>(value: T, allowed: readonly T[], preferred: T, fallback: T | undefined) =>
    allowed.includes(value) ? value : allowed.includes(preferred) ? preferred : (fallback ?? value)
  return {
    aspectRatio:
      options.fixedRatio ??
      pick(selection.aspectRatio, options.ratios, selection.aspectRatio, options.ratios[0]),
    durationSeconds:
      options.fixedDuration ??
      pick(
        selection.durationSeconds,
        options.durations,
        model.defaults.duration,
        options.durations.at(-1)
      ),
    resolution: pick(
      selection.resolution,
      options.resolutions,
      model.defaults.resolution,
      options.resolutions[0]
    ),
    audio: options.audioSwitch ? selection.audio : true,
  }
}

/** The selection a model starts with. */
export const defaultSelection = (model: ModelInfo): Selection => ({
  aspectRatio: model.ratios[0] ?? '16:9',
  durationSeconds: model.defaults.duration,
  resolution: model.defaults.resolution,
  audio: true,
})
