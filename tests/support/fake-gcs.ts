/**
 * A fake Cloud Storage JSON API on loopback, speaking the subset `@google-cloud/storage` uses:
 * multipart and resumable uploads (single or chunked, with `Content-Range`), object metadata,
 * `alt=media` downloads with `Range`, listing by prefix with page tokens, and DELETE. Uploads
 * answer with real base64 `md5Hash` and `crc32c` (the library deletes the object and throws on
 * a mismatch); errors use Google's JSON error shape. Preconditions are enforced as Cloud Storage
 * does: `ifGenerationMatch` on uploads (a resumable one when it completes), metadata and media
 * reads and DELETE fails with 412 `conditionNotMet` (`0`: only if there is no live object), and a
 * read pinned with `generation` that is no longer live is a 404. Every request is recorded, and
 * faults can be injected (e.g. one 503, before or after the request took effect) so tests can
 * say what the store does when the service misbehaves.
 *
 * @example
 * const gcs = await startFakeGcs()
 * const store = createGcsStore({ bucket: 'media', endpoint: gcs.url, log })
 * gcs.fail({ status: 503, when: (r) => r.kind === 'media' })
 * ...
 * gcs.stop()
 */
import {
  concat,
  conditionNotMet,
  download,
  googleError,
  hashes,
  holds,
  parseMultipart,
  resource,
  type StoredObject,
} from './fake-gcs-wire'

export type { StoredObject } from './fake-gcs-wire'

export type RequestKind =
  | 'upload-multipart'
  | 'upload-resumable-start'
  | 'upload-resumable-chunk'
  | 'metadata'
  | 'media'
  | 'list'
  | 'delete'
  | 'other'

export interface RecordedGcsRequest {
  method: string
  path: string
  query: URLSearchParams
  headers: Record<string, string>
  kind: RequestKind
  bucket?: string
  /** Object name, decoded. */
  object?: string
  bodyBytes: number
}

export interface Fault {
  status: number
  message?: string
  /** Only requests this accepts fail; every request by default. */
  when?: (request: RecordedGcsRequest) => boolean
  /** How many matching requests fail (default 1). */
  times?: number
  /**
   * The request takes effect and only its answer is the fault: what a client sees when the
   * connection fails after the service committed the write.
   */
  afterCommit?: boolean
}

export interface FakeGcs {
  readonly url: string
  readonly requests: RecordedGcsRequest[]
  /** Objects by `bucket/name`. */
  readonly objects: Map<string, StoredObject>
  fail(...faults: Fault[]): void
  /** Writes an object as another Google service would (Veo writing its output to the bucket). */
  write(bucket: string, name: string, bytes: Uint8Array, contentType: string): void
  calls(kind?: RequestKind): RecordedGcsRequest[]
  reset(): void
  stop(): void
}

interface Session {
  bucket: string
  name: string
  /** `ifGenerationMatch` from the session start, checked when the upload completes. */
  ifGenerationMatch: string | null
  contentType: string
  metadata: Record<string, string>
  chunks: Uint8Array[]
  received: number
  done?: StoredObject
}

const OBJECT_PATH = /^\/storage\/v1\/b\/([^/]+)\/o\/(.+)$/
const LIST_PATH = /^\/storage\/v1\/b\/([^/]+)\/o$/
const UPLOAD_PATH = /^\/upload\/storage\/v1\/b\/([^/]+)\/o$/

export interface FakeGcsOptions {
  /** The buckets that exist; any bucket name is accepted when absent. */
  buckets?: string[]
}

export async function startFakeGcs(options: FakeGcsOptions = {}): Promise<FakeGcs> {
  const requests: RecordedGcsRequest[] = []
  const objects = new Map<string, StoredObject>()
  const sessions = new Map<string, Session>()
  let faults: (Fault & { left: number })[] = []
  let generation = 1_000

  const server = Bun.serve({
    port: 0,
    hostname: '127.0.0.1',
    idleTimeout: 0,
    async fetch(req) {
      const url = new URL(req.url)
      const body = new Uint8Array(await req.arrayBuffer())
      const recorded = describe(req, url, body.byteLength)
      requests.push(recorded)

      const fault = faults.find((f) => f.left > 0 && (!f.when || f.when(recorded)))
      if (fault) fault.left--
      if (fault && !fault.afterCommit)
        return googleError(fault.status, fault.message ?? 'Injected fault')
      const answer = await handle(req, url, body, recorded)
      return fault ? googleError(fault.status, fault.message ?? 'Injected fault') : answer
    },
  })

  async function handle(
    req: Request,
    url: URL,
    body: Uint8Array,
    recorded: RecordedGcsRequest
  ): Promise<Response> {
    const store = (
      bucket: string,
      name: string,
      o: Omit<StoredObject, 'generation' | 'md5Hash' | 'crc32c'>
    ) => {
      const object = { ...o, ...hashes(o.bytes), generation: ++generation }
      objects.set(`${bucket}/${name}`, object)
      return object
    }
    const { bucket, object: name } = recorded
    if (bucket && options.buckets && !options.buckets.includes(bucket))
      return googleError(404, 'The specified bucket does not exist.')

    const wanted = url.searchParams.get('ifGenerationMatch')
    if (wanted !== null && !/^\d+$/.test(wanted)) {
      return googleError(400, `Invalid argument: ifGenerationMatch=${wanted}`)
    }
    switch (recorded.kind) {
      case 'upload-multipart': {
        const parts = parseMultipart(body, req.headers.get('content-type') ?? '')
        const meta = JSON.parse(new TextDecoder().decode(parts[0]?.body)) as ObjectMeta
        const media = parts[1]
        if (!bucket || !media) return googleError(400, 'Malformed multipart body')
        const objectName = meta.name ?? url.searchParams.get('name') ?? ''
        if (!holds(wanted, objects.get(`${bucket}/${objectName}`))) return conditionNotMet()
        const saved = store(bucket, objectName, {
          bytes: media.body,
          contentType: meta.contentType ?? media.contentType ?? 'application/octet-stream',
          metadata: meta.metadata ?? {},
          updated: new Date().toISOString(),
        })
        return Response.json(resource(url, bucket, objectName, saved))
      }
      case 'upload-resumable-start': {
        const meta = (
          body.byteLength ? JSON.parse(new TextDecoder().decode(body)) : {}
        ) as ObjectMeta
        const id = crypto.randomUUID()
        sessions.set(id, {
          bucket: bucket ?? '',
          name: meta.name ?? url.searchParams.get('name') ?? '',
          contentType:
            meta.contentType ??
            req.headers.get('x-upload-content-type') ??
            'application/octet-stream',
          metadata: meta.metadata ?? {},
          ifGenerationMatch: wanted,
          chunks: [],
          received: 0,
        })
        const location = `${url.origin}${url.pathname}?uploadType=resumable&upload_id=${id}`
        return new Response(null, { status: 200, headers: { Location: location } })
      }
      case 'upload-resumable-chunk': {
        const session = sessions.get(url.searchParams.get('upload_id') ?? '')
        if (!session) return googleError(404, 'No such upload session')
        if (session.done)
          return Response.json(resource(url, session.bucket, session.name, session.done))
        // `bytes a-b/total`, `bytes a-*/total` (one request with everything), `bytes */total` (status).
        const range = /^bytes (\*|(\d+)-(\d+|\*))\/(\d+|\*)$/.exec(
          req.headers.get('content-range') ?? ''
        )
        if (range?.[2] !== undefined && Number(range[2]) !== session.received)
          return googleError(400, 'Chunk does not start at the persisted offset')
        if (body.byteLength) {
          session.chunks.push(body)
          session.received += body.byteLength
        }
        const total = range?.[4]
        const finished =
          (total !== undefined && total !== '*' && Number(total) === session.received) ||
          (range?.[3] === '*' && body.byteLength > 0) ||
          !range
        if (!finished) {
          const headers: Record<string, string> = session.received
            ? { Range: `bytes=0-${session.received - 1}` }
            : {}
          return new Response(null, { status: 308, headers })
        }
        if (!holds(session.ifGenerationMatch, objects.get(`${session.bucket}/${session.name}`)))
          return conditionNotMet()
        session.done = store(session.bucket, session.name, {
          bytes: concat(session.chunks),
          contentType: session.contentType,
          metadata: session.metadata,
          updated: new Date().toISOString(),
        })
        return Response.json(resource(url, session.bucket, session.name, session.done))
      }
      case 'metadata':
      case 'media':
      case 'delete': {
        const key = `${bucket}/${name}`
        const found = objects.get(key)
        const pinned = url.searchParams.get('generation')
        // Without object versioning only the live generation exists.
        if (!found || (pinned !== null && pinned !== String(found.generation)))
          return googleError(404, `No such object: ${key}`)
        if (!holds(wanted, found)) return conditionNotMet()
        if (recorded.kind === 'delete') {
          objects.delete(key)
          return new Response(null, { status: 204 })
        }
        if (recorded.kind === 'metadata')
          return Response.json(resource(url, bucket ?? '', name ?? '', found))
        return download(found, req.headers.get('range'))
      }
      case 'list': {
        const prefix = url.searchParams.get('prefix') ?? ''
        const max = Number(url.searchParams.get('maxResults') ?? 1000) || 1000
        const after = url.searchParams.get('pageToken')
        const names = [...objects.keys()]
          .filter((k) => k.startsWith(`${bucket}/`))
          .map((k) => k.slice((bucket ?? '').length + 1))
          .filter((n) => n.startsWith(prefix) && (!after || n > atob(after)))
          .sort()
        const page = names.slice(0, max)
        const last = page.at(-1)
        return Response.json({
          kind: 'storage#objects',
          items: page.map((n) => resource(url, bucket ?? '', n, objects.get(`${bucket}/${n}`)!)),
          ...(names.length > max && last ? { nextPageToken: btoa(last) } : {}),
        })
      }
      default:
        return googleError(404, `fake GCS: ${req.method} ${url.pathname} is not implemented`)
    }
  }

  return {
    url: `http://127.0.0.1:${server.port}`,
    requests,
    objects,
    fail: (...added) => {
      faults.push(...added.map((f) => ({ ...f, left: f.times ?? 1 })))
    },
    write: (bucket, name, bytes, contentType) => {
      objects.set(`${bucket}/${name}`, {
        bytes,
        contentType,
        metadata: {},
        updated: new Date().toISOString(),
        ...hashes(bytes),
        generation: ++generation,
      })
    },
    calls: (kind) => requests.filter((r) => !kind || r.kind === kind),
    reset: () => {
      requests.length = 0
      objects.clear()
      sessions.clear()
      faults = []
    },
    stop: () => server.stop(true),
  }
}

interface ObjectMeta {
  name?: string
  contentType?: string
  metadata?: Record<string, string>
}

function describe(req: Request, url: URL, bodyBytes: number): RecordedGcsRequest {
  const base = {
    method: req.method,
    path: url.pathname,
    query: url.searchParams,
    headers: Object.fromEntries(req.headers),
    bodyBytes,
  }
  const upload = UPLOAD_PATH.exec(url.pathname)
  if (upload) {
    const type = url.searchParams.get('uploadType')
    const kind: RequestKind =
      req.method === 'PUT' && url.searchParams.has('upload_id')
        ? 'upload-resumable-chunk'
        : type === 'resumable'
          ? 'upload-resumable-start'
          : type === 'multipart'
            ? 'upload-multipart'
            : 'other'
    return { ...base, kind, bucket: upload[1], object: url.searchParams.get('name') ?? undefined }
  }
  const object = OBJECT_PATH.exec(url.pathname)
  if (object) {
    const kind: RequestKind =
      req.method === 'DELETE'
        ? 'delete'
        : req.method !== 'GET'
          ? 'other'
          : url.searchParams.get('alt') === 'media'
            ? 'media'
            : 'metadata'
    return { ...base, kind, bucket: object[1], object: decodeURIComponent(object[2] ?? '') }
  }
  const list = LIST_PATH.exec(url.pathname)
  if (list && req.method === 'GET') return { ...base, kind: 'list', bucket: list[1] }
  return { ...base, kind: 'other' }
}
