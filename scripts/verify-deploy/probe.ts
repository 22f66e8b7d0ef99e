/**
 * @module scripts/verify-deploy/probe
 * The HTTP side of verify-deploy: one GET against the deployment with the caller's credentials
 * (a Cloud Run identity token as `Authorization: Bearer`, the app's API key as `X-Api-Key`, so
 * both fit in one request), a timeout, and the answer read whole and timed.
 */

export interface Target {
  /** Base URL without a trailing slash. */
  url: string
  /** The app's API key (`API_KEYS`), sent as `X-Api-Key`. */
  apiKey?: string
  /** A Google-signed identity token for a service behind Cloud Run IAM. */
  identityToken?: string
  timeoutMs: number
}

export interface Answer {
  status: number
  headers: Headers
  text: string
  ms: number
}

export interface ProbeOptions {
  accept?: string
  /** Sent as Accept-Encoding; the body is then read as it came, not decompressed. */
  encoding?: string
  /** Send the API key (default true when there is one). */
  apiKey?: boolean
  /** Send the identity token (default true when there is one). */
  identity?: boolean
}

export type Probe = (path: string, options?: ProbeOptions) => Promise<Answer>

export function createProbe(target: Target): Probe {
  return async function probe(path, options = {}) {
    const headers: Record<string, string> = { 'User-Agent': 'ais-verify-deploy' }
    if (options.accept) headers.Accept = options.accept
    if (options.encoding) headers['Accept-Encoding'] = options.encoding
    if (target.identityToken && options.identity !== false) {
      headers.Authorization = `Bearer ${target.identityToken}`
    }
    if (target.apiKey && options.apiKey !== false) headers['X-Api-Key'] = target.apiKey
    const started = performance.now()
    const response = await fetch(target.url + path, {
      headers,
      redirect: 'manual',
      signal: AbortSignal.timeout(target.timeoutMs),
      // Bun: keep Content-Encoding meaningful (the body is checked as it was sent).
      decompress: options.encoding === undefined,
    })
    const text = await response.text()
    return {
      status: response.status,
      headers: response.headers,
      text,
      ms: performance.now() - started,
    }
  }
}

/** The JSON body of an answer, or undefined when it is not JSON. */
export function jsonOf(answer: Answer): unknown {
  if (!/\bjson\b/i.test(answer.headers.get('Content-Type') ?? '')) return undefined
  try {
    return JSON.parse(answer.text)
  } catch {
    return undefined
  }
}

/** `{ error: { code } }`, the app's error envelope, or undefined. */
export function errorCodeOf(answer: Answer): string | undefined {
  const body = jsonOf(answer)
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined
  const error = (body as { error: unknown }).error
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined
  const code = (error as { code: unknown }).code
  return typeof code === 'string' ? code : undefined
}
