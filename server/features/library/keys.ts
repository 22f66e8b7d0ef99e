/**
 * @module library/keys
 * Where saved work lives in the BlobStore: `library/<workspace>/<kind>/<id>.json` for documents,
 * `library/<workspace>/<kind>/_index.json` for the kind's index (ids never start with `_`), and
 * `library/<workspace>/article-versions/<id>/<ref>.json` for the kept versions of an article.
 */
import type { LibraryKind } from './kinds'

export const kindPrefix = (workspace: string, kind: LibraryKind) => `library/${workspace}/${kind}/`

export const documentKey = (workspace: string, kind: LibraryKind, id: string) =>
  `${kindPrefix(workspace, kind)}${id}.json`

export const indexKey = (workspace: string, kind: LibraryKind) =>
  `${kindPrefix(workspace, kind)}_index.json`

export const versionsPrefix = (workspace: string, projectId: string) =>
  `library/${workspace}/article-versions/${projectId}/`

export const versionKey = (workspace: string, projectId: string, ref: string) =>
  `${versionsPrefix(workspace, projectId)}${ref}.json`

/** The document id of a key under `kindPrefix`, or undefined for anything else there. */
export function idOfKey(prefix: string, key: string): string | undefined {
  if (!key.startsWith(prefix)) return undefined
  return /^([a-z0-9][a-z0-9-]{0,63})\.json$/.exec(key.slice(prefix.length))?.[1]
}
