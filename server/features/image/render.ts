/**
 * @module image/render
 * One image made by an image model and kept: the call (prompt, input images, the earlier turns
 * of an edit, ratio and size), the first image stored with its real type and measured size, and
 * the turn that made it written beside it so that the image can be edited later.
 */
import type { ImageSize } from '../../ai/models'
import type { GeneratedImage, Turn } from '../../ai/types'
import { type MediaRef, saveMedia } from '../../storage/media'
import type { StepContext } from '../context'
import { storedParts, writeTurn } from './conversation'
import type { ImageModelChoice } from './image-models'
import { type LoadedImage, storeInput } from './inputs'

export interface RenderRequest {
  choice: ImageModelChoice
  prompt: string
  images?: readonly LoadedImage[]
  /** Earlier turns of the conversation this render continues. */
  history?: readonly Turn[]
  /** The image whose conversation it continues. */
  parentId?: string
  /** Keep the turn so the result can be edited in context (default true). */
  keepTurn?: boolean
  aspectRatio?: string
  imageSize?: ImageSize
}

export interface Rendered {
  media: MediaRef
  image: GeneratedImage
  /** The model's words besides the image ('' when none). */
  text: string
  modelId: string
}

export async function renderImage(ctx: StepContext, request: RenderRequest): Promise<Rendered> {
  const { choice } = request
  const images = request.images ?? []
  const result = await ctx.ai.image({
    model: choice.role,
    prompt: request.prompt,
    images: images.map((i) => ({ data: i.data, mimeType: i.mimeType })),
    ...(request.history?.length ? { history: request.history } : {}),
    ...((request.aspectRatio ?? choice.aspectRatio)
      ? { aspectRatio: request.aspectRatio ?? choice.aspectRatio }
      : {}),
    ...((request.imageSize ?? choice.imageSize)
      ? { imageSize: request.imageSize ?? choice.imageSize }
      : {}),
    signal: ctx.signal,
  })
  // readImages guarantees at least one image (no image is an error naming the reason).
  const image = result.images[0] as GeneratedImage
  const media = await saveMedia(ctx.store, image.bytes, image.mimeType)
  if (request.keepTurn !== false) {
    const inputs = await Promise.all(images.map((i) => storeInput(ctx.store, i)))
    await writeTurn(ctx.store, media.id, {
      version: 1,
      modelId: choice.model.id,
      ...(request.parentId ? { parentId: request.parentId } : {}),
      prompt: request.prompt,
      inputIds: inputs.map((i) => i.mediaId as string),
      modelParts: await storedParts(ctx.store, result.modelTurn),
      createdAt: new Date().toISOString(),
    })
  }
  return { media, image, text: result.text, modelId: choice.model.id }
}
