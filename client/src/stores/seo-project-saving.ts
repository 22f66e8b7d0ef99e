/**
 * @module stores/seo-project-saving
 * The saved side of the open SEO project (used by the project store): the document kept in step
 * with the library (`seo-projects`, autosaved with its ETag through document-sync, the whole
 * project in it); starting, opening and closing a project; the answer to a conflict; the
 * library's article versions and their restore.
 */
import { type Ref, ref, shallowRef, watch } from 'vue'
import type { ArticleVersionInfo } from '../../../server/features/library/schemas'
import { useRequest } from '../composables/useRequest'
import type { useBrandStore } from './brand'
import { createDocumentSync } from './document-sync'
import { persistence, rememberOpen } from './persistence'
import { newSeoDocument, type SeoDocument } from './seo-document'
import { fromProjectDocument, type ProjectDocument, toProjectDocument } from './seo-library'

const KIND = 'seo-projects'

export function useProjectSaving(
  document: Ref<SeoDocument | undefined>,
  brand: ReturnType<typeof useBrandStore>,
  resetSteps: () => void
) {
  /** The library's article versions (newest first) and the one the article is now. */
  const versions = shallowRef<ArticleVersionInfo[]>([])
  const articleVersion = ref<number>()
  const takeServerState = (saved: ProjectDocument) => {
    versions.value = saved.articleVersions
    articleVersion.value = saved.article?.version
  }
  const sync = createDocumentSync(KIND, { onSaved: (stored) => takeServerState(stored.document) })

  /** Showing a loaded document is not an edit: the watcher's next run is skipped. */
  let loading = false
  function show(next: SeoDocument | undefined) {
    loading = true
    document.value = next
  }
  watch(
    document,
    (doc) => {
      if (loading || !doc) {
        loading = false
        return
      }
      sync.schedule(toProjectDocument(doc))
    },
    { deep: true }
  )
  globalThis.addEventListener?.('pagehide', () => sync.keepPendingDraft())

  function resetRequests() {
    resetSteps()
    versions.value = []
    articleVersion.value = undefined
  }

  /** Starts a new project for `url` with the site's saved brand profile (created when missing). */
  async function start(url: string): Promise<string> {
    resetRequests()
    const doc = newSeoDocument(url)
    const profileId = await brand.openFor(url)
    sync.attach(doc.id)
    rememberOpen(KIND, doc.id)
    const started: SeoDocument = { ...doc, profile: { source: 'library', id: profileId } }
    // Created on the server at once, so its address works from the first moment.
    show(started)
    sync.schedule(toProjectDocument(started))
    void sync.flush()
    return doc.id
  }

  /** Opens saved project `id` (the server's version, or this device's newer draft of it). */
  async function openProject(id: string): Promise<boolean> {
    if (document.value?.id === id) return true
    resetRequests()
    const listed = await persistence()
      .library.list(KIND)
      .catch(() => undefined)
    const absent = Boolean(listed && !listed.nextCursor && !listed.items.some((p) => p.id === id))
    const saved = await sync.open(id, absent)
    if (!saved) return false
    takeServerState(saved)
    rememberOpen(KIND, id)
    show(fromProjectDocument(id, saved))
    if (saved.profile?.source === 'library') await brand.open(saved.profile.id).catch(() => false)
    return true
  }

  /** The conflict answer: their version shown, or mine saved over it. */
  async function resolveConflict(choice: 'theirs' | 'mine'): Promise<void> {
    const id = document.value?.id
    const theirs = await sync.resolve(choice)
    if (choice !== 'theirs' || !id) return
    if (!theirs) return close()
    takeServerState(theirs)
    show(fromProjectDocument(id, theirs))
  }

  function close(): void {
    resetRequests()
    sync.detach()
    rememberOpen(KIND, undefined)
    show(undefined)
  }

  /** The library's version list (fresh from the server). */
  const versionList = useRequest(async () => {
    const id = document.value?.id
    if (!id || !sync.etag()) return []
    const list = await persistence().library.versions(id)
    versions.value = list.items
    return list.items
  })

  /** Makes version `n` the article again (a new version itself, so it can be undone the same way). */
  const restore = useRequest(async (_signal, version: number) => {
    await sync.flush()
    const id = document.value?.id
    const etag = sync.etag()
    if (!id || !etag) throw new Error('the project is not saved yet')
    const stored = await persistence().library.restore(id, version, etag)
    sync.adopt(stored)
    takeServerState(stored.document)
    return { from: version, before: articleVersion.value, text: stored.document.article?.markdown }
  })
  async function restoreVersion(
    version: number,
    settle: (step: number, change: (doc: SeoDocument) => SeoDocument) => void
  ): Promise<{ before?: number } | undefined> {
    const before = articleVersion.value
    const result = await restore.execute(version)
    if (!result?.text) return undefined
    const text = result.text
    settle(6, (doc) => ({ ...doc, article: text, articleSource: 'restore', preflight: undefined }))
    return { before }
  }

  return {
    sync,
    versions,
    articleVersion,
    start,
    openProject,
    resolveConflict,
    close,
    versionList,
    restore,
    restoreVersion,
  }
}
