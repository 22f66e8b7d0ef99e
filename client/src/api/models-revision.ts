/**
 * @module api/models-revision
 * Which models the server runs can change while the page is open (Google stops serving one and
 * the server moves the role to another). Every API answer names the server's current revision
 * in `X-Models-Revision`; the capabilities are fetched again when it moves.
 */
import { shallowRef } from 'vue'

export const MODELS_REVISION_HEADER = 'X-Models-Revision'

/** The revision the latest API answer named. */
export const modelsRevision = shallowRef<number>()

export function noteModelsRevision(headers: Headers): void {
  const value = headers.get(MODELS_REVISION_HEADER)
  const revision = value === null ? Number.NaN : Number(value)
  if (Number.isInteger(revision) && revision !== modelsRevision.value) {
    modelsRevision.value = revision
  }
}
