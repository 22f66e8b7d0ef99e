/**
 * @module ai/upstream-fetch
 * The fetch the SDK uses. A non-2xx answer becomes an `UpstreamHttpError` carrying the status,
 * Google's error status and message, and the delay asked for by `Retry-After` or `RetryInfo`,
 * which the SDK's own `ApiError` drops.
 */

export class UpstreamHttpError extends Error {
  override name = 'UpstreamHttpError'
  constructor(
    readonly status: number,
    readonly googleStatus: string | undefined,
    readonly upstreamMessage: string,
    /** Seconds the service asked us to wait, if it said. */
    readonly retryAfterSeconds: number | undefined
  ) {
    super(`Upstream HTTP ${status}${googleStatus ? ` ${googleStatus}` : ''}: ${upstreamMessage}`)
  }
}

type FetchLike = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>

export const upstreamFetch =
  (base: FetchLike = fetch): FetchLike =>
  async (input, init) => {
    const response = await base(input, init)
    if (response.ok) return response
    const body = await response.text().catch(() => '')
    const parsed = parseGoogleError(body)
    throw new UpstreamHttpError(
      response.status,
      parsed.status,
      parsed.message ?? (body.slice(0, 300) || response.statusText),
      parseRetryAfter(response.headers.get('Retry-After')) ?? parsed.retryDelay
    )
  }

/** `Retry-After` as seconds (delta-seconds or an HTTP date). */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined
  if (/^\d+$/.test(value.trim())) return Number(value.trim())
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, (date - now) / 1000)
}

interface GoogleErrorBody {
  error?: {
    message?: string
    status?: string
    details?: { '@type'?: string; retryDelay?: string }[]
  }
}

function parseGoogleError(body: string): {
  message?: string
  status?: string
  retryDelay?: number
} {
  try {
    const json = JSON.parse(body) as GoogleErrorBody | GoogleErrorBody[]
    const error = (Array.isArray(json) ? json[0] : json)?.error
    const retryInfo = error?.details?.find((d) => d['@type']?.endsWith('google.rpc.RetryInfo'))
    const seconds = retryInfo?.retryDelay?.match(/^(\d+(?:\.\d+)?)s$/)?.[1]
    return {
      message: error?.message,
      status: error?.status,
      retryDelay: seconds ? Number(seconds) : undefined,
    }
  } catch {
    return {}
  }
}
