/**
 * @module image/conversation
 * Each generated image's turn, kept in the store (`image-turns/<media id>.json`): the model
 * that made it, the prompt and input images (by media id), the image it edited, and the
 * model's parts with their thought signatures (images by media id). An edit replays the chain
 * of turns that led to the image, so "make it warmer" keeps the context that made it, and the
 * client sends ids, never base64 history.
 */
import * as v from 'valibot'
import type { Part, Turn } from '../../ai/types'
import { saveMedia } from '../../storage/media'
import { MEDIA_ID } from '../../storage/media-id'
import { type BlobStore, PreconditionFailed } from '../../storage/types'
import { loadStoredImage } from './inputs'

/** Earlier turns an edit replays at most (each carries its images inline). */
export const MAX_REPLAYED_TURNS = 3

const MediaId = v.pipe(v.string(), v.regex(MEDIA_ID))
const Signature = v.optional(v.pipe(v.string(), v.maxLength(100_000)))

const StoredPart = v.union([
  v.object({ text: v.string(), thoughtSignature: Signature }),
  v.object({ mediaId: MediaId, thoughtSignature: Signature }),
])
type StoredPart = v.InferOutput<typeof StoredPart>

export const ImageTurn = v.object({
  version: v.literal(1),
  modelId: v.string(),
  /** The image this one was edited from, when its conversation was continued. */
  parentId: v.optional(MediaId),
  prompt: v.string(),
  inputIds: v.array(MediaId),
  modelParts: v.array(StoredPart),
  createdAt: v.string(),
})
export type ImageTurn = v.InferOutput<typeof ImageTurn>

export const turnKey = (mediaId: string) => `image-turns/${mediaId}.json`

export async function readTurn(store: BlobStore, mediaId: string): Promise<ImageTurn | undefined> {
  const bytes = await store.read(turnKey(mediaId))
  if (!bytes) return undefined
  try {
    const parsed = v.safeParse(ImageTurn, JSON.parse(new TextDecoder().decode(bytes)))
    return parsed.success ? parsed.output : undefined
  } catch {
    return undefined
  }
}

/** The model's turn with its images saved as media, as it is kept. */
export async function storedParts(store: BlobStore, modelTurn: Turn): Promise<StoredPart[]> {
  if (!('parts' in modelTurn)) return [{ text: modelTurn.text }]
  const parts: StoredPart[] = []
  for (const part of modelTurn.parts) {
    const signature = part.thoughtSignature ? { thoughtSignature: part.thoughtSignature } : {}
    if ('inlineData' in part) {
      const bytes = new Uint8Array(Buffer.from(part.inlineData.data, 'base64'))
      const ref = await saveMedia(store, bytes, part.inlineData.mimeType)
      parts.push({ mediaId: ref.id, ...signature })
    } else if ('text' in part) {
      parts.push({ text: part.text, ...signature })
    }
  }
  return parts
}

/**
 * Keeps the turn that made `mediaId`. Create-only: the same bytes made twice keep the first
 * turn (either replays correctly).
 */
export async function writeTurn(store: BlobStore, mediaId: string, turn: ImageTurn): Promise<void> {
  try {
    await store.put(turnKey(mediaId), new TextEncoder().encode(JSON.stringify(turn)), {
      contentType: 'application/json',
      ifGenerationMatch: '0',
    })
  } catch (error) {
    if (!(error instanceof PreconditionFailed)) throw error
  }
}

/** The turns that led to `mediaId`, oldest first (at most `MAX_REPLAYED_TURNS`). */
export async function turnChain(store: BlobStore, mediaId: string): Promise<ImageTurn[]> {
  const chain: ImageTurn[] = []
  let id: string | undefined = mediaId
  while (id && chain.length < MAX_REPLAYED_TURNS) {
    const turn = await readTurn(store, id)
    if (!turn) break
    chain.unshift(turn)
    id = turn.parentId
  }
  return chain
}

const inline = async (store: BlobStore, mediaId: string, field: string) => {
  const image = await loadStoredImage(store, mediaId, field)
  return { inlineData: { data: image.data, mimeType: image.mimeType } }
}

/** The chain as API history: each user turn (input images, prompt) and the model's answer. */
export async function historyOf(store: BlobStore, chain: readonly ImageTurn[]): Promise<Turn[]> {
  const history: Turn[] = []
  for (const turn of chain) {
    const user: Part[] = []
    for (const id of turn.inputIds) user.push(await inline(store, id, 'sourceImageId'))
    user.push({ text: turn.prompt })
    const model: Part[] = []
    for (const part of turn.modelParts) {
      const signature = part.thoughtSignature ? { thoughtSignature: part.thoughtSignature } : {}
      if ('mediaId' in part)
        model.push({ ...(await inline(store, part.mediaId, 'sourceImageId')), ...signature })
      else model.push({ text: part.text, ...signature })
    }
    history.push({ role: 'user', parts: user }, { role: 'model', parts: model })
  }
  return history
}
