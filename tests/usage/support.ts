/**
 * The spend tests' harness: app instances (the real app, gateway and SDK against the fake
 * Gemini) over one store site (a local folder, or a bucket of the fake Cloud Storage, each
 * instance with its own store client and its own ledger), a clock the test moves, and helpers
 * for the usage report, text calls and MP4 files of a known length.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Env } from '../../server/config'
import { silentLogger } from '../../server/core/logger'
import { createGcsStore } from '../../server/storage/gcs-store'
import { createLocalStore } from '../../server/storage/local-store'
import type { BlobStore } from '../../server/storage/types'
import { buildTestApp, postJson } from '../support/app'
import type { FakeGcs } from '../support/fake-gcs'
import type { FakeGemini } from '../support/fake-gemini'
import { type Clock, testClock } from '../video/support'

export type App = ReturnType<typeof buildTestApp>['app']

/** Where the data lives: each call opens another client on it (another instance's). */
export type StoreSite = () => BlobStore

export const localSite = (): StoreSite => {
  const dir = mkdtempSync(join(tmpdir(), 'ais-usage-'))
  return () => createLocalStore(dir)
}

export const gcsSite = (gcs: FakeGcs) => (): StoreSite => {
  const bucket = `usage-${crypto.randomUUID().slice(0, 8)}`
  return () =>
    createGcsStore({ bucket, endpoint: gcs.url, log: silentLogger, retry: { minDelayMs: 5 } })
}

export interface Instance {
  app: App
  store: BlobStore
  deps: ReturnType<typeof buildTestApp>['deps']
  logLines: string[]
}

/** One app instance on the site, with its own store client and ledger. */
export function instance(
  site: StoreSite,
  gemini: FakeGemini,
  clock: Clock,
  env: Env = {}
): Instance {
  const store = site()
  const { app, deps, logLines } = buildTestApp({
    gemini,
    env: { VIDEO_EVENTS_POLL_MS: '10', ...env },
    deps: { store, clock: clock.now },
  })
  return { app, store, deps, logLines }
}

export const at = (iso: string) => testClock(Date.parse(iso))

export const auth = (key: string) => ({ Authorization: `Bearer ${key}` })

/** The usage report (fails the test unless it is a 200). */
export async function usage(app: App, headers: Record<string, string> = {}, query = '') {
  const res = await app.request(`/api/usage${query}`, { headers })
  if (res.status !== 200) throw new Error(`usage: ${res.status} ${await res.text()}`)
  return (await res.json()) as any
}

const brief = { mainKeyword: 'Espresso at home', targetLanguage: 'English', targetRegion: 'US' }
const profile = { globalInfo: { brand_name: 'Northwind' }, projects: [] }

/** One JSON step of the SEO studio (one model call on the text role). */
export const outline = (app: App, headers: Record<string, string> = {}) =>
  postJson(app, '/api/seo/generate-outline', { researchSummary: 'notes', brief, profile }, headers)

export const OUTLINE = { json: { outline: ['## Grinder', '## Water', '## Extraction'] } }

/** An MP4 whose movie header says it lasts `seconds` (and nothing else that plays). */
export function mp4Of(seconds: number, timescale = 1000): Uint8Array {
  const box = (type: string, body: Uint8Array) => {
    const out = new Uint8Array(8 + body.length)
    new DataView(out.buffer).setUint32(0, out.length)
    out.set(new TextEncoder().encode(type), 4)
    out.set(body, 8)
    return out
  }
  const mvhd = new Uint8Array(100)
  const view = new DataView(mvhd.buffer)
  view.setUint32(12, timescale)
  view.setUint32(16, Math.round(seconds * timescale))
  const ftyp = box('ftyp', new TextEncoder().encode('isom\0\0\0\0isommp42'))
  const moov = box('moov', box('mvhd', mvhd))
  const mdat = box('mdat', crypto.getRandomValues(new Uint8Array(512)))
  return new Uint8Array([...ftyp, ...moov, ...mdat])
}
