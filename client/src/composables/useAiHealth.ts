/**
 * @module composables/useAiHealth
 * Whether Gemini is failing right now, for the banner: from `/api/capabilities` (`aiHealth`, the
 * server's open circuits) and from any answer of an open circuit (`upstream_unavailable`, or a
 * quota answer marked `circuit: 'open'`). It holds until the wait the server named has passed.
 */
import { computed, shallowRef, watch } from 'vue'
import { type ApiError, onServerError } from '../api/errors'
import { useCapabilities } from './useCapabilities'

const failingUntil = shallowRef(0)
const now = shallowRef(Date.now())
let ticking: ReturnType<typeof setInterval> | undefined

function failFor(seconds: number) {
  failingUntil.value = Math.max(failingUntil.value, Date.now() + Math.max(1, seconds) * 1000)
  now.value = Date.now()
  ticking ??= setInterval(() => {
    now.value = Date.now()
    if (now.value < failingUntil.value) return
    clearInterval(ticking)
    ticking = undefined
  }, 1000)
}

const fromOpenCircuit = (error: ApiError) =>
  error.code === 'upstream_unavailable' ||
  (error.details as { circuit?: unknown } | undefined)?.circuit === 'open'

onServerError((error) => {
  if (fromOpenCircuit(error)) failFor(error.retryAfterSeconds ?? 5)
})

export function useAiHealth() {
  const { capabilities } = useCapabilities()
  watch(
    capabilities,
    (value) => {
      const circuits = value?.aiHealth?.circuits ?? []
      if (value?.aiHealth?.failing) {
        failFor(Math.max(1, ...circuits.map((c) => c.retryAfterSeconds)))
      }
    },
    { immediate: true }
  )
  return {
    failing: computed(() => now.value < failingUntil.value),
    seconds: computed(() => Math.max(1, Math.ceil((failingUntil.value - now.value) / 1000))),
  }
}
