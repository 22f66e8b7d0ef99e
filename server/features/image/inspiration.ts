/**
 * @module image/inspiration
 * `POST /api/image/inspiration`: launch-page thumbnails from the cheapest image model, cached
 * in the store by a hash of prompt + model + ratio, so one card costs one generation across
 * instances and restarts. The instance that first claims a card (a create-only write) makes it;
 * the others wait for its result. A claim whose holder failed is released; one whose holder
 * died expires.
 */
import * as v from 'valibot'
import { cancelled } from '../../ai/errors'
import { errors } from '../../core/errors'
import { requiredText } from '../../core/schema'
import { type BlobStore, PreconditionFailed } from '../../storage/types'
import type { StepContext } from '../context'
import { chooseImageModel } from './image-models'
import { renderImage } from './render'
import { InspirationResponse } from './responses'
import { AspectRatio } from './schemas'

export { InspirationResponse }

export const InspirationRequest = v.object({
  prompt: requiredText(1_000),
  aspectRatio: v.optional(AspectRatio, '1:1'),
})
export type InspirationRequest = v.InferOutput<typeof InspirationRequest>

/** How long a claim holds before others may take over (its holder may have died). */
export const CLAIM_TTL_MS = 120_000
/** How long a request waits for another instance's result. */
export const WAIT_MS = 90_000
const POLL_MS = 150

const Cached = v.object({
  media: v.object({
    id: v.string(),
    url: v.string(),
    mimeType: v.string(),
    size: v.number(),
    width: v.optional(v.number()),
    height: v.optional(v.number()),
  }),
  model: v.string(),
})
const Claim = v.object({ expiresAt: v.number() })

export const inspirationKey = (prompt: string, modelId: string, ratio: string) => {
  const hash = new Bun.CryptoHasher('sha256')
    .update(JSON.stringify([prompt, modelId, ratio]))
    .digest('hex')
  return { result: `image-inspiration/${hash}.json`, claim: `image-inspiration/${hash}.claim` }
}

const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value))
const parse = <S extends v.GenericSchema>(schema: S, bytes: Uint8Array | undefined) => {
  if (!bytes) return undefined
  try {
    const result = v.safeParse(schema, JSON.parse(new TextDecoder().decode(bytes)))
    return result.success ? (result.output as v.InferOutput<S>) : undefined
  } catch {
    return undefined
  }
}

/** Writes `key` only if it does not exist; false when someone else did first. */
async function createOnly(store: BlobStore, key: string, value: unknown): Promise<string | false> {
  try {
    return (
      await store.put(key, json(value), { contentType: 'application/json', ifGenerationMatch: '0' })
    ).generation
  } catch (error) {
    if (error instanceof PreconditionFailed) return false
    throw error
  }
}

async function release(store: BlobStore, key: string, generation: string) {
  await store.delete(key, { ifGenerationMatch: generation }).catch(() => false)
}

export async function inspirationImage(
  ctx: StepContext,
  input: InspirationRequest
): Promise<InspirationResponse> {
  const choice = chooseImageModel(ctx.ai, { role: 'imageLite' }, { aspectRatio: input.aspectRatio })
  const keys = inspirationKey(input.prompt, choice.model.id, input.aspectRatio)
  const giveUpAt = Date.now() + WAIT_MS
  for (;;) {
    const cached = parse(Cached, await ctx.store.read(keys.result))
    if (cached) return { image: cached.media, model: cached.model, cached: true }
    const claimed = await createOnly(ctx.store, keys.claim, {
      expiresAt: Date.now() + CLAIM_TTL_MS,
    })
    if (claimed) {
      try {
        const rendered = await renderImage(ctx, { choice, prompt: input.prompt, keepTurn: false })
        await createOnly(ctx.store, keys.result, { media: rendered.media, model: rendered.modelId })
        return { image: rendered.media, model: rendered.modelId, cached: false }
      } finally {
        await release(ctx.store, keys.claim, claimed)
      }
    }
    const claim = await ctx.store.readWithMeta(keys.claim)
    const expiresAt = parse(Claim, claim?.bytes)?.expiresAt ?? 0
    if (claim && expiresAt < Date.now()) {
      await release(ctx.store, keys.claim, claim.meta.generation)
      continue
    }
    if (Date.now() > giveUpAt)
      throw errors.timeout('Another instance making this inspiration image')
    if (ctx.signal?.aborted) throw cancelled()
    await Bun.sleep(POLL_MS)
  }
}
