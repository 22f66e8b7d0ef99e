/**
 * The wire shapes of the fake Cloud Storage JSON API (`fake-gcs.ts`): object resources with real
 * MD5 and CRC32C, `alt=media` answers with ranges, Google's JSON errors (including the 412 of a
 * failed precondition), and the multipart bodies uploads arrive in.
 */
import { CRC32C } from '@google-cloud/storage'

export interface StoredObject {
  bytes: Uint8Array
  md5Hash: string
  crc32c: string
  contentType: string
  metadata: Record<string, string>
  generation: number
  updated: string
}

export function hashes(bytes: Uint8Array) {
  const crc = new CRC32C()
  crc.update(Buffer.from(bytes))
  return {
    md5Hash: new Bun.CryptoHasher('md5').update(bytes).digest('base64'),
    crc32c: crc.toString(),
  }
}

export function resource(url: URL, bucket: string, name: string, o: StoredObject) {
  const encoded = encodeURIComponent(name)
  return {
    kind: 'storage#object',
    id: `${bucket}/${name}/${o.generation}`,
    selfLink: `${url.origin}/storage/v1/b/${bucket}/o/${encoded}`,
    mediaLink: `${url.origin}/download/storage/v1/b/${bucket}/o/${encoded}?generation=${o.generation}&alt=media`,
    name,
    bucket,
    generation: String(o.generation),
    metageneration: '1',
    contentType: o.contentType,
    storageClass: 'STANDARD',
    size: String(o.bytes.byteLength),
    md5Hash: o.md5Hash,
    crc32c: o.crc32c,
    etag: `C${o.generation}=`,
    timeCreated: o.updated,
    updated: o.updated,
    metadata: o.metadata,
  }
}

export function download(o: StoredObject, rangeHeader: string | null): Response {
  const size = o.bytes.byteLength
  const { md5Hash, crc32c } = o
  const headers: Record<string, string> = {
    'Content-Type': o.contentType,
    'x-goog-generation': String(o.generation),
    'x-goog-stored-content-encoding': 'identity',
    'x-goog-hash': `crc32c=${crc32c},md5=${md5Hash}`,
  }
  const m = rangeHeader ? /^bytes=(\d*)-(\d*)$/.exec(rangeHeader) : null
  if (!m || (m[1] === '' && m[2] === '')) return new Response(Buffer.from(o.bytes), { headers })
  const suffix = m[1] === ''
  const start = suffix
    ? Number(m[2]) === 0
      ? size
      : Math.max(0, size - Number(m[2]))
    : Number(m[1])
  const end = suffix || m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1)
  if (start >= size || end < start) {
    return googleError(416, 'The requested range cannot be satisfied.', {
      'Content-Range': `bytes */${size}`,
    })
  }
  // A ranged answer carries no whole-object hash the client could check against.
  const { 'x-goog-hash': _, ...rangeHeaders } = headers
  return new Response(Buffer.from(o.bytes.subarray(start, end + 1)), {
    status: 206,
    headers: { ...rangeHeaders, 'Content-Range': `bytes ${start}-${end}/${size}` },
  })
}

/** `ifGenerationMatch` holds: absent, `0` with no live object, or the live generation. */
export function holds(wanted: string | null, current: StoredObject | undefined): boolean {
  return wanted === null || wanted === String(current?.generation ?? 0)
}

export const PRECONDITION_MESSAGE = 'At least one of the pre-conditions you specified did not hold.'

/** Cloud Storage's answer to a failed `ifGenerationMatch`, as the JSON API sends it. */
export function conditionNotMet() {
  return Response.json(
    {
      error: {
        code: 412,
        message: PRECONDITION_MESSAGE,
        errors: [
          {
            domain: 'global',
            reason: 'conditionNotMet',
            message: PRECONDITION_MESSAGE,
            locationType: 'header',
            location: 'If-Match',
          },
        ],
      },
    },
    { status: 412 }
  )
}

export function googleError(code: number, message: string, headers: Record<string, string> = {}) {
  const reason = code === 404 ? 'notFound' : code === 503 ? 'backendError' : 'invalid'
  return Response.json(
    { error: { code, message, errors: [{ message, domain: 'global', reason }] } },
    { status: code, headers }
  )
}

/** Splits a `multipart/related` body into its parts (headers + bytes). */
export function parseMultipart(body: Uint8Array, contentType: string) {
  const boundary = /boundary="?([^";]+)"?/.exec(contentType)?.[1]
  if (!boundary) return []
  const buf = Buffer.from(body)
  const delimiter = Buffer.from(`--${boundary}`)
  const parts: { contentType?: string; body: Uint8Array }[] = []
  let at = buf.indexOf(delimiter)
  while (at >= 0) {
    const start = at + delimiter.length
    if (buf.subarray(start, start + 2).toString() === '--') break
    const next = buf.indexOf(delimiter, start)
    if (next < 0) break
    const part = buf.subarray(start, next)
    const split = part.indexOf('\r\n\r\n')
    const head = part.subarray(0, split).toString()
    // The part ends with the CRLF that precedes the next delimiter.
    const content = part.subarray(split + 4, part.length - 2)
    parts.push({
      contentType: /content-type:\s*([^\r\n]+)/i.exec(head)?.[1]?.trim(),
      body: new Uint8Array(content),
    })
    at = next
  }
  return parts
}

export function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0))
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.byteLength
  }
  return out
}
