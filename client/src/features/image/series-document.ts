/**
 * @module features/image/series-document
 * What an image series is on each side: the saved document (`image-series`: a title and the
 * canvas items) and what only this device keeps beside it (the chat with the creative director,
 * the prompt and design-plan cards, the candidates waiting in the staging strip). Pure, so the
 * mapping is unit-tested.
 */
import type { DocumentOf } from '../../../../server/features/library/schemas'
import type { DesignPlan, MediaRef, PromptOption } from '../../api/image'
import type { GroundingSource } from '../../components/grounding/grounding'
import type { CanvasItem } from './canvas/items'

export type SeriesDocument = DocumentOf<'image-series'>

/** What an operation did, shown with its result. */
export type ResultDetail =
  | {
      op: 'generate'
      model: string
      /** The edit continued the source image's conversation on the server. */
      continued: boolean
      brandApplied: string[]
      /** Why a requested kit part was not used (`code` older chats lack: then `reason` shows). */
      brandSkipped: { aspect: string; reason: string; code?: string }[]
    }
  | {
      op: 'upscale'
      method: string
      model: string
      factor: number
      from: { width: number; height: number }
      to: { width: number; height: number }
    }
  | { op: 'cutout'; method: string; model: string }

export interface ChatMessage {
  id: string
  role: 'user' | 'assistant'
  text: string
  /** Images the message shows (media ids): what the user pointed at, or what was made. */
  imageIds: string[]
  /** The creative director's reason, an answer, a result, or a failure note. */
  kind?: 'reasoning' | 'answer' | 'result'
  detail?: ResultDetail
  options?: { prompt: string; items: PromptOption[]; chosen?: number }
  plans?: {
    topic: string
    items: DesignPlan[]
    /** Each plan's reference image once it arrived (null: it failed). */
    references: (MediaRef | null | undefined)[]
    sources: GroundingSource[]
    searchEntryPoints: string[]
    chosen?: number
  }
}

/** A new image waiting in the staging strip to be kept (placed on the canvas) or discarded. */
export interface Candidate {
  id: string
  media: MediaRef
  prompt: string
  /** The canvas item it is an alternative to (placed beside it when kept). */
  sourceItemId?: string
  createdAt: string
}

export interface SeriesExtras {
  chat: ChatMessage[]
  staged: Candidate[]
}

export const emptyExtras = (): SeriesExtras => ({ chat: [], staged: [] })

/** The device extras of a loaded value, when it has their shape. */
export function asExtras(value: unknown): SeriesExtras {
  const v = value as Partial<SeriesExtras> | undefined
  return {
    chat: Array.isArray(v?.chat) ? v.chat : [],
    staged: Array.isArray(v?.staged) ? v.staged : [],
  }
}

/** A new series id (the library's id rule: lowercase letters, digits and dashes). */
export const newSeriesId = (now = Date.now()): string =>
  `series-${now.toString(36)}-${Math.random().toString(36).slice(2, 8)}`

export const mediaUrl = (mediaId: string) => `/media/${mediaId}`

const MAX_TITLE = 200

/** The title to save: the one given, else the first prompt's start, else `fallback`. */
export function seriesTitle(title: string, items: readonly CanvasItem[], fallback: string): string {
  const given = title.trim()
  if (given) return given.slice(0, MAX_TITLE)
  const prompt = items.find((i) => i.prompt?.trim())?.prompt?.trim() ?? ''
  if (!prompt) return fallback
  return prompt.length > 60 ? `${prompt.slice(0, 57).trimEnd()}…` : prompt
}

export const toDocument = (
  title: string,
  items: readonly CanvasItem[],
  fallback: string
): SeriesDocument => ({ title: seriesTitle(title, items, fallback), items: [...items] })
