/**
 * @module image/upscale
 * `POST /api/image/upscale`: really enlarges the given image, keeping its content. On Vertex AI
 * the Imagen upscaler (x2, x4); on the Developer API, which does not serve it, Nano Banana Pro
 * re-renders the source image at the smallest of its sizes (2K, 4K) that reaches the factor,
 * with the source's own aspect ratio and an instruction to change nothing: never a new image
 * from a prompt. A factor the backend cannot reach is a 400 naming those it can.
 */
import * as v from 'valibot'
import type { ImageSize } from '../../ai/models'
import { errors } from '../../core/errors'
import { saveMedia } from '../../storage/media'
import type { StepContext } from '../context'
import { chooseImageModel, nearestRatio } from './image-models'
import { type LoadedImage, loadInputImage } from './inputs'
import { measure } from './measure'
import { renderImage } from './render'
import { UpscaleResponse } from './responses'
import { ImageInput } from './schemas'
import { SIZE_LONG_SIDE } from './upscale-sizes'

export { SIZE_LONG_SIDE, UpscaleResponse }

export const UpscaleRequest = v.object({
  image: ImageInput,
  /** How many times wider and taller. */
  factor: v.optional(v.pipe(v.number(), v.integer(), v.minValue(2), v.maxValue(8)), 2),
})
export type UpscaleRequest = v.InferOutput<typeof UpscaleRequest>

export type UpscaleMethod = 'imagen' | 'rerender'

export const RERENDER_PROMPT =
  'Re-render this exact image at a higher resolution. Change nothing: keep the same composition, framing, subjects, faces, text, colours and lighting, pixel for pixel in layout. Only add the fine detail and sharpness a higher resolution reveals. Do not crop, extend, restyle, remove or add anything.'

const factorIssue = (message: string) => errors.invalidInput([{ field: 'factor', message }])

export async function upscaleImage(
  ctx: StepContext,
  input: UpscaleRequest
): Promise<UpscaleResponse> {
  const source = await loadInputImage(ctx.store, input.image, 'image')
  const size = measure(source, 'image')
  const result =
    ctx.ai.backend === 'vertex'
      ? await withImagen(ctx, source, input.factor)
      : await withRerender(ctx, source, size, input.factor)
  return {
    ...result,
    factor: input.factor,
    source: size,
    scale: Math.round(((result.image.width ?? 0) / size.width) * 100) / 100,
  }
}

async function withImagen(ctx: StepContext, source: LoadedImage, factor: number) {
  const model = ctx.ai.model('upscale')
  const factors = model.spec.upscaleFactors ?? []
  const wanted = factors.find((f) => f === `x${factor}`)
  if (!wanted) {
    throw factorIssue(
      `Must be one of ${factors.map((f) => f.slice(1)).join(', ')} on Vertex AI (${model.id})`
    )
  }
  const image = await ctx.ai.upscale({
    image: { data: source.data, mimeType: source.mimeType },
    factor: wanted,
    signal: ctx.signal,
  })
  const media = await saveMedia(ctx.store, image.bytes, image.mimeType)
  return { image: media, method: 'imagen' as const, model: model.id }
}

/** The smallest size that enlarges the image by `factor`, or the 400 naming what can. */
export function rerenderSize(
  sizes: readonly ImageSize[],
  longSide: number,
  factor: number
): ImageSize {
  const enlarging = sizes
    .filter((s) => SIZE_LONG_SIDE[s] > longSide)
    .sort((a, b) => SIZE_LONG_SIDE[a] - SIZE_LONG_SIDE[b])
  const size = enlarging.find((s) => SIZE_LONG_SIDE[s] >= longSide * factor)
  if (size) return size
  const largest = Math.max(...sizes.map((s) => SIZE_LONG_SIDE[s]))
  const reachable = [2, 3, 4, 5, 6, 7, 8].filter((f) => longSide * f <= largest)
  throw factorIssue(
    reachable.length
      ? `Must be one of ${reachable.join(', ')} for this image on the Developer API (re-rendered up to ${largest} px)`
      : `This image is too large to enlarge on the Developer API (re-rendered up to ${largest} px); use Vertex AI`
  )
}

async function withRerender(
  ctx: StepContext,
  source: LoadedImage,
  size: { width: number; height: number },
  factor: number
) {
  const spec = ctx.ai.model('imagePro').spec.image ?? { ratios: [], sizes: [] }
  const imageSize = rerenderSize(spec.sizes, Math.max(size.width, size.height), factor)
  const choice = chooseImageModel(
    ctx.ai,
    { role: 'imagePro' },
    { aspectRatio: nearestRatio(spec.ratios, size.width, size.height), imageSize }
  )
  const rendered = await renderImage(ctx, {
    choice,
    prompt: RERENDER_PROMPT,
    images: [source],
    keepTurn: false,
  })
  return { image: rendered.media, method: 'rerender' as const, model: rendered.modelId }
}
