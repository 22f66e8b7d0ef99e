/**
 * The video tests' harness: the real app against the fake Gemini (Developer API or Vertex AI
 * with real ADC) and a store (local disk, or Cloud Storage through the fake JSON API), a clock
 * the test moves, sample inputs, and helpers for the job endpoints and their event streams.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Env } from '../../server/config'
import { buildTestApp, postJson } from '../support/app'
import type { FakeGcs } from '../support/fake-gcs'
import type { FakeGemini } from '../support/fake-gemini'

export type App = ReturnType<typeof buildTestApp>['app']

/** A 1x1 PNG. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64'
)
/** Another image (a different 1x1 PNG), where two distinct inputs are needed. */
export const PNG_2 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64'
)
export const image = (bytes: Uint8Array = PNG) => ({
  data: Buffer.from(bytes).toString('base64'),
  mimeType: 'image/png' as const,
})

export interface Clock {
  now: () => Date
  advance(ms: number): void
}

export function testClock(start = Date.now()): Clock {
  let at = start
  return {
    now: () => new Date(at),
    advance: (ms) => {
      at += ms
    },
  }
}

export interface VideoAppOptions {
  gemini: FakeGemini
  vertex?: boolean
  /** Cloud Storage through the fake (bucket `media`); local disk otherwise. */
  gcs?: FakeGcs
  /** Share a data folder between app instances (restarts, several instances). */
  dataDir?: string
  clock?: Clock
  env?: Env
}

export function videoApp(options: VideoAppOptions) {
  const clock = options.clock ?? testClock()
  const env: Env = {
    VIDEO_EVENTS_POLL_MS: '10',
    DATA_DIR: options.dataDir ?? mkdtempSync(join(tmpdir(), 'ais-video-')),
    ...(options.gcs ? { GCP_STORAGE_BUCKET_NAME: 'media', GCS_ENDPOINT: options.gcs.url } : {}),
    ...options.env,
  }
  const built = buildTestApp({
    gemini: options.gemini,
    vertex: options.vertex,
    env,
    deps: { clock: clock.now },
  })
  return { ...built, clock, dataDir: env.DATA_DIR as string }
}

export const createJob = (app: App, body: unknown, headers: Record<string, string> = {}) =>
  postJson(app, '/api/video/jobs', body, headers)

export const getJob = async (app: App, id: string, headers: Record<string, string> = {}) =>
  app.request(`/api/video/jobs/${id}`, { headers })

export const json = async (res: Response): Promise<any> => res.json()

/** Creates a job and returns its JSON (fails the test unless it was accepted). */
export async function started(app: App, body: unknown, headers: Record<string, string> = {}) {
  const res = await createJob(app, body, headers)
  if (res.status !== 202) throw new Error(`expected 202, got ${res.status}: ${await res.text()}`)
  return json(res)
}

/** GETs the job until it is over (at most `tries` times). */
export async function settled(
  app: App,
  id: string,
  tries = 10,
  headers: Record<string, string> = {}
) {
  for (let i = 0; i < tries; i++) {
    const job = await json(await getJob(app, id, headers))
    if (['succeeded', 'failed', 'cancelled'].includes(job.status)) return job
  }
  throw new Error(`job ${id} did not finish in ${tries} looks`)
}

export interface SseFrame {
  event: string
  id?: string
  data: any
}

/** Reads a whole event stream (it ends when the job is over). */
export async function readEvents(res: Response): Promise<SseFrame[]> {
  const text = await res.text()
  return text
    .split(/\n\n/)
    .map((block) => block.split('\n').filter((l) => l && !l.startsWith(':')))
    .filter((lines) => lines.length)
    .map((lines) => {
      const field = (name: string) =>
        lines
          .filter((l) => l.startsWith(`${name}:`))
          .map((l) => l.slice(name.length + 1).trimStart())
          .join('\n')
      return {
        event: field('event'),
        id: field('id') || undefined,
        data: JSON.parse(field('data')),
      }
    })
}

export const textJob = { mode: 'text', prompt: 'A lighthouse at dusk, slow dolly in' }
