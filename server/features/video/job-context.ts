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

export interface JobContext {
  ai: AiGateway
  store: BlobStore
  log: Logger
  clock: () => Date
  workspace: string
  video: VideoConfig
  /** The bucket media are stored in, when the store is Cloud Storage. */
  bucket?: string
  /** The client went away (only reads and polls stop for it; a start never does). */
  signal?: AbortSignal
}

export const jobContext = (deps: FeatureDeps, c: Context<AppEnv>): JobContext => ({
  ai: deps.ai,
  store: deps.store,
  log: c.get('log') ?? deps.log,
  clock: deps.clock,
  workspace: c.get('workspace'),
  video: deps.config.video,
  ...(deps.store.kind === 'gcs' && deps.config.storage.bucket
    ? { bucket: deps.config.storage.bucket }
    : {}),
  signal: c.req.raw.signal,
})
