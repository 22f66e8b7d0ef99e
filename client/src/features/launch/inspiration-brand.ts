/**
 * @module features/launch/inspiration-brand
 * The brand check of the inspiration thumbnails: while a brand profile is chosen (in a studio,
 * in this tab), each thumbnail shown is checked once against it, with its score and, when it
 * has issues, a link that opens the image studio with the thumbnail placed and fixed. The
 * choice is read from the studios' store state without importing their stores, so the launch
 * page stays small when no brand is chosen.
 */
import { getActivePinia } from 'pinia'
import { computed } from 'vue'
import type { BrandCheckBody } from '../../api/brand'
import { checkBrand } from '../../api/brand'
import { useBrandGuardStore } from '../../stores/brand-guard'
import { profileKeyOf } from '../brand-guard/check-view'

const MEDIA = /^\/media\/([a-f0-9]{64}\.[a-z0-9]{2,5})$/
type Profile = NonNullable<BrandCheckBody['profile']>

export function useInspirationBrand() {
  const guard = useBrandGuardStore()
  const pinia = getActivePinia()
  const profile = computed(
    () => (pinia?.state.value['image-brand'] as { profile?: Profile } | undefined)?.profile
  )
  const profileKey = computed(() => (profile.value ? profileKeyOf(profile.value) : undefined))

  const keyOf = (url: string | undefined) => {
    const mediaId = url ? MEDIA.exec(url)?.[1] : undefined
    return mediaId && profileKey.value
      ? { mediaId, key: `image:${mediaId}|${profileKey.value}` }
      : undefined
  }

  /** The check of the thumbnail at `url`, if one was started. */
  function entryFor(url: string | undefined) {
    const found = keyOf(url)
    return found && { mediaId: found.mediaId, entry: guard.entry(found.key) }
  }

  /** Starts the check of each thumbnail not checked against the chosen profile yet. */
  function ensure(urls: readonly (string | undefined)[]): void {
    const chosen = profile.value
    if (!chosen) return
    for (const url of urls) {
      const found = keyOf(url)
      if (found && !guard.entry(found.key)) {
        void guard.run(found.key, () => checkBrand({ imageId: found.mediaId, profile: chosen }))
      }
    }
  }

  return { entryFor, ensure, profileKey }
}
