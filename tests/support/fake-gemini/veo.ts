/**
 * Veo 3.1 long-running operations of the fake (Vertex AI): `:predictLongRunning` validates the
 * body like the real service and answers `{ name }`; `:fetchPredictOperation` with
 * `{ operationName }` answers the operation as its script says (running with optional progress,
 * done with `response.videos[]` inline or, when `storageUri` was sent, as `gcsUri` written into
 * the connected bucket; an error; filtered; or nothing); `…/operations/ID:cancel` stops it.
 */
import { googleErrorResponse } from './errors'
import { type VideoWorld, writeToBucket } from './interactions'
import type { RecordedRequest } from './types'
import { advance, type FakeVideoJob, progressOf } from './video-jobs'
import { checkVeo } from './video-rules'

const CANCEL =
  /^\/v1beta1\/(projects\/[^/]+\/locations\/[^/]+\/publishers\/google\/models\/[^/]+\/operations\/[^/:]+):cancel$/

/** The operation name a cancel path names, if it is one. */
export const cancelTarget = (path: string) => CANCEL.exec(path)?.[1]

export function handleVeo(
  req: RecordedRequest,
  world: VideoWorld,
  cancelName?: string
): Response | undefined {
  if (cancelName !== undefined) {
    const job = world.jobs.find(cancelName)
    if (!job)
      return googleErrorResponse({ status: 404, message: `Operation ${cancelName} not found.` })
    if (job.cancelled || (job.polls > job.script.polls && job.script.outcome !== 'never')) {
      return googleErrorResponse({
        status: 400,
        message: 'The operation is already done.',
        googleStatus: 'FAILED_PRECONDITION',
      })
    }
    job.cancelled = true
    return Response.json({})
  }
  const resource = `projects/${req.project}/locations/${req.location}/publishers/google/models/${req.model}`
  if (req.action === 'predictLongRunning') {
    const refusal = checkVeo(req.body)
    if (refusal) return googleErrorResponse(refusal)
    const job = world.jobs.start({
      kind: 'operation',
      id: `${resource}/operations/${crypto.randomUUID()}`,
      backend: 'vertex',
      model: req.model ?? '',
      body: req.body,
    })
    return Response.json({ name: job.id })
  }
  if (req.action === 'fetchPredictOperation') {
    const name = req.body?.operationName
    const job = typeof name === 'string' ? world.jobs.find(name) : undefined
    if (!job?.id.startsWith(`${resource}/`)) {
      return googleErrorResponse({ status: 404, message: `Operation ${String(name)} not found.` })
    }
    return Response.json(operationJson(job, world))
  }
  return undefined
}

function operationJson(job: FakeVideoJob, world: VideoWorld) {
  const state = advance(job)
  if (state === 'running') {
    const progress = progressOf(job)
    return {
      name: job.id,
      done: false,
      ...(progress === undefined ? {} : { metadata: { progressPercent: progress } }),
    }
  }
  const done = { name: job.id, done: true }
  if (state === 'cancelled')
    return { ...done, error: { code: 1, message: 'Operation was cancelled.' } }
  if (state === 'fail')
    return { ...done, error: { code: 13, message: 'Internal error while generating the video.' } }
  const type = { '@type': 'type.googleapis.com/cloud.ai.large_models.vision.GenerateVideoResponse' }
  if (state === 'filtered') {
    return {
      ...done,
      response: {
        ...type,
        raiMediaFilteredCount: 1,
        raiMediaFilteredReasons: ['Filtered for safety.'],
      },
    }
  }
  if (state === 'empty') return { ...done, response: { ...type } }
  const storageUri = job.body?.parameters?.storageUri
  if (storageUri) {
    job.outputUri ??= writeToBucket(world, storageUri, job.video)
    return {
      ...done,
      response: { ...type, videos: [{ gcsUri: job.outputUri, mimeType: 'video/mp4' }] },
    }
  }
  return {
    ...done,
    response: {
      ...type,
      videos: [
        { bytesBase64Encoded: Buffer.from(job.video).toString('base64'), mimeType: 'video/mp4' },
      ],
    },
  }
}
