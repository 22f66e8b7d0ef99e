/**
 * Storms for the fake Gemini: a fault that answers every model call (`generateContent`,
 * `streamGenerateContent`, `predict`) for a while, whatever is queued, the way a failing service
 * does under load: its quota (429 with `Retry-After`), 503 bursts, calls that hang past any
 * deadline, streams cut mid-answer (the connection drops after a few frames), and 200s whose body
 * is not JSON. A window ends after `forMs` or after `calls` answers, and the fake is itself
 * again; `hits` counts the calls a fault answered.
 *
 * @example
 * gemini.faults.inject({ kind: 'rateLimited', retryAfter: 10 }, { forMs: 2_000 })
 */

export type Fault =
  | { kind: 'rateLimited'; retryAfter: number }
  | { kind: 'unavailable'; status?: 500 | 502 | 503 | 504 }
  | { kind: 'hang' }
  | { kind: 'cutStream'; frames?: number }
  | { kind: 'malformed' }

export interface FaultWindow {
  /** How long the fault lasts from now. */
  forMs?: number
  /** How many calls it answers. */
  calls?: number
}

export interface Faults {
  inject(fault: Fault, window?: FaultWindow): void
  clear(): void
  /** Whether a fault is answering calls right now. */
  active(): boolean
  /** Calls answered by a fault since the last `clear` or `inject`. */
  readonly hits: number
  /** The faulty answer for this call, if a fault is active (counts as a hit). */
  take(streaming: boolean, signal: AbortSignal): Promise<Response> | undefined
}

const MODEL_ACTIONS = new Set(['generateContent', 'streamGenerateContent', 'predict'])

export const isModelCall = (action: string | undefined) => MODEL_ACTIONS.has(action ?? '')

export function createFaults(now: () => number = Date.now): Faults {
  let current: { fault: Fault; until: number; callsLeft: number } | undefined
  let hits = 0
  const live = () => {
    if (current && (now() >= current.until || current.callsLeft <= 0)) current = undefined
    return current
  }
  return {
    inject(fault, window = {}) {
      hits = 0
      current = {
        fault,
        until: window.forMs === undefined ? Number.POSITIVE_INFINITY : now() + window.forMs,
        callsLeft: window.calls ?? Number.POSITIVE_INFINITY,
      }
    },
    clear() {
      current = undefined
      hits = 0
    },
    active: () => live() !== undefined,
    get hits() {
      return hits
    },
    take(streaming, signal) {
      const window = live()
      if (!window) return undefined
      window.callsLeft--
      hits++
      return answer(window.fault, streaming, signal)
    },
  }
}

async function answer(fault: Fault, streaming: boolean, signal: AbortSignal): Promise<Response> {
  switch (fault.kind) {
    case 'rateLimited':
      return googleError(
        429,
        'RESOURCE_EXHAUSTED',
        'Resource has been exhausted (e.g. check quota).',
        {
          'Retry-After': String(fault.retryAfter),
        }
      )
    case 'unavailable': {
      const status = fault.status ?? 503
      return googleError(status, STATUS_NAMES[status], 'The service is currently unavailable.')
    }
    case 'hang':
      // No status line, no bytes, until the caller gives up.
      await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }))
      return new Response(null, { status: 499 })
    case 'malformed':
      return new Response('{"candidates": [{"content": {"parts": [{"text": "Hal', {
        status: 200,
        headers: { 'Content-Type': streaming ? 'text/event-stream' : 'application/json' },
      })
    case 'cutStream':
      return cut(streaming, fault.frames ?? 2)
  }
}

const STATUS_NAMES: Record<number, string> = {
  500: 'INTERNAL',
  502: 'UNAVAILABLE',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
}

function googleError(
  status: number,
  googleStatus: string | undefined,
  message: string,
  headers: Record<string, string> = {}
): Response {
  return Response.json(
    { error: { code: status, message, status: googleStatus } },
    { status, headers }
  )
}

/**
 * A 200 whose connection drops mid-body: a few SSE frames of an answer (or half a JSON body),
 * then the stream errors, which ends the response without its terminating chunk.
 */
function cut(streaming: boolean, frames: number): Response {
  const encoder = new TextEncoder()
  const frame = (text: string) =>
    `data: ${JSON.stringify({ candidates: [{ content: { role: 'model', parts: [{ text }] }, index: 0 }] })}\r\n\r\n`
  const body = new ReadableStream({
    async start(controller) {
      if (streaming) {
        for (let i = 0; i < frames; i++) {
          controller.enqueue(encoder.encode(frame(`Part ${i + 1} of an answer. `)))
          await Bun.sleep(5)
        }
      } else {
        controller.enqueue(encoder.encode('{"candidates": [{"content": {"role": "model", "parts"'))
        await Bun.sleep(5)
      }
      // Without a reason: Bun resets the connection and prints nothing.
      controller.error()
    },
  })
  return new Response(body, {
    status: 200,
    headers: { 'Content-Type': streaming ? 'text/event-stream' : 'application/json' },
  })
}
