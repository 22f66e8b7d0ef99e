/**
 * @module features/image/model-choice
 * The model, ratio and size a request is made with, offered from what the server says each
 * model takes (`/api/capabilities` `image.models`), never from a list kept here: switching the
 * model drops a ratio or size the new one does not take.
 */
import type { Capabilities } from '../../api/client'
import type { GenerateBody, ModelLevel } from '../../api/image'

export type ImageModels = NonNullable<Capabilities['image']>['models']

export interface ModelChoice {
  model: ModelLevel
  /** Undefined: the model's own choice (for an edit, the source's shape). */
  aspectRatio?: string
  imageSize?: NonNullable<GenerateBody['imageSize']>
}

export const LEVELS: readonly ModelLevel[] = ['banana', 'banana_pro']

export const ratiosOf = (models: ImageModels | undefined, level: ModelLevel): readonly string[] =>
  models?.[level]?.ratios ?? []

export const sizesOf = (models: ImageModels | undefined, level: ModelLevel): readonly string[] =>
  models?.[level]?.sizes ?? []

/** The choice with whatever the chosen model does not take removed. */
export function keepSupported(choice: ModelChoice, models: ImageModels | undefined): ModelChoice {
  const ratios = ratiosOf(models, choice.model)
  const sizes = sizesOf(models, choice.model)
  return {
    model: choice.model,
    ...(choice.aspectRatio && ratios.includes(choice.aspectRatio)
      ? { aspectRatio: choice.aspectRatio }
      : {}),
    ...(choice.imageSize && sizes.includes(choice.imageSize)
      ? { imageSize: choice.imageSize }
      : {}),
  }
}

/** A size is worth offering only when the model has more than one. */
export const offersSizes = (models: ImageModels | undefined, level: ModelLevel) =>
  sizesOf(models, level).length > 1
