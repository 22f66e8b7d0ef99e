/**
 * @module composables/useCapabilities
 * What this server can do (`GET /api/capabilities`), fetched once per page load and shared by
 * every component that asks, so the banner and the pages agree without extra requests; fetched
 * again when an API answer says the models in use changed (`api/models-revision`).
 */
import { computed, shallowRef, watch } from 'vue'
import { ApiError, type Capabilities, getCapabilities } from '../api/client'
import { modelsRevision } from '../api/models-revision'

const capabilities = shallowRef<Capabilities>()
const error = shallowRef<ApiError>()
let pending: Promise<void> | undefined

function load(): Promise<void> {
  pending ??= getCapabilities()
    .then((value) => {
      capabilities.value = value
    })
    .catch((cause: unknown) => {
      error.value =
        cause instanceof ApiError ? cause : new ApiError(0, 'network', String(cause), { cause })
    })
  return pending
}

watch(modelsRevision, (revision) => {
  const shown = capabilities.value?.models.revision
  if (revision === undefined || shown === undefined || revision === shown) return
  getCapabilities()
    .then((value) => {
      capabilities.value = value
    })
    // The page keeps what it showed; the next answer tries again.
    .catch(() => undefined)
})

export function useCapabilities() {
  return {
    capabilities: computed(() => capabilities.value),
    error: computed(() => error.value),
    /** Settles once the first fetch has finished, successfully or not. */
    ready: load(),
  }
}
