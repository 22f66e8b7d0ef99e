/**
 * @module stores/brand
 * The brand store (Pinia setup store): the brand document, kept through the persistence seam,
 * and the brand analysis of a site (`/api/analyze`) as a request with busy, error and abort.
 */
import { defineStore } from 'pinia'
import { ref, toRaw, watch } from 'vue'
import { analyzeSite } from '../api/brand'
import { useRequest } from '../composables/useRequest'
import { currentLocale } from '../i18n'
import {
  applyAnalysis,
  asBrandDocument,
  type BrandDocument,
  type BrandProfile,
  emptyBrandDocument,
  withProjectFor,
} from './brand-document'
import { debouncedSaver, persistence } from './persistence'

export const useBrandStore = defineStore('brand', () => {
  const document = ref<BrandDocument>(emptyBrandDocument())
  const saver = debouncedSaver('brand-profile', () => toRaw(document.value))

  const ready = persistence()
    .load('brand-profile')
    .then((stored) => {
      const loaded = asBrandDocument(stored)
      if (loaded) document.value = loaded
    })
  watch(document, () => saver.schedule(), { deep: true })

  const analysis = useRequest((signal, url: string) =>
    analyzeSite({ url, uiLanguage: currentLocale() }, signal)
  )

  /** Reads `url` and merges what it says into the document; resolves true when it did. */
  async function analyse(url: string): Promise<boolean> {
    const result = await analysis.execute(url)
    if (!result) return false
    document.value = applyAnalysis(document.value, url, result)
    return true
  }

  /** The profile to send with SEO requests for `url`: it always has a project for the site. */
  const profileFor = (url: string): BrandProfile => withProjectFor(document.value.profile, url)

  function replaceProfile(profile: BrandProfile): void {
    document.value = { ...document.value, profile }
  }

  function reset(): void {
    analysis.reset()
    document.value = emptyBrandDocument()
  }

  return {
    document,
    ready,
    analysis,
    analyse,
    profileFor,
    replaceProfile,
    reset,
    flush: saver.flush,
  }
})
