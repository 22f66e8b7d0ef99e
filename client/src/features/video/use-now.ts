/**
 * @module features/video/use-now
 * The current time as a ref that ticks every second while some component uses it, so every
 * running job's elapsed time moves together and nothing ticks on a page without one.
 */
import { onScopeDispose, readonly, ref } from 'vue'

const now = ref(Date.now())
let users = 0
let timer: ReturnType<typeof setInterval> | undefined

export function useNow() {
  users++
  if (!timer) {
    now.value = Date.now()
    timer = setInterval(() => {
      now.value = Date.now()
    }, 1000)
  }
  onScopeDispose(() => {
    users--
    if (users === 0 && timer) {
      clearInterval(timer)
      timer = undefined
    }
  })
  return readonly(now)
}
