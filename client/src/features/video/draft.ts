/**
 * @module features/video/draft
 * The composer's text and choices kept in sessionStorage, so a reload (or a trip to another
 * studio and back) keeps the description being written; images stay out (they can be large,
 * and a captured frame is a click away). A stored draft is checked field by field before use.
 */
import type { Selection } from './options'

export interface VideoDraft {
  prompt: string
  negativePrompt: string
  role?: string
  chosen: Partial<Selection>
}

const KEY = 'ais.video.draft'

const text = (value: unknown, max: number) => (typeof value === 'string' ? value.slice(0, max) : '')

/** A stored draft as a draft, whatever was stored (nothing usable: an empty one). */
export function asDraft(stored: unknown): VideoDraft {
  const d = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<string, unknown>
  const c = (typeof d.chosen === 'object' && d.chosen !== null ? d.chosen : {}) as Record<
    string,
    unknown
  >
  const chosen: Partial<Selection> = {}
  if (c.aspectRatio === '16:9' || c.aspectRatio === '9:16') chosen.aspectRatio = c.aspectRatio
  if (typeof c.durationSeconds === 'number' && Number.isInteger(c.durationSeconds)) {
    chosen.durationSeconds = c.durationSeconds
  }
  if (
    c.resolution === '360p' ||
    c.resolution === '720p' ||
    c.resolution === '1080p' ||
    c.resolution === '4k'
  ) {
    chosen.resolution = c.resolution
  }
  if (typeof c.audio === 'boolean') chosen.audio = c.audio
  return {
    prompt: text(d.prompt, 4000),
    negativePrompt: text(d.negativePrompt, 1000),
    ...(typeof d.role === 'string' && d.role ? { role: d.role } : {}),
    chosen,
  }
}

function storage(): Pick<Storage, 'getItem' | 'setItem'> | undefined {
  try {
    return globalThis.sessionStorage
  } catch {
    return undefined
  }
}

export function loadDraft(): VideoDraft {
  try {
    return asDraft(JSON.parse(storage()?.getItem(KEY) ?? 'null'))
  } catch {
    return asDraft(undefined)
  }
}

export function saveDraft(draft: VideoDraft): void {
  try {
    storage()?.setItem(KEY, JSON.stringify(draft))
  } catch {
    // Storage full or disabled: the draft lives for this page only.
  }
}
