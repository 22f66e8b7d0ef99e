/**
 * @module composables/useThrottled
 * A ref that follows `source` at most once every `ms` (and always ends on its last value), like
 * VueUse `refThrottled`: a long stream renders a few times a second, not once per chunk.
 *
 * @example
 * const shown = useThrottled(() => stream.text.value, 150)
 */
import { getCurrentScope, onScopeDispose, type Ref, ref, watch } from 'vue'

export function useThrottled<T>(source: () => T, ms: number): Readonly<Ref<T>> {
  const value = ref(source()) as Ref<T>
  let timer: ReturnType<typeof setTimeout> | undefined
  let last = 0
  const stop = watch(source, (next) => {
    const wait = last + ms - Date.now()
    clearTimeout(timer)
    if (wait <= 0) {
      last = Date.now()
      value.value = next
      return
    }
    timer = setTimeout(() => {
      last = Date.now()
      value.value = source()
    }, wait)
  })
  if (getCurrentScope()) {
    onScopeDispose(() => {
      stop()
      clearTimeout(timer)
    })
  }
  return value
}
