/**
 * A fake Gemini API on loopback speaking the REST protocol `@google/genai` uses: Developer API
 * (`/v1/…`, `/v1beta/…`) and Vertex (`/v1beta1/[projects/P/locations/L/]publishers/google/…`)
 * paths, `:generateContent`, `:streamGenerateContent?alt=sse` and any other `:action`.
 * It records every request and answers from a queue of scripted replies, or a handler, so each
 * test says exactly what the model "answers", including faults.
 *
 * @example
 * const gemini = await startFakeGemini()
 * gemini.enqueue({ json: { title: 'x' } }, { status: 429, retryAfter: 1 })
 * ...
 * gemini.stop()
 */

export interface RecordedRequest {
  method: string
  path: string
  query: URLSearchParams
  headers: Record<string, string>
  /** Parsed JSON body (undefined when empty or not JSON). */
  body: any
  backend: 'developer' | 'vertex'
  apiVersion: string
  /** Model id without `models/` or `publishers/google/models/`. */
  model?: string
  /** The `:action` after the resource (generateContent, streamGenerateContent, predict, …). */
  action?: string
  /** Vertex project and location, when the path carries them. */
  project?: string
  location?: string
  /** All text parts of the request's contents, joined (handy for assertions). */
  promptText: string
  receivedAt: number
}

export interface Grounding {
  sources?: { title: string; url: string }[]
  queries?: string[]
}

export type Reply = (
  | ({ text: string } & Grounding)
  | ({ json: unknown } & Grounding)
  | { functionCall: { name: string; args: Record<string, unknown> }; text?: string }
  | { image: { data: string | Uint8Array; mimeType?: string }; text?: string }
  | ({ chunks: string[]; errorAfter?: { code: number; message: string } } & Grounding)
  | {
      status: number
      message?: string
      googleStatus?: string
      retryAfter?: number
      retryDelay?: string
    }
  | { malformed: string; contentType?: string }
  | { noCandidates: true }
  | { promptBlocked: string }
  | { finishReason: string; text?: string }
  | { raw: unknown; status?: number }
  | { hang: true }
) & {
  /** Wait this long before answering. */
  delayMs?: number
}

export type Handler = (request: RecordedRequest) => Reply | undefined | Promise<Reply | undefined>

interface Queued {
  reply: Reply
  when?: (request: RecordedRequest) => boolean
}

export interface FakeGemini {
  readonly url: string
  readonly requests: RecordedRequest[]
  /** Replies used in order by the next matching requests. */
  enqueue(...replies: Reply[]): void
  /** A reply used only by a request `when` accepts (e.g. by model or prompt). */
  enqueueWhen(when: (request: RecordedRequest) => boolean, ...replies: Reply[]): void
  /** Answers requests when no queued reply matches. */
  setHandler(handler: Handler | undefined): void
  /** Requests of one action (`generateContent`, `streamGenerateContent`, …). */
  calls(action?: string): RecordedRequest[]
  last(): RecordedRequest | undefined
  reset(): void
  stop(): void
}

const MODEL_RE =
  /^\/(v1|v1beta|v1beta1|v1alpha)\/(?:projects\/([^/]+)\/locations\/([^/]+)\/)?(?:publishers\/google\/models|models)\/([^/:]+)(?::([A-Za-z]+))?$/

export async function startFakeGemini(): Promise<FakeGemini> {
  const requests: RecordedRequest[] = []
  let queue: Queued[] = []
  let handler: Handler | undefined

  const server = Bun.serve({
    port: 0,
    hostname: '127.0.0.1',
    idleTimeout: 0,
    async fetch(req) {
      const url = new URL(req.url)
      const text = await req.text()
      let body: any
      try {
        body = text ? JSON.parse(text) : undefined
      } catch {
        body = undefined
      }
      const match = url.pathname.match(MODEL_RE)
      const recorded: RecordedRequest = {
        method: req.method,
        path: url.pathname,
        query: url.searchParams,
        headers: Object.fromEntries(req.headers),
        body,
        backend: url.pathname.startsWith('/v1beta1/') ? 'vertex' : 'developer',
        apiVersion: url.pathname.split('/')[1] ?? '',
        model: match?.[4],
        action: match?.[5] ?? url.pathname.match(/:([A-Za-z]+)$/)?.[1],
        project: match?.[2],
        location: match?.[3],
        promptText: promptTextOf(body),
        receivedAt: Date.now(),
      }
      requests.push(recorded)

      const index = queue.findIndex((q) => !q.when || q.when(recorded))
      let reply: Reply | undefined
      if (index >= 0) {
        reply = queue[index]?.reply
        queue.splice(index, 1)
      } else if (handler) {
        reply = await handler(recorded)
      }
      if (!reply) {
        return Response.json(
          {
            error: {
              code: 500,
              message: `fake Gemini: no reply scripted for ${url.pathname}`,
              status: 'INTERNAL',
            },
          },
          { status: 500 }
        )
      }
      if (reply.delayMs) await Bun.sleep(reply.delayMs)
      return respond(reply, recorded.action === 'streamGenerateContent')
    },
  })

  return {
    url: `http://127.0.0.1:${server.port}`,
    requests,
    enqueue: (...replies) => {
      queue.push(...replies.map((reply) => ({ reply })))
    },
    enqueueWhen: (when, ...replies) => {
      queue.push(...replies.map((reply) => ({ reply, when })))
    },
    setHandler: (h) => {
      handler = h
    },
    calls: (action) => requests.filter((r) => !action || r.action === action),
    last: () => requests.at(-1),
    reset: () => {
      requests.length = 0
      queue = []
      handler = undefined
    },
    stop: () => server.stop(true),
  }
}

function promptTextOf(body: any): string {
  const contents: any[] = Array.isArray(body?.contents) ? body.contents : []
  const parts = contents.flatMap((c) => (Array.isArray(c?.parts) ? c.parts : []))
  return parts
    .map((p: any) => (typeof p?.text === 'string' ? p.text : ''))
    .filter(Boolean)
    .join('\n')
}

function groundingMetadata(g: Grounding) {
  if (!g.sources?.length && !g.queries?.length) return undefined
  const chunks = (g.sources ?? []).map((s) => ({
    web: { uri: s.url, title: s.title, domain: new URL(s.url).hostname },
  }))
  return {
    webSearchQueries: g.queries ?? [],
    groundingChunks: chunks,
    groundingSupports: chunks.map((_, i) => ({
      segment: { startIndex: 0, endIndex: 1, text: '' },
      groundingChunkIndices: [i],
      confidenceScores: [0.9],
    })),
  }
}

function candidateResponse(
  parts: unknown[],
  extra: Record<string, unknown> = {},
  finishReason = 'STOP'
) {
  return {
    candidates: [{ content: { role: 'model', parts }, finishReason, index: 0, ...extra }],
    usageMetadata: { promptTokenCount: 10, candidatesTokenCount: 10, totalTokenCount: 20 },
    modelVersion: 'fake',
    responseId: crypto.randomUUID(),
  }
}

function toBase64(data: string | Uint8Array): string {
  return typeof data === 'string' ? data : Buffer.from(data).toString('base64')
}

/** The GenerateContentResponse bodies a reply stands for (one per stream frame). */
function frames(reply: Reply): unknown[] {
  if ('raw' in reply) return [reply.raw]
  if ('noCandidates' in reply) return [{ candidates: [], usageMetadata: { totalTokenCount: 1 } }]
  if ('promptBlocked' in reply) {
    return [
      {
        promptFeedback: { blockReason: reply.promptBlocked },
        usageMetadata: { totalTokenCount: 1 },
      },
    ]
  }
  if ('finishReason' in reply) {
    return [candidateResponse(reply.text ? [{ text: reply.text }] : [], {}, reply.finishReason)]
  }
  if ('functionCall' in reply) {
    const parts: unknown[] = reply.text ? [{ text: reply.text }] : []
    parts.push({ functionCall: { name: reply.functionCall.name, args: reply.functionCall.args } })
    return [candidateResponse(parts)]
  }
  if ('image' in reply) {
    const parts: unknown[] = reply.text ? [{ text: reply.text }] : []
    parts.push({
      inlineData: {
        mimeType: reply.image.mimeType ?? 'image/png',
        data: toBase64(reply.image.data),
      },
    })
    return [candidateResponse(parts)]
  }
  if ('chunks' in reply) {
    const meta = groundingMetadata(reply)
    return reply.chunks.map((text, i) =>
      candidateResponse(
        [{ text }],
        i === reply.chunks.length - 1 && meta ? { groundingMetadata: meta } : {},
        i === reply.chunks.length - 1 ? 'STOP' : (undefined as unknown as string)
      )
    )
  }
  if ('json' in reply || 'text' in reply) {
    const text = 'json' in reply ? JSON.stringify(reply.json) : reply.text
    const meta = groundingMetadata(reply)
    return [candidateResponse([{ text }], meta ? { groundingMetadata: meta } : {})]
  }
  return []
}

function respond(reply: Reply, streaming: boolean): Response {
  if ('hang' in reply) return new Response(new ReadableStream({ start() {} }), { status: 200 })
  if ('status' in reply && !('raw' in reply)) {
    const details = reply.retryDelay
      ? [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: reply.retryDelay }]
      : undefined
    const headers: Record<string, string> = {}
    if (reply.retryAfter !== undefined) headers['Retry-After'] = String(reply.retryAfter)
    return Response.json(
      {
        error: {
          code: reply.status,
          message: reply.message ?? `fake error ${reply.status}`,
          status: reply.googleStatus ?? statusName(reply.status),
          ...(details ? { details } : {}),
        },
      },
      { status: reply.status, headers }
    )
  }
  if ('malformed' in reply) {
    return new Response(reply.malformed, {
      status: 200,
      headers: {
        'Content-Type': reply.contentType ?? (streaming ? 'text/event-stream' : 'application/json'),
      },
    })
  }
  const bodies = frames(reply)
  if (!streaming) {
    return Response.json(bodies[0], { status: 'raw' in reply && reply.status ? reply.status : 200 })
  }
  const errorAfter = 'chunks' in reply ? reply.errorAfter : undefined
  const encoder = new TextEncoder()
  const stream = new ReadableStream({
    async start(controller) {
      for (const body of bodies) {
        controller.enqueue(encoder.encode(`data: ${JSON.stringify(body)}\r\n\r\n`))
        await Bun.sleep(1)
      }
      if (errorAfter) {
        controller.enqueue(encoder.encode(`data: ${JSON.stringify({ error: errorAfter })}\r\n\r\n`))
      }
      controller.close()
    },
  })
  return new Response(stream, { headers: { 'Content-Type': 'text/event-stream' } })
}

function statusName(status: number): string {
  return (
    {
      400: 'INVALID_ARGUMENT',
      401: 'UNAUTHENTICATED',
      403: 'PERMISSION_DENIED',
      404: 'NOT_FOUND',
      429: 'RESOURCE_EXHAUSTED',
      500: 'INTERNAL',
      503: 'UNAVAILABLE',
      504: 'DEADLINE_EXCEEDED',
    }[status] ?? 'UNKNOWN'
  )
}
