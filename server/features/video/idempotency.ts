/**
 * @module video/idempotency
 * `Idempotency-Key` on job creation: one key, one paid job, also when several requests with the
 * key arrive at once on several instances. The key (hashed with the workspace) names a claim
 * object created only if absent (`ifGenerationMatch: '0'`), holding the job id and a digest of
 * the request. Exactly one request creates it and starts the job; the others read it and answer
 * with that job, or 422 when the same key came with a different request.
 */
import { AppError, errors } from '../../core/errors'
import type { BlobStore } from '../../storage/types'
import { PreconditionFailed } from '../../storage/types'

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/

interface Claim {
  jobId: string
  fingerprint: string
}

const sha256 = (text: string) => new Bun.CryptoHasher('sha256').update(text).digest('hex')

/** The header's value checked and hashed with the workspace; undefined when not sent. */
export function idempotencyDigest(
  header: string | undefined,
  workspace: string
): string | undefined {
  if (header === undefined) return undefined
  if (!KEY_PATTERN.test(header)) {
    throw errors.badRequest(
      'invalid_idempotency_key',
      'Idempotency-Key must be 1 to 255 visible ASCII characters.'
    )
  }
  return sha256(`${workspace}\n${header}`)
}

export const fingerprintOf = (request: unknown) => sha256(JSON.stringify(request))

const claimObject = (workspace: string, digest: string) =>
  `jobs/video-keys/${workspace}/${digest}.json`

const reused = () =>
  new AppError(
    422,
    'idempotency_key_reused',
    'This Idempotency-Key was used with a different request; use a new key for a new job.'
  )

/** The job a key already names (a cheap look before any work; `claimKey` decides races). */
export async function jobOfKey(
  store: BlobStore,
  workspace: string,
  digest: string,
  fingerprint: string
): Promise<string | undefined> {
  const bytes = await store.read(claimObject(workspace, digest))
  if (!bytes) return undefined
  const claim = JSON.parse(new TextDecoder().decode(bytes)) as Claim
  if (claim.fingerprint !== fingerprint) throw reused()
  return claim.jobId
}

/** `won`: this request owns the key; else the job the key already names. */
export async function claimKey(
  store: BlobStore,
  workspace: string,
  digest: string,
  claim: Claim
): Promise<{ won: true } | { won: false; jobId: string }> {
  const key = claimObject(workspace, digest)
  const body = new TextEncoder().encode(JSON.stringify(claim))
  // A claim deleted between the failed create and the read (its job was deleted) is tried again.
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      await store.put(key, body, { contentType: 'application/json', ifGenerationMatch: '0' })
      return { won: true }
    } catch (error) {
      if (!(error instanceof PreconditionFailed)) throw error
    }
    const bytes = await store.read(key)
    if (!bytes) continue
    const existing = JSON.parse(new TextDecoder().decode(bytes)) as Claim
    if (existing.fingerprint !== claim.fingerprint) throw reused()
    return { won: false, jobId: existing.jobId }
  }
  throw new AppError(503, 'storage_busy', 'The Idempotency-Key is changing; try again shortly.', {
    headers: { 'Retry-After': '1' },
  })
}

export async function releaseKey(store: BlobStore, workspace: string, digest: string) {
  await store.delete(claimObject(workspace, digest))
}
