/**
 * Saved work under concurrent writers, over HTTP: 12 clients read a document and save it with
 * the counter one up (`If-Match` the ETag they read) while others read, on both stores. Every
 * write the server confirms (200) is in the final document exactly once: the counters the
 * clients saw committed are 1..N without a gap or a repeat, the final document holds N, and its
 * ETag is the one the last commit got. Losers get 412, never a silent overwrite; no 5xx.
 */
import { afterAll, describe, expect, test } from 'bun:test'
import type { BlobStore } from '../../server/storage/types'
import { startFakeGcs } from '../support/fake-gcs'
import {
  counterDocument,
  counterOf,
  outcomesOf,
  type Role,
  startMixedLoad,
} from '../support/mixed-load'
import { gcsStore, libraryApp, localStore } from './support'

const gcs = await startFakeGcs()
afterAll(() => gcs.stop())

const DOCUMENTS = ['doc-a', 'doc-b', 'doc-c']
const ROLES: Role[] = [
  ...Array<Role>(24).fill('libraryWrite'),
  ...Array<Role>(6).fill('libraryRead'),
]

async function hammer(store: BlobStore) {
  const { app } = libraryApp(store, { RATE_LIMIT_PER_MINUTE: '0' })
  const server = Bun.serve({ port: 0, hostname: '127.0.0.1', fetch: app.fetch })
  const base = `http://127.0.0.1:${server.port}`
  try {
    for (const id of DOCUMENTS) {
      const res = await fetch(`${base}/api/library/brand-profiles/${id}`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', 'If-None-Match': '*' },
        body: JSON.stringify(counterDocument(id, 0)),
      })
      expect(res.status).toBe(201)
    }
    const load = startMixedLoad({
      base,
      connections: ROLES.length,
      roles: ROLES,
      assetPath: '/',
      documents: DOCUMENTS,
      jobIds: [],
    })
    // Until enough writes went through (a count, not a time: this machine may be busy).
    const confirmed = () => [...load.commits.values()].reduce((n, c) => n + c.length, 0)
    for (let waited = 0; confirmed() < 20 && waited < 15_000; waited += 50) await Bun.sleep(50)
    await load.stop()
    const writes = outcomesOf(load, 'libraryWrite')
    expect(Object.keys(writes).filter((o) => !['200', '412'].includes(o))).toEqual([])
    expect(Object.keys(outcomesOf(load, 'libraryRead'))).toEqual(['200'])
    let committed = 0
    for (const id of DOCUMENTS) {
      const commits = load.commits.get(id) ?? []
      committed += commits.length
      const counters = commits.map((c) => c.counter).sort((a, b) => a - b)
      expect(counters).toEqual(Array.from({ length: commits.length }, (_, i) => i + 1))
      const final = (await (await fetch(`${base}/api/library/brand-profiles/${id}`)).json()) as {
        etag: string
        document: { title: string }
      }
      expect(counterOf(final.document)).toBe(commits.length)
      const last = commits.find((c) => c.counter === commits.length)
      if (last) expect(final.etag).toBe(last.etag)
    }
    expect(committed).toBe(writes['200'] ?? 0)
    // Contention was real: some writers lost a race and were told so.
    expect(committed).toBeGreaterThan(DOCUMENTS.length)
    expect(writes['412']).toBeGreaterThan(0)
  } finally {
    server.stop(true)
  }
}

describe('concurrent saves keep every confirmed write exactly once', () => {
  test('local disk', () => hammer(localStore()), 30_000)
  test('Cloud Storage (fake)', () => hammer(gcsStore(gcs)), 30_000)
})
