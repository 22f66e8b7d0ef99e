/**
 * @module library/schemas/chat
 * The chat of a saved SEO project: what the user wrote, what the agent answered, and the lines
 * saying what the workspace did for it (moved to a step, ran one again). Bounded: the newest
 * entries are the ones kept. Pure valibot (shared with the browser).
 */
import * as v from 'valibot'
import { requiredText, text } from '../../../core/schema'

export const MAX_CHAT_ENTRIES = 200
export const MAX_CHAT_TEXT = 10_000

export const ChatEntry = v.object({
  id: requiredText(100),
  role: v.picklist(['user', 'agent']),
  text: text(MAX_CHAT_TEXT),
  /** A line about what the workspace did (navigation, a re-run), not something said. */
  action: v.optional(v.boolean()),
})
export type ChatEntry = v.InferOutput<typeof ChatEntry>

export const Chat = v.optional(v.pipe(v.array(ChatEntry), v.maxLength(MAX_CHAT_ENTRIES)), [])
