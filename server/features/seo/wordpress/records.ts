/**
 * @module seo/wordpress/records
 * What the studio remembers of a project's WordPress draft, per site: the post id (so a second
 * publish updates the same draft) and the uploaded copy of each image (so it is not uploaded
 * again). Kept at `publishing/<workspace>/wordpress/<project>.json`.
 */
import type { BlobStore } from '../../../storage/types'

export interface UploadedImage {
  /** WordPress's attachment id. */
  id: number
  url: string
}

export interface PostRecord {
  siteUrl: string
  postId: number
  /** Our media id -> its copy on the site. */
  media: Record<string, UploadedImage>
}

const keyOf = (workspace: string, projectId: string) =>
  `publishing/${workspace}/wordpress/${projectId}.json`

/** The record for this site (a record of another site does not count). */
export async function loadPostRecord(
  store: BlobStore,
  workspace: string,
  projectId: string,
  siteUrl: string
): Promise<PostRecord | undefined> {
  const bytes = await store.read(keyOf(workspace, projectId))
  if (!bytes) return undefined
  try {
    const record = JSON.parse(new TextDecoder().decode(bytes)) as PostRecord
    return record.siteUrl === siteUrl ? record : undefined
  } catch {
    return undefined
  }
}

export async function savePostRecord(
  store: BlobStore,
  workspace: string,
  projectId: string,
  record: PostRecord
): Promise<void> {
  await store.put(keyOf(workspace, projectId), new TextEncoder().encode(JSON.stringify(record)), {
    contentType: 'application/json',
  })
}
