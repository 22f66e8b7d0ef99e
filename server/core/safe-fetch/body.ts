/**
 * @module safe-fetch/body
 * Reading an answer within limits: the declared type must be one the caller accepts, and the
 * body is streamed and abandoned as soon as it passes the size cap (a declared
 * `Content-Length` above the cap is refused before reading anything).
 */
import { formatBytes } from '../errors'
import { FetchFailure } from './failures'
import { fetchReason } from './reasons'

/** `Text/HTML; charset=utf-8` -> `text/html`. */
export const baseContentType = (header: string | null) =>
  (header ?? '').split(';')[0]?.trim().toLowerCase() ?? ''

/**
 * True when `type` is in `accept`; entries ending in `/` accept a whole family (`image/`).
 */
export function acceptsType(accept: readonly string[], type: string): boolean {
  if (!type) return false
  return accept.some((a) => (a.endsWith('/') ? type.startsWith(a) : type === a))
}

export async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
  const tooLarge = () =>
    new FetchFailure('too_large', fetchReason('too_large', { size: formatBytes(maxBytes) }))
  const declared = Number(response.headers.get('content-length') ?? Number.NaN)
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => {})
    throw tooLarge()
  }
  if (!response.body) return new Uint8Array()
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > maxBytes) {
      await reader.cancel().catch(() => {})
      throw tooLarge()
    }
    chunks.push(value)
  }
  const out = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.byteLength
  }
  return out
}
