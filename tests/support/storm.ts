/**
 * @module tests/support/storm
 * Drives a Gemini storm against a running server (shared by the storm tests and
 * `bench/storms.ts`): `connections` clients send the same request back to back while the fake's
 * fault lasts, then the fault ends and one client asks until the server answers 200 again. What
 * comes back is counted: statuses, error codes, answers that are not the error envelope, 429s
 * without `Retry-After`, stream outcomes, the upstream calls the fake saw, and the recovery time.
 */
import type { FakeGemini, Fault } from './fake-gemini'

export interface StormRequest {
  label: string
  path: string
  body: unknown
  /** Asks for Server-Sent Events (the answer's `done` or `error` event is read). */
  stream?: boolean
}

export interface StormOptions {
  base: string
  gemini: Pick<FakeGemini, 'faults' | 'requests'>
  fault: Fault
  request: StormRequest
  connections?: number
  /** How long the fault lasts. */
  faultMs: number
  /**
   * The fault also lasts until this many requests were sent: a busy machine answers fewer in the
   * window, and the calls-per-request ratio means nothing over one wave of first requests.
   */
  minRequests?: number
  /** The longest wait for the first 200 after the fault ends. */
  recoverWithinMs?: number
}

export interface StormResult {
  requests: number
  /** HTTP status, or `sse:<code>` for a stream that ended with an `error` event. */
  outcomes: Record<string, number>
  codes: Record<string, number>
  /** Answers that were neither 2xx nor the error envelope (or a stream without `done`/`error`). */
  badEnvelopes: number
  /** 429 answers without a `Retry-After` header. */
  missingRetryAfter: number
  /** Connections that failed (reset, refused) instead of an answer. */
  dropped: number
  upstreamCalls: number
  /** From the end of the fault to the first 200, ms (undefined: not within `recoverWithinMs`). */
  recoveryMs?: number
}

interface Outcome {
  key: string
  code?: string
  envelope: boolean
  retryAfter: boolean
}

const CONNECTIONS = 50

export async function runStorm(options: StormOptions): Promise<StormResult> {
  const { gemini, request } = options
  const result: StormResult = {
    requests: 0,
    outcomes: {},
    codes: {},
    badEnvelopes: 0,
    missingRetryAfter: 0,
    dropped: 0,
    upstreamCalls: 0,
  }
  const callsBefore = gemini.requests.length
  // The fault lasts until every client has stopped (a window of its own could end under the
  // last requests and answer them as if the storm were over).
  gemini.faults.inject(options.fault)
  const stopAt = Date.now() + options.faultMs
  const client = async () => {
    while (Date.now() < stopAt || result.requests < (options.minRequests ?? 0)) {
      result.requests++
      const outcome = await send(options.base, request).catch(() => undefined)
      if (!outcome) {
        result.dropped++
        continue
      }
      result.outcomes[outcome.key] = (result.outcomes[outcome.key] ?? 0) + 1
      if (outcome.code) result.codes[outcome.code] = (result.codes[outcome.code] ?? 0) + 1
      if (!outcome.envelope) result.badEnvelopes++
      if (outcome.key === '429' && !outcome.retryAfter) result.missingRetryAfter++
    }
  }
  await Promise.all(Array.from({ length: options.connections ?? CONNECTIONS }, client))
  // Calls still hanging when the fault ended are answered by their deadline.
  const faultEnded = Math.max(stopAt, Date.now())
  gemini.faults.clear()
  result.upstreamCalls = gemini.requests.length - callsBefore
  const recoverBy = Date.now() + (options.recoverWithinMs ?? 15_000)
  while (Date.now() < recoverBy) {
    const outcome = await send(options.base, request).catch(() => undefined)
    if (outcome?.key === '200') {
      result.recoveryMs = Date.now() - faultEnded
      break
    }
    await Bun.sleep(50)
  }
  return result
}

async function send(base: string, request: StormRequest): Promise<Outcome> {
  const res = await fetch(base + request.path, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(request.stream ? { Accept: 'text/event-stream' } : {}),
    },
    body: JSON.stringify(request.body),
  })
  const text = await res.text()
  const retryAfter = res.headers.has('Retry-After')
  if (res.ok && request.stream) return streamOutcome(text)
  if (res.ok) return { key: String(res.status), envelope: true, retryAfter }
  const code = envelopeCode(text)
  return { key: String(res.status), code, envelope: code !== undefined, retryAfter }
}

/** The `done` or `error` event that ends a stream; anything else is a stream cut short. */
function streamOutcome(text: string): Outcome {
  const events = [...text.matchAll(/^event: (\w+)\ndata: (.*)$/gm)]
  const last = events.at(-1)
  if (last?.[1] === 'done') return { key: '200', envelope: true, retryAfter: false }
  if (last?.[1] === 'error') {
    const code = envelopeCode(last[2] ?? '')
    return {
      key: `sse:${code ?? 'unreadable'}`,
      code,
      envelope: code !== undefined,
      retryAfter: false,
    }
  }
  return { key: 'sse:cut', envelope: false, retryAfter: false }
}

function envelopeCode(text: string): string | undefined {
  try {
    const body = JSON.parse(text) as {
      error?: { code?: unknown; message?: unknown }
      requestId?: unknown
    }
    const ok =
      typeof body.error?.code === 'string' &&
      typeof body.error.message === 'string' &&
      typeof body.requestId === 'string'
    return ok ? (body.error?.code as string) : undefined
  } catch {
    return undefined
  }
}

/** One line of the storm table: outcomes by count, calls per request, recovery. */
export function describeStorm(label: string, r: StormResult): string {
  const outcomes = Object.entries(r.outcomes)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k}×${n}`)
    .join(' ')
  const recovery = r.recoveryMs === undefined ? 'not recovered' : `${r.recoveryMs} ms`
  return `| ${label} | ${r.requests} | ${outcomes}${r.dropped ? ` dropped×${r.dropped}` : ''} | ${r.upstreamCalls} (${(r.upstreamCalls / Math.max(1, r.requests)).toFixed(2)}/request) | ${recovery} |`
}
