/**
 * @module stores/brand
 * The brand store (Pinia setup store): the open brand profile, saved to the library
 * (`brand-profiles`, autosaved with its ETag through document-sync) with the assets and notes
 * of its analysis, and the brand analysis of a site (`/api/analyze`) as a request with busy,
 * error and abort.
 */
import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import { analyzeSite } from '../api/brand'
import { useRequest } from '../composables/useRequest'
import { currentLocale } from '../i18n'
import {
  applyAnalysis,
  type BrandDocument,
  type BrandProfile,
  brandIdFor,
  emptyBrandDocument,
  fromProfileDocument,
  toProfileDocument,
  withKit,
  withProjectFor,
} from './brand-document'
import { createDocumentSync } from './document-sync'
import { persistence, rememberOpen } from './persistence'

const KIND = 'brand-profiles'

export const useBrandStore = defineStore('brand', () => {
  const document = ref<BrandDocument>(emptyBrandDocument())
  const id = ref<string>()
  const sync = createDocumentSync(KIND)
  /** Showing a loaded document is not an edit: the watcher's next run is skipped. */
  let loading = false

  function show(next: BrandDocument) {
    loading = true
    document.value = next
  }

  watch(
    document,
    (doc) => {
      if (loading || !id.value) {
        loading = false
        return
      }
      sync.schedule(toProfileDocument(doc))
    },
    { deep: true }
  )
  globalThis.addEventListener?.('pagehide', () => sync.keepPendingDraft())

  const analysis = useRequest((signal, url: string) =>
    analyzeSite({ url, uiLanguage: currentLocale() }, signal)
  )

  /** Opens saved profile `profileId`; resolves false when it exists nowhere. */
  async function open(profileId: string): Promise<boolean> {
    if (id.value === profileId) return true
    const absent = !(await onServer(profileId).catch(() => true))
    analysis.reset()
    const saved = await sync.open(profileId, absent)
    if (!saved) return false
    id.value = profileId
    rememberOpen(KIND, profileId)
    show(fromProfileDocument(saved))
    return true
  }

  /** Whether the server has `profileId` (from the listing, so nothing missing is asked for). */
  async function onServer(profileId: string): Promise<boolean> {
    const page = await persistence().library.list(KIND)
    return page.items.some((item) => item.id === profileId) || Boolean(page.nextCursor)
  }

  /** Opens the saved profile of `url`'s site, or starts it (saved with its first change). */
  async function openFor(url: string): Promise<string> {
    const profileId = brandIdFor(url)
    if (await open(profileId).catch(() => false)) return profileId
    startNew(profileId)
    return profileId
  }

  /** A new, empty profile under `profileId` (created on the server with its first edit). */
  function startNew(profileId = `brand-${Date.now().toString(36)}`): void {
    analysis.reset()
    sync.attach(profileId)
    id.value = profileId
    rememberOpen(KIND, profileId)
    show(emptyBrandDocument())
  }

  /** Reads `url` and merges what it says into the document; resolves true when it did. */
  async function analyse(url: string): Promise<boolean> {
    const result = await analysis.execute(url)
    if (!result) return false
    document.value = applyAnalysis(document.value, url, result)
    return true
  }

  /** The conflict answer: their version shown, or mine saved over it. */
  async function resolveConflict(choice: 'theirs' | 'mine'): Promise<void> {
    const theirs = await sync.resolve(choice)
    if (choice === 'theirs' && id.value) {
      if (theirs) show(fromProfileDocument(theirs))
      else startNew()
    }
  }

  /** The profile to send with SEO requests for `url`: it always has a project for the site. */
  const profileFor = (url: string): BrandProfile => withProjectFor(document.value.profile, url)

  function replaceProfile(profile: BrandProfile): void {
    document.value = { ...document.value, profile: withKit(profile) }
  }

  /** Forgets the open profile (after it was deleted). */
  function close(): void {
    analysis.reset()
    sync.detach()
    id.value = undefined
    rememberOpen(KIND, undefined)
    show(emptyBrandDocument())
  }

  return {
    document,
    id,
    saveStatus: sync.status,
    saveError: sync.error,
    conflict: sync.conflict,
    savedAt: sync.savedAt,
    retrySave: sync.flush,
    analysis,
    open,
    openFor,
    startNew,
    analyse,
    resolveConflict,
    profileFor,
    replaceProfile,
    close,
    flush: sync.flush,
  }
})
