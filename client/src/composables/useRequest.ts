/**
 * @module composables/useRequest
 * One request's life, shaped like VueUse `useAsyncState`: `{ state, isLoading, error, execute }`,
 * plus `abort` and `retry`. A new `execute` aborts the one in flight, and an answer that arrives
 * after a newer call started (or after `abort`) is dropped, so a slow old answer never overwrites
 * a newer one. Aborts are not errors. Inside a component or effect scope the call in flight is
 * aborted when the scope ends.
 *
 * @example
 * const diagnosis = useRequest((signal, url: string) => api.diagnose({ url }, signal))
 * await diagnosis.execute('https://example.com')
 */
import { getCurrentScope, onScopeDispose, readonly, ref, type ShallowRef, shallowRef } from 'vue'
import { type ApiError, isAbort, toApiError } from '../api/errors'

export interface UseRequestOptions<T> {
  /** The value of `state` before the first answer. */
  initial?: T
  /** Called with each answer that is not stale. */
  onSuccess?: (value: T) => void
  onError?: (error: ApiError) => void
}

export function useRequest<A extends unknown[], T>(
  task: (signal: AbortSignal, ...args: A) => Promise<T>,
  options: UseRequestOptions<T> = {}
) {
  const state: ShallowRef<T | undefined> = shallowRef(options.initial)
  const isLoading = ref(false)
  const error = shallowRef<ApiError>()
  let controller: AbortController | undefined
  let generation = 0
  let lastArgs: A | undefined

  /** Runs the task; resolves with its answer, or undefined when it failed, was aborted or went stale. */
  async function execute(...args: A): Promise<T | undefined> {
    controller?.abort()
    const mine = ++generation
    const own = new AbortController()
    controller = own
    lastArgs = args
    isLoading.value = true
    error.value = undefined
    try {
      const value = await task(own.signal, ...args)
      if (mine !== generation) return undefined
      state.value = value
      options.onSuccess?.(value)
      return value
    } catch (cause) {
      if (mine !== generation || isAbort(cause) || own.signal.aborted) return undefined
      error.value = toApiError(cause)
      options.onError?.(error.value)
      return undefined
    } finally {
      if (mine === generation) {
        isLoading.value = false
        controller = undefined
      }
    }
  }

  /** Stops the call in flight; its answer, if one still comes, is dropped. */
  function abort(): void {
    if (!controller) return
    generation++
    controller.abort()
    controller = undefined
    isLoading.value = false
  }

  /** Runs the last call again with the same arguments. */
  const retry = (): Promise<T | undefined> =>
    lastArgs ? execute(...lastArgs) : Promise.resolve(undefined)

  const reset = (): void => {
    abort()
    state.value = options.initial
    error.value = undefined
  }

  if (getCurrentScope()) onScopeDispose(abort)

  return { state, isLoading: readonly(isLoading), error, execute, abort, retry, reset }
}

export type RequestHandle<A extends unknown[], T> = ReturnType<typeof useRequest<A, T>>
