/**
 * @module features/launch/thumbnails
 * The gallery's thumbnails from `/api/image/inspiration` (made once per card and cached on the
 * server): asked for only when a card comes into view, at most two at a time, kept for the page's
 * life; a card whose thumbnail cannot be made keeps its drawn placeholder.
 */
import { shallowRef } from 'vue'
import { imageApi } from '../../api/image'

export type ThumbnailState = { url: string } | 'loading' | 'failed'

const MAX_IN_FLIGHT = 2

export function createThumbnails(fetchThumbnail = imageApi.inspiration) {
  const states = shallowRef<Record<string, ThumbnailState>>({})
  const queue: { id: string; prompt: string; ratio: string }[] = []
  let inFlight = 0

  const set = (id: string, state: ThumbnailState) => {
    states.value = { ...states.value, [id]: state }
  }

  function pump(): void {
    while (inFlight < MAX_IN_FLIGHT && queue.length) {
      const next = queue.shift() as (typeof queue)[number]
      inFlight++
      fetchThumbnail(next.prompt, next.ratio)
        .then((answer) => set(next.id, { url: answer.image.url }))
        .catch(() => set(next.id, 'failed'))
        .finally(() => {
          inFlight--
          pump()
        })
    }
  }

  /** Asks for card `id`'s thumbnail once (again after nothing: a failure stays a placeholder). */
  function want(id: string, prompt: string, ratio: string): void {
    if (states.value[id]) return
    set(id, 'loading')
    queue.push({ id, prompt, ratio })
    pump()
  }

  return { states, want }
}
