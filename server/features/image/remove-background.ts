/**
 * @module image/remove-background
 * `POST /api/image/remove-background`: a PNG with a real alpha channel. On Vertex AI the Imagen
 * segmenter's foreground mask (soft edges) becomes the alpha. On the Developer API the image
 * model puts the subject on a flat key colour chosen far from the subject's own colours, and the
 * key is made transparent here (colour distance with a soft edge, un-mixing and despill).
 */
import * as v from 'valibot'
import { AppError, errors } from '../../core/errors'
import { applyMask } from '../../media/alpha'
import { chooseKeyColor, keyOut } from '../../media/chroma-key'
import { encodePng, resize } from '../../media/encode'
import { decodeImage, MAX_DECODED_PIXELS, type RgbaImage } from '../../media/pixels'
import { saveMedia } from '../../storage/media'
import type { StepContext } from '../context'
import { chooseImageModel, nearestRatio } from './image-models'
import { type LoadedImage, loadInputImage, unsupportedImage } from './inputs'
import { measure } from './measure'
import { RemoveBackgroundResponse } from './responses'
import { ImageInput } from './schemas'

export { RemoveBackgroundResponse }

export const RemoveBackgroundRequest = v.object({ image: ImageInput })
export type RemoveBackgroundRequest = v.InferOutput<typeof RemoveBackgroundRequest>

export type RemovalMethod = 'segmentation' | 'chroma-key'

export const keyPrompt = (hex: string) =>
  `Keep the main subject of this image exactly as it is (shape, colours, details, position and size) and replace everything else with a perfectly flat, uniform background of the colour ${hex}. No shadows, gradients, reflections or texture on the background, and no ${hex} anywhere on the subject.`

/** A render whose shape differs from the source's by less than this is scaled back to it. */
const SAME_SHAPE = 0.03

const decodeSource = (image: LoadedImage) =>
  decodeImage(image.bytes, image.mimeType).catch(() => {
    // A readable header with too many pixels is a size problem, not a type problem.
    throw measurePixels(image) > MAX_DECODED_PIXELS
      ? new AppError(
          413,
          'image_too_large',
          `The image has more than ${MAX_DECODED_PIXELS} pixels.`,
          {
            details: { field: 'image', maxPixels: MAX_DECODED_PIXELS },
          }
        )
      : unsupportedImage('image')
  })

const measurePixels = (image: LoadedImage) => {
  const { width, height } = measure(image, 'image')
  return width * height
}

const decodeAnswer = (bytes: Uint8Array, mimeType: string) =>
  decodeImage(bytes, mimeType).catch((cause) => {
    throw errors.upstream(
      'upstream_invalid',
      'The AI service sent an image we could not read.',
      cause
    )
  })

export async function removeBackground(
  ctx: StepContext,
  input: RemoveBackgroundRequest
): Promise<RemoveBackgroundResponse> {
  const source = await loadInputImage(ctx.store, input.image, 'image')
  const pixels = await decodeSource(source)
  const result =
    ctx.ai.backend === 'vertex'
      ? await withMask(ctx, source, pixels)
      : await withKey(ctx, source, pixels)
  const media = await saveMedia(ctx.store, await encodePng(result.cutout), 'image/png')
  return {
    image: media,
    method: result.method,
    model: result.model,
    ...(result.keyColor ? { keyColor: result.keyColor } : {}),
  }
}

interface Cutout {
  cutout: RgbaImage
  method: RemovalMethod
  model: string
  keyColor?: string
}

async function withMask(ctx: StepContext, source: LoadedImage, pixels: RgbaImage): Promise<Cutout> {
  const { masks } = await ctx.ai.segment({
    image: { data: source.data, mimeType: source.mimeType },
    mode: 'foreground',
    soft: true,
    signal: ctx.signal,
  })
  const mask = masks[0] as (typeof masks)[number]
  const cutout = await applyMask(pixels, await decodeAnswer(mask.bytes, mask.mimeType))
  return { cutout, method: 'segmentation', model: ctx.ai.model('segment').id }
}

async function withKey(ctx: StepContext, source: LoadedImage, pixels: RgbaImage): Promise<Cutout> {
  const key = chooseKeyColor(pixels)
  const choice = chooseImageModel(
    ctx.ai,
    { role: 'image' },
    {
      aspectRatio: nearestRatio(
        ctx.ai.model('image').spec.image?.ratios ?? ['1:1'],
        pixels.width,
        pixels.height
      ),
    }
  )
  const result = await ctx.ai.image({
    model: choice.role,
    prompt: keyPrompt(key.hex),
    images: [{ data: source.data, mimeType: source.mimeType }],
    ...(choice.aspectRatio ? { aspectRatio: choice.aspectRatio } : {}),
    signal: ctx.signal,
  })
  const answer = result.images[0] as (typeof result.images)[number]
  let rendered = await decodeAnswer(answer.bytes, answer.mimeType)
  const shape = (i: RgbaImage) => i.width / i.height
  if (Math.abs(shape(rendered) / shape(pixels) - 1) < SAME_SHAPE) {
    rendered = await resize(rendered, pixels.width, pixels.height)
  }
  const cutout = keyOut(rendered, { key: key.key, margin: key.margin })
  return { cutout, method: 'chroma-key', model: choice.model.id, keyColor: key.hex }
}
