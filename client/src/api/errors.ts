/**
 * @module api/errors
 * `ApiError`: what the pages show when a call fails. Built from the server's error envelope
 * `{ error: { code, message, details }, requestId }`, or from a network failure or an answer that
 * is not an envelope (a proxy page, an empty body), so every failure has the same shape.
 */

/** What `fetch` and the hono client both answer with; all the error path reads. */
export interface ApiResponse<T = unknown> {
  ok: boolean
  status: number
  headers: Headers
  json(): Promise<T>
}

export interface FieldIssue {
  field: string
  message: string
  /** The rule broken, coded (server core/field-rules.ts): worded in the user's language. */
  rule?: { code: string; params?: Record<string, string | number> }
}

export class ApiError extends Error {
  override name = 'ApiError'
  /** HTTP status; 0 when the server could not be reached. */
  readonly status: number
  /** The server's error code, or `network` / `bad_response` for failures seen only here. */
  readonly code: string
  readonly requestId?: string
  readonly details?: unknown
  /** Seconds to wait before retrying (429, some 503), from the envelope or `Retry-After`. */
  readonly retryAfterSeconds?: number

  constructor(
    status: number,
    code: string,
    message: string,
    extra: {
      requestId?: string
      details?: unknown
      retryAfterSeconds?: number
      cause?: unknown
    } = {}
  ) {
    super(message, { cause: extra.cause })
    this.status = status
    this.code = code
    this.requestId = extra.requestId
    this.details = extra.details
    this.retryAfterSeconds = extra.retryAfterSeconds
  }

  /** Field messages of a 400 validation failure (`details.issues`). */
  get fieldIssues(): FieldIssue[] {
    const issues = (this.details as { issues?: unknown } | undefined)?.issues
    if (!Array.isArray(issues)) return []
    return issues.filter(
      (i): i is FieldIssue =>
        typeof i === 'object' &&
        i !== null &&
        typeof (i as FieldIssue).field === 'string' &&
        typeof (i as FieldIssue).message === 'string'
    )
  }
}

type ServerErrorListener = (error: ApiError) => void
const listeners = new Set<ServerErrorListener>()

/** Hears every error the server answers with (the AI-health banner listens); returns an unsubscribe. */
export function onServerError(listener: ServerErrorListener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Passes an error the server answered with to the listeners, and returns it. */
export function heard(error: ApiError): ApiError {
  for (const listener of listeners) listener(error)
  return error
}

/** True for the error a fetch throws when its AbortController fired: not a failure to show. */
export const isAbort = (error: unknown): boolean =>
  error instanceof DOMException && error.name === 'AbortError'

/** Reads a non-2xx response into an `ApiError`. */
export async function errorFromResponse(response: ApiResponse): Promise<ApiError> {
  let body: unknown
  try {
    body = await response.json()
  } catch {
    body = undefined
  }
  const envelope = body as
    | { error?: { code?: unknown; message?: unknown; details?: unknown }; requestId?: unknown }
    | undefined
  const requestId =
    typeof envelope?.requestId === 'string'
      ? envelope.requestId
      : (response.headers.get('X-Request-Id') ?? undefined)
  const retryAfterSeconds = retryAfterOf(response, envelope?.error?.details)
  if (typeof envelope?.error?.code === 'string' && typeof envelope.error.message === 'string') {
    return heard(
      new ApiError(response.status, envelope.error.code, envelope.error.message, {
        requestId,
        details: envelope.error.details,
        retryAfterSeconds,
      })
    )
  }
  return new ApiError(response.status, 'bad_response', `HTTP ${response.status}`, {
    requestId,
    retryAfterSeconds,
  })
}

function retryAfterOf(response: ApiResponse, details: unknown): number | undefined {
  const fromDetails = (details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds
  if (typeof fromDetails === 'number' && fromDetails > 0) return Math.ceil(fromDetails)
  const header = response.headers.get('Retry-After')
  if (!header) return undefined
  const seconds = Number(header)
  if (Number.isFinite(seconds) && seconds > 0) return Math.ceil(seconds)
  const date = Date.parse(header)
  if (Number.isNaN(date)) return undefined
  return Math.max(1, Math.ceil((date - Date.now()) / 1000))
}

export const networkError = (cause: unknown): ApiError =>
  new ApiError(0, 'network', 'The server could not be reached.', { cause })

/** Any thrown value as an `ApiError`, so stores and composables hold one error type. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error
  return new ApiError(0, 'network', error instanceof Error ? error.message : String(error), {
    cause: error,
  })
}
