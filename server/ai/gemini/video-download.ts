/**
 * @module ai/gemini/video-download
 * Fetches a video the Developer API delivered as a link. The key goes in the `x-goog-api-key`
 * header, never in the URL, and only to the API's own origin: a link elsewhere is refused, and
 * a redirect (to a signed storage URL) is followed without the key. The body is read with a
 * size cap and an idle budget, into one buffer when the length is known.
 */
import { errors } from '../../core/errors'
import { idleBudget } from '../deadline'
import { toAiError } from '../errors'
import { UpstreamHttpError } from '../upstream-fetch'
import type { DownloadedVideo, VideoOutput } from '../video-types'
import type { GeminiContext } from './client'

export const DEVELOPER_API_ORIGIN = 'https://generativelanguage.googleapis.com'
/** Larger than any clip the models make (a 15 s 4K clip is well under this). */
export const MAX_VIDEO_BYTES = 512 * 1024 * 1024

const refused = () =>
  errors.upstream('upstream_invalid', 'The video service sent a link this server does not fetch.')

export async function downloadVideo(
  ctx: GeminiContext,
  output: Extract<VideoOutput, { kind: 'link' }>,
  signal?: AbortSignal
): Promise<DownloadedVideo> {
  const trusted = new URL(ctx.ai.baseUrl ?? DEVELOPER_API_ORIGIN).origin
  let url: URL
  try {
    url = new URL(output.uri)
  } catch {
    throw refused()
  }
  if (url.origin !== trusted || !ctx.ai.apiKey) throw refused()
  const budget = idleBudget(ctx.ai.deadlines.idleMs, signal)
  try {
    let response = await fetch(url, {
      headers: { 'x-goog-api-key': ctx.ai.apiKey },
      redirect: 'manual',
      signal: budget.signal,
    })
    const location = response.headers.get('location')
    if (response.status >= 300 && response.status < 400 && location) {
      const next = new URL(location, url)
      if (next.protocol !== 'https:' && next.origin !== trusted) throw refused()
      response = await fetch(next, { redirect: 'manual', signal: budget.signal })
    }
    if (!response.ok) {
      throw new UpstreamHttpError(response.status, undefined, 'video download failed', undefined)
    }
    const mimeType = response.headers.get('content-type')?.split(';')[0]?.trim() || output.mimeType
    return { bytes: await readCapped(response, budget.touch), mimeType }
  } catch (error) {
    if (budget.timedOut()) throw errors.timeout('The video service', error)
    throw toAiError(error)
  } finally {
    budget.dispose()
  }
}

async function readCapped(response: Response, touch: () => void): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN)
  if (declared > MAX_VIDEO_BYTES) throw tooLarge()
  const reader = response.body?.getReader()
  if (!reader) return new Uint8Array()
  const chunks: Uint8Array[] = []
  // With a known length the bytes go straight into their final buffer (one copy in memory).
  const target = Number.isInteger(declared) && declared >= 0 ? new Uint8Array(declared) : undefined
  let received = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    touch()
    if (received + value.byteLength > (target?.byteLength ?? MAX_VIDEO_BYTES)) {
      await reader.cancel()
      throw tooLarge()
    }
    if (target) target.set(value, received)
    else chunks.push(value)
    received += value.byteLength
  }
  if (target) return received === target.byteLength ? target : target.subarray(0, received)
  return Buffer.concat(chunks)
}

const tooLarge = () =>
  errors.upstream(
    'upstream_invalid',
    'The video service sent a file larger than this server takes.'
  )
