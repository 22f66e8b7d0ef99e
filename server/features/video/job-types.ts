/**
 * @module video/job-types
 * The video job record (`jobs/video/<workspace>/<id>.json`, the only state of a job) and the
 * view of it clients get. The record adds what only the server needs: the upstream handle, the
 * idempotency key's digest, the finishing lease and where the service wrote its output.
 */
import type { ModelApi, VideoMode, VideoRatio, VideoResolution, VideoRole } from '../../ai/models'
import type { PriceQuote } from '../../ai/video-prices'
import type { VideoHandle } from '../../ai/video-types'
import type { AiBackend } from '../../config'
import type { MediaRef } from '../../storage/media'
import type { VideoCheck } from '../brand-guard/check-video'
import type { JobFailureCode } from './failures'

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled'
export const TERMINAL: ReadonlySet<JobStatus> = new Set(['succeeded', 'failed', 'cancelled'])
export const isTerminal = (status: JobStatus) => TERMINAL.has(status)

export interface JobParams {
  aspectRatio: VideoRatio
  durationSeconds: number
  resolution: VideoResolution
  /** Generated sound (always true where the model cannot switch it off). */
  audio: boolean
  negativePrompt?: string
}

export interface JobInputs {
  firstFrame?: MediaRef
  lastFrame?: MediaRef
  referenceImages?: { media: MediaRef; type: 'asset' | 'style' }[]
  /** The job whose video this one extends or edits. */
  sourceJobId?: string
}

export interface JobProgress {
  /** 0-100. */
  percent: number
  /** True when it is our estimate from the elapsed time, not the service's figure. */
  estimated: boolean
}

/** Why a job ended without a video: a code the UI words (failures.ts), and its English text. */
export interface JobError {
  code: JobFailureCode
  message: string
}

export type Poster = MediaRef & { source: 'firstFrame' | 'upload' }

/** What a client sees of a job. */
export interface VideoJobView {
  id: string
  status: JobStatus
  mode: VideoMode
  prompt: string
  /** The model that makes it; `replaces`: the one planned first, which the service did not know. */
  model: { role: VideoRole; id: string; replaces?: string }
  backend: Exclude<AiBackend, 'none'>
  api: ModelApi
  params: JobParams
  inputs: JobInputs
  progress: JobProgress
  createdAt: string
  updatedAt: string
  startedAt?: string
  finishedAt?: string
  /** After this the job fails unless it finished. */
  deadlineAt: string
  video?: MediaRef
  poster?: Poster
  error?: JobError
  price?: PriceQuote
  /** The clip's last brand check (`POST /jobs/:id/brand-check`). */
  brandCheck?: VideoCheck
}

export interface VideoJobRecord extends Omit<VideoJobView, 'progress'> {
  /** The record's format, for later migrations. */
  version: 1
  workspace: string
  /** The service's job; absent until the start request answered. */
  upstream?: VideoHandle
  /** The last progress the service reported (estimates are computed on read). */
  reported?: number
  /** SHA-256 of the Idempotency-Key that created the job, to release it on delete. */
  idempotencyKey?: string
  /** One instance at a time stores the finished video; others wait for its record. */
  finishing?: { by: string; until: string }
  /** Store key prefix the service writes its output under (Veo with Cloud Storage). */
  outputPrefix?: string
  /** What the job holds of its workspace's budget (`job-spend`), to charge or release it. */
  reservation?: { day: string; micros: number }
}
