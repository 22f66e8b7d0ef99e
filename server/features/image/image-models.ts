/**
 * @module image/image-models
 * Which model an image request runs on (`banana` -> the `image` role, Nano Banana 2;
 * `banana_pro` -> `imagePro`, Nano Banana Pro; ids from the catalogue), and its aspect ratio and
 * size checked against that model's own set, with a 400 naming the values it takes.
 */
import type { ImageRole, ImageSize } from '../../ai/models'
import type { AiGateway, ResolvedModel } from '../../ai/types'
import { errors } from '../../core/errors'
import type { ModelLevel } from './schemas'

export const LEVEL_ROLES: Readonly<Record<ModelLevel, ImageRole>> = {
  banana: 'image',
  banana_pro: 'imagePro',
}

export interface ImageModelChoice {
  role: ImageRole
  model: ResolvedModel
  aspectRatio?: string
  imageSize?: ImageSize
}

/** The model of a level (or role) with the options checked against what it accepts. */
export function chooseImageModel(
  ai: AiGateway,
  pick: { level?: ModelLevel; role?: ImageRole },
  options: { aspectRatio?: string; imageSize?: ImageSize } = {}
): ImageModelChoice {
  const role = pick.role ?? LEVEL_ROLES[pick.level ?? 'banana']
  const model = ai.model(role)
  const support = model.spec.image ?? { ratios: [], sizes: [] }
  const issues = []
  const { aspectRatio, imageSize } = options
  if (aspectRatio !== undefined && !(support.ratios as readonly string[]).includes(aspectRatio)) {
    issues.push({
      field: 'aspectRatio',
      message: `Must be one of ${support.ratios.join(', ')} for ${model.id}`,
    })
  }
  if (imageSize !== undefined && !support.sizes.includes(imageSize)) {
    issues.push({
      field: 'imageSize',
      message: support.sizes.length
        ? `Must be one of ${support.sizes.join(', ')} for ${model.id}`
        : `${model.id} takes no image size`,
    })
  }
  if (issues.length) throw errors.invalidInput(issues)
  return {
    role,
    model,
    ...(aspectRatio ? { aspectRatio } : {}),
    ...(imageSize ? { imageSize } : {}),
  }
}

/** The model's ratio nearest to `width / height` (compared on a log scale, so 2:1 ~ 1:2). */
export function nearestRatio(ratios: readonly string[], width: number, height: number): string {
  const target = Math.log(width / height)
  const value = (r: string) => {
    const [w = 1, h = 1] = r.split(':').map(Number)
    return Math.abs(Math.log(w / h) - target)
  }
  return [...ratios].sort((a, b) => value(a) - value(b))[0] ?? '1:1'
}
