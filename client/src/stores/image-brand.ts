/**
 * @module stores/image-brand
 * The brand an image is made for (Pinia setup store): one of the saved brand profiles (the one
 * open in the brand editor first), and whether its kit (colours, fonts) and its logo go into the
 * image requests. Nothing is sent until a profile is chosen and the kit switched on.
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { DocumentSummary } from '../../../server/features/library/schemas'
import type { BrandBody } from '../api/image'
import { useBrandStore } from './brand'
import type { BrandProfile } from './brand-document'
import { persistence } from './persistence'

const KIND = 'brand-profiles'

export const useImageBrandStore = defineStore('image-brand', () => {
  const editor = useBrandStore()
  const profiles = shallowRef<DocumentSummary[]>([])
  const profileId = ref<string>()
  const profile = shallowRef<BrandProfile>()
  const useKit = ref(false)
  const useLogo = ref(false)
  const loadError = ref(false)

  const kit = computed(() => profile.value?.globalInfo.kit)
  const hasLogo = computed(() => Boolean(kit.value?.logo))

  /** The saved profiles (the editor's open one first, even before its first save). */
  async function list(): Promise<void> {
    const page = await persistence()
      .library.list(KIND)
      .catch(() => ({ items: [] as DocumentSummary[] }))
    const items = [...page.items]
    if (editor.id && !items.some((p) => p.id === editor.id)) {
      const title = editor.document.profile.globalInfo.brand_name || editor.id
      items.unshift({ id: editor.id, title, updated: '', size: 0 })
    }
    profiles.value = items
  }

  /** Chooses profile `id` (undefined: none) and reads it from the server. */
  async function choose(id: string | undefined): Promise<void> {
    profileId.value = id
    profile.value = undefined
    loadError.value = false
    if (!id) {
      useKit.value = false
      return
    }
    if (id === editor.id) {
      profile.value = editor.document.profile
      return
    }
    const stored = await persistence()
      .library.get(KIND, id)
      .catch(() => undefined)
    if (profileId.value !== id) return
    if (stored) profile.value = stored.document.profile
    else loadError.value = true
  }

  /** What an image request sends: the profile and the logo choice, when the kit is on. */
  function body(): BrandBody | undefined {
    if (!useKit.value || !profile.value) return undefined
    return { profile: profile.value, logo: useLogo.value && hasLogo.value }
  }

  return {
    profiles,
    profileId,
    profile,
    kit,
    hasLogo,
    useKit,
    useLogo,
    loadError,
    list,
    choose,
    body,
  }
})
