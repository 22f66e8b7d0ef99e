/**
 * @module api/spend-signal
 * Spend can change after any studio request (or a look at a video job, which may settle it):
 * the API layer says so here, and the spend meter reads the usage again, shortly after.
 */
const listeners = new Set<() => void>()

/** Paths whose answers never change spend. */
const QUIET = /^\/api\/(usage|library|capabilities)(\/|$)/

/** Called with every API answer's URL (an empty or foreign URL is ignored). */
export function noteApiAnswer(url: string): void {
  let path: string
  try {
    path = new URL(url, 'http://x').pathname
  } catch {
    return
  }
  if (!path.startsWith('/api/') || QUIET.test(path)) return
  for (const listener of listeners) listener()
}

export function onSpendChange(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
