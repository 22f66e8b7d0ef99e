/**
 * The Interactions API of the fake (both backends): create (validated like the real service),
 * get, cancel and delete of background interactions, and the Developer API's file download
 * that a `delivery: 'uri'` video points at, which answers only with the key in the
 * `x-goog-api-key` header (the real service also takes `?key=`, which this app must never use).
 * A finished video is in `steps[].content[]` as `{ type: 'video', data | uri, mime_type }`.
 */
import { googleErrorResponse, NO_API_KEY } from './errors'
import type { RecordedRequest } from './types'
import { advance, type FakeVideoJob, type VideoJobs } from './video-jobs'
import { checkInteraction } from './video-rules'

export interface VideoWorld {
  jobs: VideoJobs
  /** The fake's own URL (links it hands out point back at it). */
  url: string
  /** The bucket store outputs are written to (`gs://` URIs), when a test connected one. */
  storage?: {
    write(bucket: string, name: string, bytes: Uint8Array, contentType: string): void
    /** Objects by `bucket/name` (Vertex AI reads `gs://` file parts from them). */
    objects?: Map<string, unknown>
  }
}

const INTERACTIONS =
  /^\/(v1|v1beta|v1beta1)(?:\/projects\/([^/]+)\/locations\/([^/]+))?\/interactions(?:\/([^/:]+)(\/cancel)?)?$/
const FILE_DOWNLOAD = /^\/(v1|v1beta)\/files\/([^/:]+):download$/

/** The action name a request is recorded under, for interaction and file paths. */
export function interactionRoute(method: string, path: string) {
  const file = FILE_DOWNLOAD.exec(path)
  if (file && method === 'GET') return { action: 'downloadFile', id: file[2] }
  const m = INTERACTIONS.exec(path)
  if (!m) return undefined
  const [, , project, location, id, cancel] = m
  const action = !id
    ? method === 'POST'
      ? 'createInteraction'
      : undefined
    : cancel
      ? 'cancelInteraction'
      : method === 'DELETE'
        ? 'deleteInteraction'
        : 'getInteraction'
  return action ? { action, id, project, location } : undefined
}

export async function handleInteraction(
  req: RecordedRequest,
  world: VideoWorld,
  id?: string
): Promise<Response> {
  switch (req.action) {
    case 'downloadFile': {
      if (!req.headers['x-goog-api-key']) return googleErrorResponse(NO_API_KEY)
      const bytes = world.jobs.files.get(id ?? '')
      if (!bytes) return googleErrorResponse({ status: 404, message: 'File not found.' })
      return new Response(Buffer.from(bytes), { headers: { 'Content-Type': 'video/mp4' } })
    }
    case 'createInteraction': {
      if (req.backend === 'vertex' && req.location !== 'global') {
        return googleErrorResponse({
          status: 404,
          message: `Model ${req.body?.model} is not served in ${req.location}.`,
        })
      }
      const refusal = checkInteraction(req.body, req.backend, (prev) => {
        const job = world.jobs.find(prev)
        return Boolean(job && job.kind === 'interaction' && job.backend === req.backend)
      })
      if (refusal) return googleErrorResponse(refusal)
      const job = world.jobs.start({
        kind: 'interaction',
        id: `int-${crypto.randomUUID()}`,
        backend: req.backend,
        model: req.body.model,
        body: req.body,
      })
      if (job.script.startDelayMs) await Bun.sleep(job.script.startDelayMs)
      return Response.json(interactionJson(job, 'in_progress', world))
    }
  }
  const job = world.jobs.find(id ?? '')
  if (job?.kind !== 'interaction' || job.backend !== req.backend) {
    return googleErrorResponse({ status: 404, message: `Interaction ${id} not found.` })
  }
  if (req.action === 'deleteInteraction') {
    job.deleted = true
    return Response.json({})
  }
  if (req.action === 'cancelInteraction') {
    if (job.cancelled || (job.polls > job.script.polls && job.script.outcome !== 'never')) {
      return googleErrorResponse({
        status: 400,
        message: 'The interaction is not in progress.',
        googleStatus: 'FAILED_PRECONDITION',
      })
    }
    job.cancelled = true
    return Response.json(interactionJson(job, 'cancelled', world))
  }
  const state = advance(job)
  return Response.json(interactionJson(job, state, world))
}

function interactionJson(job: FakeVideoJob, state: string, world: VideoWorld) {
  const base = {
    id: job.id,
    model: job.model,
    object: 'interaction',
    created: new Date().toISOString(),
  }
  if (state === 'running' || state === 'in_progress')
    return { ...base, status: 'in_progress', steps: [] }
  if (state === 'cancelled') return { ...base, status: 'cancelled', steps: [] }
  if (state === 'fail') {
    return {
      ...base,
      status: 'failed',
      steps: [],
      errors: [{ code: 13, message: 'Internal error while generating the video.' }],
    }
  }
  if (state === 'empty' || state === 'filtered') {
    const text = 'I cannot create this video.'
    return {
      ...base,
      status: 'completed',
      steps: [{ type: 'model_output', content: [{ type: 'text', text }] }],
    }
  }
  return {
    ...base,
    status: 'completed',
    steps: [{ type: 'model_output', content: [videoContent(job, world)] }],
  }
}

function videoContent(job: FakeVideoJob, world: VideoWorld) {
  const format = [job.body.response_format].flat().find((f: any) => f?.type === 'video') ?? {}
  if (format.delivery !== 'uri') {
    return {
      type: 'video',
      data: Buffer.from(job.video).toString('base64'),
      mime_type: 'video/mp4',
    }
  }
  if (!job.outputUri) {
    if (job.backend === 'developer') {
      const fileId = crypto.randomUUID().replaceAll('-', '')
      world.jobs.files.set(fileId, job.video)
      job.outputUri = `${world.url}/v1beta/files/${fileId}:download?alt=media`
    } else {
      job.outputUri = writeToBucket(world, `${format.gcs_uri}`, job.video)
    }
  }
  return { type: 'video', uri: job.outputUri, mime_type: 'video/mp4' }
}

/** Writes `bytes` under a `gs://bucket/folder/` prefix as the service does; the object's URI. */
export function writeToBucket(world: VideoWorld, prefix: string, bytes: Uint8Array): string {
  const match = /^gs:\/\/([^/]+)\/?(.*)$/.exec(prefix)
  if (!match || !world.storage)
    throw new Error('fake Gemini: no bucket connected for a gs:// output')
  const [, bucket = '', folder = ''] = match
  const name = `${folder.replace(/\/?$/, '/')}${Date.now()}/sample_0.mp4`.replace(/^\//, '')
  world.storage.write(bucket, name, bytes, 'video/mp4')
  return `gs://${bucket}/${name}`
}
