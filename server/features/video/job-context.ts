/**
 * @module video/job-context
 * What the job functions get for one request: the gateway, the store, the log, the clock, the
 * workspace the request belongs to, the video settings, and the bucket when media live in
 * Cloud Storage (Veo then writes its output there).
 */
import type { Context } from 'hono'
import type { AiGateway } from '../../ai/types'
import type { VideoConfig } from '../../config'
import type { AppEnv } from '../../core/context'
import type { Logger } from '../../core/logger'
import type { BlobStore } from '../../storage/types'
import type { FeatureDeps } from '../context'
import type { Ledger } from '../usage/ledger'

export interface JobContext {
  ai: AiGateway
  store: BlobStore
  log: Logger
  clock: () => Date
  /** The workspace's spend: a job reserves its estimate and settles on what it delivered. */
  ledger: Pick<Ledger, 'reserve' | 'settle' | 'budget'>
  workspace: string
  video: VideoConfig
  /** The bucket media are stored in, when the store is Cloud Storage. */
  bucket?: string
  /** How long a job may wait for the answer to its start before it is given up. */
  startGraceMs: number
  /** The client went away (only reads and polls stop for it; a start never does). */
  signal?: AbortSignal
}

/** The least a start may take before it is given up; longer when starts may take longer. */
export const START_GRACE_MS = 2 * 60_000

export const jobContext = (deps: FeatureDeps, c: Context<AppEnv>): JobContext => ({
  ai: deps.ai,
  store: deps.store,
  log: c.get('log') ?? deps.log,
  clock: deps.clock,
  ledger: deps.ledger,
  workspace: c.get('workspace'),
  video: deps.config.video,
  // A start can take its whole budget: only after that is a job without a handle lost.
  startGraceMs: Math.max(START_GRACE_MS, deps.config.ai.deadlines.stepMs + 30_000),
  ...(deps.store.kind === 'gcs' && deps.config.storage.bucket
    ? { bucket: deps.config.storage.bucket }
    : {}),
  signal: c.get('signal') ?? c.req.raw.signal,
})
