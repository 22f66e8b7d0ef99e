/**
 * @module bench/library
 * Latency of saved work on both stores against the fakes (local disk in a temporary folder; the
 * real Cloud Storage library against the fake JSON API on loopback), with 1 000 documents of the
 * kind already stored. Measured through `app.request`, so validation, the conditional write,
 * the index update and the JSON answer are all in the figures:
 *
 * - save: `PUT` of one brand profile with `If-Match` (the document write plus the index update),
 *   beside the bare `store.put` of the same bytes as the baseline;
 * - save of an SEO project whose article changed (adds the read before the write and the
 *   version copy);
 * - list: `GET ?limit=50` of a kind with 1 000 documents (one index read), beside the baseline of
 *   listing the prefix's object metadata, which is what a listing without the index would cost
 *   at the least.
 *
 * Scenarios are interleaved run by run, so load on the machine hits them alike.
 *
 * Run: bun bench/library.ts [--runs=N] [--docs=N]   (default 30 runs after a warm-up, 1 000 docs)
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { silentLogger } from '../server/core/logger'
import { kindPrefix } from '../server/features/library/keys'
import { type LibraryScope, saveRecord } from '../server/features/library/records'
import { createGcsStore } from '../server/storage/gcs-store'
import { createLocalStore } from '../server/storage/local-store'
import type { BlobStore } from '../server/storage/types'
import { brandProfile, libraryApp, seoProject } from '../tests/library/support'
import { startFakeGcs } from '../tests/support/fake-gcs'
import { fmt, printTimes } from './harness'

const arg = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback)
const runs = arg('runs', 30)
const docs = arg('docs', 1000)

const gcs = await startFakeGcs()
const dataDir = mkdtempSync(join(tmpdir(), 'ais-bench-library-'))
const stores: [string, BlobStore][] = [
  ['local disk', createLocalStore(dataDir)],
  [
    'Cloud Storage (fake)',
    createGcsStore({ bucket: 'bench', endpoint: gcs.url, log: silentLogger }),
  ],
]

const article = `# Ultralight tents\n\n${'A paragraph about tents and trails. '.repeat(800)}` // ~28 KB

interface Setup {
  name: string
  store: BlobStore
  app: ReturnType<typeof libraryApp>['app']
  brandEtag: string
  projectEtag: string
  version: number
}

async function setUp(name: string, store: BlobStore): Promise<Setup> {
  const { app } = libraryApp(store)
  const scope: LibraryScope = {
    store,
    workspace: 'default',
    kind: 'brand-profiles',
    log: silentLogger,
  }
  for (let start = 0; start < docs; start += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, docs - start) }, (_, i) => {
        const updated = new Date(Date.UTC(2026, 0, 1, 0, 0, start + i)).toISOString()
        const document = { ...brandProfile(`Brand ${start + i}`), updated }
        return saveRecord(scope, `doc-${start + i}`, { document: document as never }, '0')
      })
    )
  }
  // The first listing builds the index from the prefix listing.
  const built = performance.now()
  await (await app.request('/api/library/brand-profiles?limit=50')).arrayBuffer()
  console.log(`${name}: index of ${docs} documents rebuilt in ${fmt(performance.now() - built)} ms`)
  const brand = (await app.request('/api/library/brand-profiles/doc-0')).headers.get('ETag') ?? ''
  const project = await send(app, 'seo-projects/p', seoProject('P', `${article}\n0`), '*', true)
  return { name, store, app, brandEtag: brand, projectEtag: project, version: 0 }
}

async function send(
  app: Setup['app'],
  path: string,
  body: unknown,
  etag: string,
  create = false
): Promise<string> {
  const res = await app.request(`/api/library/${path}`, {
    method: 'PUT',
    headers: {
      'Content-Type': 'application/json',
      ...(create ? { 'If-None-Match': '*' } : { 'If-Match': etag }),
    },
    body: JSON.stringify(body),
  })
  if (res.status !== 200 && res.status !== 201) {
    throw new Error(`PUT ${path} answered ${res.status}: ${await res.text()}`)
  }
  await res.arrayBuffer()
  return res.headers.get('ETag') ?? ''
}

const timed = async (run: () => Promise<unknown>) => {
  const started = performance.now()
  await run()
  return performance.now() - started
}

type Scenario = { label: string; run: (s: Setup) => Promise<number> }
const bytes = new TextEncoder().encode(JSON.stringify({ document: brandProfile('Baseline') }))
const scenarios: Scenario[] = [
  {
    label: 'baseline: store.put of the same bytes',
    run: (s) =>
      timed(() => s.store.put('bench/baseline.json', bytes, { contentType: 'application/json' })),
  },
  {
    label: 'save brand profile (PUT If-Match)',
    run: (s) =>
      timed(async () => {
        s.version++
        s.brandEtag = await send(
          s.app,
          'brand-profiles/doc-0',
          brandProfile(`Brand 0 v${s.version}`),
          s.brandEtag
        )
      }),
  },
  {
    label: 'save SEO project, article changed',
    run: (s) =>
      timed(async () => {
        s.projectEtag = await send(
          s.app,
          'seo-projects/p',
          seoProject('P', `${article}\n${s.version}`),
          s.projectEtag
        )
      }),
  },
  {
    label: `baseline: list the prefix metadata (${docs})`,
    run: (s) =>
      timed(async () => {
        let pageToken: string | undefined
        do {
          const page = await s.store.list(kindPrefix('default', 'brand-profiles'), {
            limit: 1000,
            pageToken,
          })
          pageToken = page.nextPageToken
        } while (pageToken)
      }),
  },
  {
    label: `list ${docs} documents (GET ?limit=50)`,
    run: (s) =>
      timed(async () => {
        const res = await s.app.request('/api/library/brand-profiles?limit=50')
        if (res.status !== 200) throw new Error(`list answered ${res.status}`)
        await res.arrayBuffer()
      }),
  },
]

const setups: Setup[] = []
for (const [name, store] of stores) setups.push(await setUp(name, store))

const times = new Map<string, number[]>()
for (let i = -1; i < runs; i++) {
  for (const setup of setups) {
    for (const scenario of scenarios) {
      const ms = await scenario.run(setup)
      // Run -1 is the warm-up (lazy imports, first connections).
      if (i >= 0) {
        const key = `${setup.name}|${scenario.label}`
        times.set(key, [...(times.get(key) ?? []), ms])
      }
    }
  }
}

printTimes({
  title: `saved work, ${runs} interleaved runs, ${docs} documents in the kind (ms)`,
  setups,
  scenarios,
  times,
  q: 0.9,
  labelWidth: 42,
})

gcs.stop()
rmSync(dataDir, { recursive: true, force: true })
