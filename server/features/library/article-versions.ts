/**
 * @module library/article-versions
 * Version history of an SEO project's article. A save whose article differs from the stored one
 * keeps the new text as the next version: its copy is written under a fresh ref before the
 * project itself, so a project never names a copy that is not there, and a save that loses its
 * race removes its copy again. The project lists the last ARTICLE_VERSIONS_KEPT versions (their
 * metadata); the copies of versions that fall off the list are deleted.
 */
import { versionKey } from './keys'
import type { LibraryScope, StoredRecord } from './records'
import {
  ARTICLE_VERSIONS_KEPT,
  type ArticleDraft,
  type ArticleVersionInfo,
  type SeoProjectDocument,
} from './schemas/seo-project'

/** The stored copy of one version. */
export interface StoredVersion extends ArticleVersionInfo {
  article: Pick<ArticleDraft, 'markdown' | 'metadata'>
}

export interface SavePlan {
  record: StoredRecord
  /** After the document write was refused (412): removes what was written for it. */
  abandon(): Promise<void>
  /** After the document write succeeded: removes the copies of dropped versions. */
  commit(): Promise<void>
}

const nothing = async () => {}

/** A save of any other kind: the document as it is. */
export const plainSave = (record: StoredRecord): SavePlan => ({
  record,
  abandon: nothing,
  commit: nothing,
})

/**
 * The record to store for a project save, with its article version settled: the same text keeps
 * its version, a changed (or restored) one becomes the next version.
 */
export async function planProjectSave(
  scope: LibraryScope,
  id: string,
  current: StoredRecord | undefined,
  incoming: SeoProjectDocument,
  options: { now: string; restoredFrom?: number }
): Promise<SavePlan> {
  const previous = current?.document as SeoProjectDocument | undefined
  const history = previous?.articleVersions ?? []
  const refs = { ...current?.versions }
  const unchanged = (document: SeoProjectDocument) =>
    plainSave({ document: { ...document, articleVersions: history }, versions: refs })

  if (!incoming.article) return unchanged({ ...incoming, article: undefined })
  const { version: _v, restoredFrom: _r, ...draft } = incoming.article
  const before = previous?.article
  if (before && options.restoredFrom === undefined && sameText(before, draft)) {
    const { version, restoredFrom, source } = before
    return unchanged({ ...incoming, article: { ...draft, source, version, restoredFrom } })
  }

  const version = Math.max(history[0]?.version ?? 0, before?.version ?? 0) + 1
  const info: ArticleVersionInfo = {
    version,
    savedAt: options.now,
    source: draft.source,
    characters: draft.markdown.length,
    ...(draft.metadata?.seoTitle ? { seoTitle: draft.metadata.seoTitle } : {}),
    ...(options.restoredFrom === undefined ? {} : { restoredFrom: options.restoredFrom }),
  }
  const listed = [info, ...history]
  const kept = listed.slice(0, ARTICLE_VERSIONS_KEPT)
  const droppedRefs = listed.slice(ARTICLE_VERSIONS_KEPT).flatMap((d) => {
    const ref = refs[d.version]
    delete refs[d.version]
    return ref ? [ref] : []
  })
  const ref = `${version}-${crypto.randomUUID().slice(0, 8)}`
  refs[version] = ref
  const copy: StoredVersion = {
    ...info,
    article: { markdown: draft.markdown, metadata: draft.metadata },
  }
  await scope.store.put(
    versionKey(scope.workspace, id, ref),
    new TextEncoder().encode(JSON.stringify(copy)),
    { contentType: 'application/json' }
  )
  const article = {
    ...draft,
    version,
    ...(info.restoredFrom ? { restoredFrom: info.restoredFrom } : {}),
  }
  return {
    record: { document: { ...incoming, article, articleVersions: kept }, versions: refs },
    abandon: () => removeCopies(scope, id, [ref]),
    commit: () => removeCopies(scope, id, droppedRefs),
  }
}

/** The stored copy of `version`, or undefined when the project does not keep it. */
export async function readVersion(
  scope: LibraryScope,
  id: string,
  record: StoredRecord,
  version: number
): Promise<StoredVersion | undefined> {
  const ref = record.versions?.[version]
  if (!ref) return undefined
  const bytes = await scope.store.read(versionKey(scope.workspace, id, ref))
  if (!bytes) return undefined
  return JSON.parse(new TextDecoder().decode(bytes)) as StoredVersion
}

/** Removes the copies of a project's versions (best effort: leftovers are only unused bytes). */
export async function removeCopies(scope: LibraryScope, id: string, refs: string[]) {
  await Promise.all(
    refs.map((ref) =>
      scope.store.delete(versionKey(scope.workspace, id, ref)).catch((error: unknown) => {
        scope.log.warn('Article version copy could not be removed', { id, ref, err: error })
      })
    )
  )
}

const sameText = (a: Pick<ArticleDraft, 'markdown' | 'metadata'>, b: typeof a) =>
  a.markdown === b.markdown &&
  JSON.stringify(a.metadata ?? null) === JSON.stringify(b.metadata ?? null)
