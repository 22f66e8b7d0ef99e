/**
 * The Files API of the fake (Developer API only; Vertex AI has none, it reads `gs://` objects),
 * following Google's resumable upload protocol as strictly as the service: a `start` request
 * (`X-Goog-Upload-Protocol: resumable`, the size and type in `X-Goog-Upload-Header-*`, the file's
 * metadata as JSON) answered with an upload URL on Google's host (the SDK sends the bytes to its
 * own base URL's host instead); then chunks at the offset received so far, every chunk but the
 * last a multiple of the 8 MiB granularity, `upload, finalize` on the last, whose total must be
 * the size declared. The file is `PROCESSING` for the polls its script says, then `ACTIVE` (or
 * `FAILED`); `generateContent` refuses a `fileData` whose file is unknown or not `ACTIVE`, as
 * the service does, and Vertex AI refuses Files API URIs and `gs://` objects that do not exist.
 */
import { type GoogleError, googleErrorResponse, invalid } from './errors'
import type { RecordedRequest } from './types'

export const UPLOAD_GRANULARITY = 8 * 1024 * 1024
const FILES_HOST = 'https://generativelanguage.googleapis.com'

export interface FileScript {
  /** `files.get` answers PROCESSING this many times before the outcome (default 1). */
  processingPolls?: number
  outcome?: 'ACTIVE' | 'FAILED'
}

export interface FakeFile {
  id: string
  displayName?: string
  mimeType: string
  declaredSize: number
  bytes: Uint8Array
  received: number
  finalized: boolean
  polls: number
  deleted: boolean
  script: Required<FileScript>
  createTime: string
}

export interface FakeFiles {
  readonly files: Map<string, FakeFile>
  /** Scripts of the next uploads, in order (default: one PROCESSING poll, then ACTIVE). */
  script(...scripts: FileScript[]): void
  reset(): void
}

const UPLOAD_START = /^\/upload\/(v1|v1beta)\/files$/
const FILE = /^\/(v1|v1beta)\/files\/([a-z0-9-]+)$/

export function createFakeFiles(): FakeFiles & {
  route(method: string, path: string, query: URLSearchParams): string | undefined
  handle(req: RecordedRequest, rawBody: Uint8Array): Response
  checkFileParts(req: RecordedRequest, objects?: Map<string, unknown>): GoogleError | undefined
} {
  const files = new Map<string, FakeFile>()
  let scripts: FileScript[] = []

  const resource = (f: FakeFile) => {
    const state = !f.finalized
      ? 'STATE_UNSPECIFIED'
      : f.polls <= f.script.processingPolls
        ? 'PROCESSING'
        : f.script.outcome
    return {
      name: `files/${f.id}`,
      ...(f.displayName ? { displayName: f.displayName } : {}),
      mimeType: f.mimeType,
      sizeBytes: String(f.declaredSize),
      createTime: f.createTime,
      updateTime: f.createTime,
      expirationTime: new Date(Date.parse(f.createTime) + 48 * 3600_000).toISOString(),
      sha256Hash: Buffer.from(
        new Bun.CryptoHasher('sha256').update(f.bytes).digest('hex')
      ).toString('base64'),
      uri: `${FILES_HOST}/v1beta/files/${f.id}`,
      state,
      source: 'UPLOADED',
      ...(state === 'ACTIVE' && f.mimeType.startsWith('video/')
        ? { videoMetadata: { videoDuration: '8s' } }
        : {}),
      ...(state === 'FAILED'
        ? { error: { code: 3, message: 'The video could not be processed.' } }
        : {}),
    }
  }

  const notFound = (id: string) =>
    googleErrorResponse({
      status: 403,
      message: `You do not have permission to access the File ${id} or it may not exist.`,
    })

  function start(req: RecordedRequest): Response {
    const h = req.headers
    if (h['x-goog-upload-protocol'] !== 'resumable' || h['x-goog-upload-command'] !== 'start') {
      return googleErrorResponse(
        invalid('Upload requests must use the resumable protocol with a start command.')
      )
    }
    const size = Number(h['x-goog-upload-header-content-length'])
    const type = h['x-goog-upload-header-content-type']
    if (!Number.isInteger(size) || size <= 0) {
      return googleErrorResponse(
        invalid('X-Goog-Upload-Header-Content-Length must be a positive integer.')
      )
    }
    const meta = req.body?.file ?? {}
    const mimeType = meta.mimeType ?? type
    if (!mimeType) return googleErrorResponse(invalid('The file has no MIME type.'))
    if (meta.sizeBytes !== undefined && Number(meta.sizeBytes) !== size) {
      return googleErrorResponse(invalid('file.sizeBytes does not match the declared upload size.'))
    }
    if (typeof meta.displayName === 'string' && meta.displayName.length > 512) {
      return googleErrorResponse(invalid('file.displayName is longer than 512 characters.'))
    }
    const id = crypto.randomUUID().replaceAll('-', '').slice(0, 12)
    const script = scripts.shift() ?? {}
    files.set(id, {
      id,
      mimeType,
      ...(meta.displayName ? { displayName: meta.displayName } : {}),
      declaredSize: size,
      bytes: new Uint8Array(size),
      received: 0,
      finalized: false,
      polls: 0,
      deleted: false,
      script: { processingPolls: script.processingPolls ?? 1, outcome: script.outcome ?? 'ACTIVE' },
      createTime: new Date().toISOString(),
    })
    return new Response(null, {
      headers: {
        'X-Goog-Upload-URL': `${FILES_HOST}/upload/v1beta/files?upload_id=${id}&upload_protocol=resumable`,
        'X-Goog-Upload-Status': 'active',
        'X-Goog-Upload-Chunk-Granularity': String(UPLOAD_GRANULARITY),
      },
    })
  }

  function chunk(req: RecordedRequest, body: Uint8Array): Response {
    const file = files.get(req.query.get('upload_id') ?? '')
    if (!file || file.finalized)
      return googleErrorResponse({ status: 404, message: 'Upload not found.' })
    const commands = (req.headers['x-goog-upload-command'] ?? '').split(',').map((c) => c.trim())
    const offset = Number(req.headers['x-goog-upload-offset'])
    if (!commands.includes('upload') && !commands.includes('finalize')) {
      return googleErrorResponse(invalid('X-Goog-Upload-Command must be upload and/or finalize.'))
    }
    if (offset !== file.received) {
      return googleErrorResponse(
        invalid(`Invalid upload offset ${offset}; ${file.received} bytes were received.`)
      )
    }
    const finalize = commands.includes('finalize')
    if (!finalize && body.byteLength % UPLOAD_GRANULARITY !== 0) {
      return googleErrorResponse(
        invalid('A chunk that does not finalize must be a multiple of the upload granularity.')
      )
    }
    if (file.received + body.byteLength > file.declaredSize) {
      return googleErrorResponse(invalid('More bytes were sent than the declared upload size.'))
    }
    file.bytes.set(body, file.received)
    file.received += body.byteLength
    if (!finalize) return new Response(null, { headers: { 'X-Goog-Upload-Status': 'active' } })
    if (file.received !== file.declaredSize) {
      return googleErrorResponse(
        invalid('The upload was finalized before all declared bytes were sent.')
      )
    }
    file.finalized = true
    return Response.json({ file: resource(file) }, { headers: { 'X-Goog-Upload-Status': 'final' } })
  }

  return {
    files,
    script: (...next) => {
      scripts.push(...next)
    },
    reset: () => {
      files.clear()
      scripts = []
    },
    route(method, path, query) {
      if (method === 'POST' && UPLOAD_START.test(path))
        return query.has('upload_id') ? 'uploadFileChunk' : 'uploadFileStart'
      const m = FILE.exec(path)
      if (!m) return undefined
      if (method === 'GET') return 'getFile'
      if (method === 'DELETE') return 'deleteFile'
      return undefined
    },
    handle(req, rawBody) {
      if (req.action === 'uploadFileStart') return start(req)
      if (req.action === 'uploadFileChunk') return chunk(req, rawBody)
      const id = FILE.exec(req.path)?.[2] ?? ''
      const file = files.get(id)
      if (!file || file.deleted || !file.finalized) return notFound(id)
      if (req.action === 'deleteFile') {
        file.deleted = true
        return Response.json({})
      }
      file.polls++
      return Response.json(resource(file))
    },
    checkFileParts(req, objects) {
      const contents: any[] = Array.isArray(req.body?.contents) ? req.body.contents : []
      for (const part of contents.flatMap((c) => (Array.isArray(c?.parts) ? c.parts : []))) {
        const data = part?.fileData
        if (!data) continue
        const uri = String(data.fileUri ?? '')
        if (req.backend === 'vertex') {
          if (!data.mimeType) return invalid('fileData.mimeType is required.')
          const gcs = /^gs:\/\/([^/]+)\/(.+)$/.exec(uri)
          if (!gcs) return invalid(`Unsupported file URI: ${uri}. Use a gs:// URI.`)
          if (objects && !objects.has(`${gcs[1]}/${gcs[2]}`)) {
            return invalid(`Cannot fetch content from the provided URI: ${uri} was not found.`)
          }
          continue
        }
        const m =
          /^https:\/\/generativelanguage\.googleapis\.com\/(v1|v1beta)\/files\/([a-z0-9-]+)$/.exec(
            uri
          )
        if (!m) return invalid(`Invalid or unsupported file uri: ${uri}`)
        const file = files.get(m[2] ?? '')
        if (!file || file.deleted) {
          return {
            status: 403,
            message: `You do not have permission to access the File ${m[2]} or it may not exist.`,
          }
        }
        const state = resource(file).state
        if (state !== 'ACTIVE') {
          return invalid(`The File ${file.id} is not in an ACTIVE state and usage is not allowed.`)
        }
      }
      return undefined
    },
  }
}
