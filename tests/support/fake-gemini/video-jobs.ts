/**
 * The fake's video jobs: background interactions and Veo operations, each following a script a
 * test chose (finish after N polls with a video, fail, never finish, finish without a video, or
 * be filtered), and the finished files it serves. Jobs advance only when polled, as a test
 * needs them to; every job remembers the request that started it and whether it was cancelled.
 */

export type VideoOutcome = 'video' | 'fail' | 'never' | 'empty' | 'filtered'

export interface VideoScript {
  /** Polls answered "still running" before the outcome (default 1). */
  polls?: number
  outcome?: VideoOutcome
  /** The finished video's bytes (default: a small MP4 unique to the job). */
  video?: Uint8Array
  /** Percent done reported while running, one per poll (Veo operation metadata). */
  progress?: readonly number[]
  /** The start is answered this late (the job exists upstream meanwhile). */
  startDelayMs?: number
}

export interface FakeVideoJob {
  kind: 'interaction' | 'operation'
  /** Interaction id, or the operation's full name. */
  id: string
  backend: 'developer' | 'vertex'
  model: string
  body: any
  script: Required<Pick<VideoScript, 'polls' | 'outcome'>> & VideoScript
  polls: number
  cancelled: boolean
  deleted: boolean
  video: Uint8Array
  /** Where the finished video was written, when it went to a bucket or a file. */
  outputUri?: string
}

/** A few bytes that start like an MP4 (`ftyp` box) and differ per call. */
export function fakeMp4(size = 2048): Uint8Array {
  const bytes = new Uint8Array(size)
  crypto.getRandomValues(bytes)
  bytes.set([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x6d, 0x70, 0x34, 0x32], 0)
  return bytes
}

export interface VideoJobs {
  readonly jobs: FakeVideoJob[]
  /** Downloadable files (Developer API `uri` delivery), by file id. */
  readonly files: Map<string, Uint8Array>
  /** The scripts of the next jobs, in order; jobs beyond them follow the default script. */
  script(...scripts: VideoScript[]): void
  /** The script of jobs no queued script is left for, from the request (default: one poll). */
  defaultScript(script: (body: any) => VideoScript): void
  start(
    job: Omit<FakeVideoJob, 'script' | 'polls' | 'cancelled' | 'deleted' | 'video'>
  ): FakeVideoJob
  find(id: string): FakeVideoJob | undefined
  reset(): void
}

export function createVideoJobs(): VideoJobs {
  const jobs: FakeVideoJob[] = []
  const files = new Map<string, Uint8Array>()
  let scripts: VideoScript[] = []
  let fallback: (body: any) => VideoScript = () => ({})
  return {
    jobs,
    files,
    script: (...next) => {
      scripts.push(...next)
    },
    defaultScript: (script) => {
      fallback = script
    },
    start(job) {
      const script = scripts.shift() ?? fallback(job.body)
      const started: FakeVideoJob = {
        ...job,
        script: { polls: 1, outcome: 'video', ...script },
        polls: 0,
        cancelled: false,
        deleted: false,
        video: script.video ?? fakeMp4(),
      }
      jobs.push(started)
      return started
    },
    find: (id) => jobs.find((j) => j.id === id && !j.deleted),
    reset: () => {
      jobs.length = 0
      files.clear()
      scripts = []
      fallback = () => ({})
    },
  }
}

/** Where a job stands after one more poll: counts the poll, then compares with its script. */
export function advance(job: FakeVideoJob): 'running' | 'cancelled' | VideoOutcome {
  if (job.cancelled) return 'cancelled'
  job.polls++
  if (job.script.outcome === 'never' || job.polls <= job.script.polls) return 'running'
  return job.script.outcome
}

/** The progress a running job reports at its current poll, if its script has one. */
export const progressOf = (job: FakeVideoJob) =>
  job.script.progress?.[Math.min(job.polls, job.script.progress.length) - 1]
