/**
 * @module features/image/operations
 * The studio's requests in flight, side by side (an upscale may run while an edit does): each
 * with what it is doing, its abort, and when it failed its error and a retry, until dismissed.
 * What is done with the answer (`apply`) belongs to the operation, so a retry does all of it
 * again, not only the request. An operation aborted (the series closed, the user stopped it)
 * leaves no error behind.
 */
import { computed, shallowRef } from 'vue'
import { type ApiError, isAbort, toApiError } from '../../api/errors'

export interface Operation {
  id: number
  /** A message key describing it ("Generating…", "Upscaling…"). */
  label: string
  /** The canvas item it works on, if any. */
  itemId?: string
  error?: ApiError
  retry?: () => void
}

export interface RunOptions<T> {
  /** The canvas item it works on. */
  itemId?: string
  /** What to do with the answer, once the operation is off the list. */
  apply?: (value: T) => unknown
}

export function createOperations() {
  const list = shallowRef<Operation[]>([])
  const controllers = new Map<number, AbortController>()
  let nextId = 1

  const update = (id: number, change: Partial<Operation> | undefined) => {
    list.value = change
      ? list.value.map((op) => (op.id === id ? { ...op, ...change } : op))
      : list.value.filter((op) => op.id !== id)
  }

  /**
   * Runs `task`, then `options.apply` with its answer; resolves with the answer, or undefined
   * when it failed (the error stays listed with a retry that runs both again) or was aborted.
   */
  async function run<T>(
    label: string,
    task: (signal: AbortSignal) => Promise<T>,
    options: RunOptions<T> = {},
    reuse?: number
  ): Promise<T | undefined> {
    const id = reuse ?? nextId++
    const controller = new AbortController()
    controllers.set(id, controller)
    const entry: Operation = { id, label, ...(options.itemId ? { itemId: options.itemId } : {}) }
    list.value = reuse
      ? list.value.map((op) => (op.id === id ? entry : op))
      : [...list.value, entry]
    let value: T
    try {
      value = await task(controller.signal)
    } catch (cause) {
      if (isAbort(cause) || controller.signal.aborted) {
        update(id, undefined)
        return undefined
      }
      update(id, {
        error: toApiError(cause),
        retry: () => void run(label, task, options, id),
      })
      return undefined
    } finally {
      if (controllers.get(id) === controller) controllers.delete(id)
    }
    update(id, undefined)
    if (!controller.signal.aborted) await options.apply?.(value)
    return value
  }

  const dismiss = (id: number) => update(id, undefined)

  /** Stops everything in flight and forgets every error (the series changes). */
  function abortAll(): void {
    for (const controller of controllers.values()) controller.abort()
    controllers.clear()
    list.value = []
  }

  return {
    list: computed(() => list.value),
    running: computed(() => list.value.filter((op) => !op.error)),
    failed: computed(() => list.value.filter((op) => op.error)),
    busyWith: (itemId: string) => list.value.some((op) => op.itemId === itemId && !op.error),
    run,
    dismiss,
    abortAll,
  }
}

export type Operations = ReturnType<typeof createOperations>
