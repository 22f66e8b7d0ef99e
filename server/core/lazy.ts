/**
 * @module lazy
 * Feature code is loaded on the first request that needs it, not at server start: cold starts are
 * what Cloud Run users feel first, and most instances serve a few routes only.
 */

/** Runs `load` once, on first call, and shares the result (a failed load is retried next time). */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined
  return () => {
    loaded ??= load().catch((error) => {
      loaded = undefined
      throw error
    })
    return loaded
  }
}
