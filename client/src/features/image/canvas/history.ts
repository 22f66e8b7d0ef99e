/**
 * @module features/image/canvas/history
 * Undo and redo of canvas actions as an immutable history of snapshots: each action records the
 * state before it; undo steps back and keeps the undone state for redo; a new action after an
 * undo drops what could have been redone. Bounded, so a long session keeps little memory.
 */

export interface History<T> {
  readonly past: readonly T[]
  readonly future: readonly T[]
}

export const MAX_HISTORY = 100

export const emptyHistory = <T>(): History<T> => ({ past: [], future: [] })

/** After an action: `before` is what undo brings back; the redo list is cleared. */
export function record<T>(history: History<T>, before: T, limit = MAX_HISTORY): History<T> {
  const past = [...history.past, before]
  return { past: past.slice(Math.max(0, past.length - limit)), future: [] }
}

/** One step back from `current`, or undefined when there is nothing to undo. */
export function undo<T>(
  history: History<T>,
  current: T
): { history: History<T>; state: T } | undefined {
  const state = history.past.at(-1)
  if (state === undefined) return undefined
  return {
    state,
    history: { past: history.past.slice(0, -1), future: [current, ...history.future] },
  }
}

/** One step forward again, or undefined when nothing was undone. */
export function redo<T>(
  history: History<T>,
  current: T
): { history: History<T>; state: T } | undefined {
  const state = history.future[0]
  if (state === undefined) return undefined
  return {
    state,
    history: { past: [...history.past, current], future: history.future.slice(1) },
  }
}

export const canUndo = (history: History<unknown>) => history.past.length > 0
export const canRedo = (history: History<unknown>) => history.future.length > 0
