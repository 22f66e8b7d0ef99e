/**
 * @module ai/gemini/veo-cancel
 * Asks Vertex AI to cancel a Veo operation with the long-running-operations `:cancel` method on
 * the operation's name (the SDK has none). Google's Veo pages do not promise that a started
 * video can be cancelled; an operation that is over or unknown needs nothing.
 */
import type { VideoHandle } from '../video-types'
import type { GeminiContext } from './client'
import { statusOf, toVideoError } from './video-errors'

const NOTHING_TO_CANCEL = new Set([400, 404, 409])

export async function cancelVeo(
  ctx: GeminiContext,
  handle: Extract<VideoHandle, { kind: 'operation' }>
): Promise<void> {
  const sdk = await ctx.client(handle.model)
  try {
    await sdk.post(`${handle.name}:cancel`, {}, ctx.ai.deadlines.interactiveMs)
  } catch (error) {
    if (NOTHING_TO_CANCEL.has(statusOf(error) ?? 0)) return
    throw toVideoError(error)
  }
}
