/**
 * @module seo/strategy/chat-history
 * The chat sidebar's history as conversation turns. Two shapes are accepted: `{ role, text }`
 * and imported chat messages `{ type, payload: { text } }`, where type 0 or "USER" is the user.
 * Entries without text (cards) are skipped.
 */
import * as v from 'valibot'
import type { Turn } from '../../../ai/types'
import { text } from '../../../core/schema'

export const MAX_HISTORY_TURNS = 20
const MAX_TURN_TEXT = 4000

const RoleTurn = v.object({
  role: v.picklist(['user', 'agent', 'assistant', 'model']),
  text: text(MAX_TURN_TEXT),
})

const LegacyMessage = v.object({
  type: v.union([
    v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100)),
    v.pipe(v.string(), v.maxLength(40)),
  ]),
  /** Card messages carry other payloads (reports, lists); only a text is used. */
  payload: v.optional(v.unknown()),
})

export const ChatHistory = v.pipe(
  v.array(v.union([RoleTurn, LegacyMessage])),
  v.maxLength(MAX_HISTORY_TURNS)
)
export type ChatHistory = v.InferOutput<typeof ChatHistory>

export function toTurns(history: ChatHistory): Turn[] {
  const turns: Turn[] = []
  for (const entry of history) {
    if ('role' in entry) {
      turns.push({ role: entry.role === 'user' ? 'user' : 'model', text: entry.text })
      continue
    }
    const said = textOf(entry.payload)
    if (!said) continue
    turns.push({ role: isUserType(entry.type) ? 'user' : 'model', text: said })
  }
  return turns
}

function isUserType(type: number | string): boolean {
  return (
    type === 0 || (typeof type === 'string' && ['USER', '0'].includes(type.trim().toUpperCase()))
  )
}

function textOf(payload: unknown): string {
  if (typeof payload !== 'object' || payload === null || !('text' in payload)) return ''
  const said = payload.text
  return typeof said === 'string' ? said.trim().slice(0, MAX_TURN_TEXT) : ''
}
