/**
 * @module ai/gemini/interactions-cancel
 * Cancels a background interaction. An interaction that already ended (the service answers
 * 400 or 409) or that it no longer knows (404) needs no cancelling.
 */
import type { VideoHandle } from '../video-types'
import type { GeminiContext } from './client'
import { statusOf, toVideoError } from './video-errors'

const NOTHING_TO_CANCEL = new Set([400, 404, 409])

export async function cancelInteraction(
  ctx: GeminiContext,
  handle: Extract<VideoHandle, { kind: 'interaction' }>
): Promise<void> {
  const sdk = await ctx.client(handle.model)
  try {
    await sdk.interactions.cancel(
      handle.id,
      {},
      { maxRetries: 0, timeout: ctx.ai.deadlines.interactiveMs }
    )
  } catch (error) {
    if (NOTHING_TO_CANCEL.has(statusOf(error) ?? 0)) return
    throw toVideoError(error)
  }
}
