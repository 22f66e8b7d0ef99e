/**
 * @module video/job-store
 * Job records in the BlobStore, changed only by compare-and-swap: read the record with its
 * generation, compute the next record, write it only if the generation is still the one read
 * (Cloud Storage `ifGenerationMatch`, the local store's locked check), and on a conflict read
 * again and decide again. Whatever several instances do at once, each change is applied to the
 * record the others left, and none is lost.
 */
import { compareAndSwap } from '../../storage/cas'
import type { BlobObject, BlobStore } from '../../storage/types'
import type { VideoJobRecord } from './job-types'

export const JOBS_PREFIX = 'jobs/video/'
const JSON_TYPE = 'application/json'

export const jobsPrefix = (workspace: string) => `${JOBS_PREFIX}${workspace}/`
export const jobKey = (workspace: string, id: string) => `${jobsPrefix(workspace)}${id}.json`
/** Where Veo writes a job's output in our bucket, before it is stored as media. */
export const outputPrefix = (workspace: string, id: string) =>
  `jobs/video-output/${workspace}/${id}/`

export interface StoredJob {
  job: VideoJobRecord
  generation: string
}

const encode = (job: VideoJobRecord) => new TextEncoder().encode(JSON.stringify(job))

export async function readJob(store: BlobStore, key: string): Promise<StoredJob | undefined> {
  const object = await store.readWithMeta(key)
  return object && parseJob(object)
}

const parseJob = (object: BlobObject): StoredJob => ({
  job: JSON.parse(new TextDecoder().decode(object.bytes)) as VideoJobRecord,
  generation: object.meta.generation,
})

/** Writes a new record; throws `PreconditionFailed` if the key is taken. */
export async function createJobRecord(store: BlobStore, key: string, job: VideoJobRecord) {
  const meta = await store.put(key, encode(job), {
    contentType: JSON_TYPE,
    ifGenerationMatch: '0',
  })
  return { job, generation: meta.generation }
}

/**
 * Applies `change` to the current record and writes the result if nothing changed in between;
 * `change` returns `undefined` to leave the record as it is. Undefined when the record is gone.
 */
export async function updateJob(
  store: BlobStore,
  key: string,
  change: (job: VideoJobRecord) => VideoJobRecord | undefined
): Promise<{ job: VideoJobRecord } | undefined> {
  return compareAndSwap<{ job: VideoJobRecord } | undefined>(store, key, (object) => {
    if (!object) return { value: undefined }
    const current = parseJob(object)
    const next = change(current.job)
    return next ? { value: { job: next }, write: encode(next) } : { value: current }
  })
}
