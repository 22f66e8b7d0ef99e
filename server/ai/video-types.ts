/**
 * @module ai/video-types
 * The gateway's contract for video jobs: start one (a paid generation, sent once and never
 * retried), ask how it is doing from the handle alone (so any instance can ask, also after a
 * restart), cancel it, and fetch a result the service delivered as a link. Two backends stand
 * behind it: Gemini Omni through the Interactions API (Developer API and Vertex AI) and Veo 3.1
 * long-running operations (Vertex AI).
 */
import type { VideoMode, VideoRatio, VideoResolution, VideoRole } from './models'
import type { VideoFailure } from './video-failures'

/** What the service gave back to find the job again, with the model id it runs on. */
export type VideoHandle =
  | { kind: 'interaction'; id: string; model: string }
  | { kind: 'operation'; name: string; model: string }

export interface VideoImage {
  /** Base64 bytes. */
  data: string
  mimeType: string
}

/** The finished video a job continues from (extend) or changes (edit). */
export type VideoSource =
  /** The interaction that made it: the service keeps it, so nothing is uploaded again. */
  | { kind: 'interaction'; id: string }
  | { kind: 'bytes'; data: string; mimeType: string }
  /** An object in our bucket the service can read (Vertex AI with Cloud Storage). */
  | { kind: 'gcs'; uri: string; mimeType: string }

export interface VideoStartRequest {
  role: VideoRole
  /** The id the job was planned (and priced, and recorded) with: exactly this model is asked. */
  modelId: string
  mode: VideoMode
  prompt: string
  aspectRatio: VideoRatio
  durationSeconds: number
  resolution: VideoResolution
  /** Generated sound on or off, for models where it can be switched (`audio: 'optional'`). */
  audio?: boolean
  negativePrompt?: string
  firstFrame?: VideoImage
  lastFrame?: VideoImage
  referenceImages?: readonly { image: VideoImage; type: 'asset' | 'style' }[]
  source?: VideoSource
  /** `gs://bucket/folder/` the service writes the result to (Veo with Cloud Storage). */
  outputGcsUri?: string
  signal?: AbortSignal
}

/** How a finished video reaches us. */
export type VideoOutput =
  | { kind: 'bytes'; bytes: Uint8Array; mimeType: string }
  /** A link of the Developer API, fetched with the key in a header (`downloadVideo`). */
  | { kind: 'link'; uri: string; mimeType: string }
  /** An object the service wrote to our bucket. */
  | { kind: 'gcs'; uri: string; mimeType: string }

export type VideoPoll =
  /** `progress`: percent done when the service says (0-100). */
  | { state: 'running'; progress?: number }
  | { state: 'succeeded'; output: VideoOutput }
  /** `code` and `message` are ours and safe to show; the service's own words are only logged. */
  | { state: 'failed'; code: VideoFailure; message: string }
  | { state: 'cancelled' }

export type { VideoFailure } from './video-failures'

export interface DownloadedVideo {
  bytes: Uint8Array
  mimeType: string
}

export interface VideoOperations {
  /**
   * Starts a paid generation: one request, no retry, whatever happens. A 404 takes the model out
   * of its role (`model(role)` names the successor), so the caller may plan the job anew.
   */
  startVideo(request: VideoStartRequest): Promise<VideoHandle>
  /** One look at the job (no retry: the next look is the retry). */
  pollVideo(handle: VideoHandle, signal?: AbortSignal): Promise<VideoPoll>
  /** Asks the service to stop the job; resolves when it accepted or the job is already over. */
  cancelVideo(handle: VideoHandle): Promise<void>
  /** Fetches a `link` output with the key in a header, never in the URL. */
  downloadVideo(
    output: Extract<VideoOutput, { kind: 'link' }>,
    signal?: AbortSignal
  ): Promise<DownloadedVideo>
}
