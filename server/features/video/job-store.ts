/**
 * @module video/job-store
 * Job records in the BlobStore, changed only by compare-and-swap: read the record with its
 * generation, compute the next record, write it only if the generation is still the one read
 * (Cloud Storage `ifGenerationMatch`, the local store's locked check), and on a conflict read
 * again and decide again. Whatever several instances do at once, each change is applied to the
 * record the others left, and none is lost.
 */
import { AppError } from '../../core/errors'
import type { BlobStore } from '../../storage/types'
import { PreconditionFailed } from '../../storage/types'
import type { VideoJobRecord } from './job-types'

export const JOBS_PREFIX = 'jobs/video/'
const JSON_TYPE = 'application/json'
/** Attempts of one change under contention before giving up with a 503. */
const CAS_TRIES = 8

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
  if (!object) return undefined
  const job = JSON.parse(new TextDecoder().decode(object.bytes)) as VideoJobRecord
  return { job, generation: object.meta.generation }
}

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
): Promise<StoredJob | undefined> {
  for (let attempt = 1; attempt <= CAS_TRIES; attempt++) {
    const current = await readJob(store, key)
    if (!current) return undefined
    const next = change(current.job)
    if (!next) return current
    try {
      const meta = await store.put(key, encode(next), {
        contentType: JSON_TYPE,
        ifGenerationMatch: current.generation,
      })
      return { job: next, generation: meta.generation }
    } catch (error) {
      if (!(error instanceof PreconditionFailed)) throw error
      await Bun.sleep(Math.random() * 5 * attempt)
    }
  }
  throw new AppError(
    503,
    'storage_busy',
    'The job is being changed by others; try again shortly.',
    {
      headers: { 'Retry-After': '1' },
    }
  )
}
