/**
 * Turns a scripted reply into what the real service sends: GenerateContentResponse bodies (one
 * per SSE frame when streaming), grounding metadata shaped like Google's (redirect links titled by
 * the source's domain, the queries, `searchEntryPoint.renderedContent`), thought signatures on
 * Gemini 3 function calls and image parts, and Google's error bodies.
 */
import { googleErrorResponse } from './errors'
import type { Grounding, Reply } from './types'

const REDIRECT_BASE = 'https://vertexaisearch.cloud.google.com/grounding-api-redirect/'

/** The redirect link the service gives for a source page. */
export const redirectFor = (url: string) =>
  `${REDIRECT_BASE}${Buffer.from(url).toString('base64url')}`

export const domainOf = (url: string) => new URL(url).hostname.replace(/^www\./, '')

/** Google's search-suggestion chips for the queries (the HTML apps must display). */
export const renderedContentFor = (queries: readonly string[]) =>
  `<style>.container{display:flex}.chip{border-radius:16px}</style><div class="container"><div class="headline">Google Search</div>${queries
    .map(
      (q) =>
        `<a class="chip" href="https://www.google.com/search?q=${encodeURIComponent(q)}&amp;client=app-vertex-grounding">${q.replace(/[<>&]/g, '')}</a>`
    )
    .join('')}</div>`

export interface ReplyContext {
  backend: 'developer' | 'vertex'
  /** The request's prompt size in tokens, for `usageMetadata` (about four characters each). */
  promptTokens?: number
  /** The model signs its function calls and images (Gemini 3): a signature per part. */
  signs: boolean
  sign(): string
}

function groundingMetadata(g: Grounding, ctx: ReplyContext) {
  if (!g.sources?.length && !g.queries?.length) return undefined
  const chunks = (g.sources ?? []).map((s) => ({
    web: {
      uri: redirectFor(s.url),
      title: domainOf(s.url),
      ...(ctx.backend === 'vertex' ? { domain: domainOf(s.url) } : {}),
    },
  }))
  const queries = g.queries?.length ? g.queries : ['search']
  return {
    webSearchQueries: queries,
    groundingChunks: chunks,
    groundingSupports: chunks.map((_, i) => ({
      segment: { startIndex: 0, endIndex: 1, text: '' },
      groundingChunkIndices: [i],
      confidenceScores: [0.9],
    })),
    searchEntryPoint: { renderedContent: renderedContentFor(queries) },
  }
}

/** About four characters a token, as Google's own rule of thumb. */
export const tokensOf = (text: string | undefined) => (text ? Math.ceil(text.length / 4) : 0)
/** Google's count for one generated 1024x1024 image. */
export const IMAGE_TOKENS = 1290

interface Usage {
  promptTokenCount: number
  candidatesTokenCount: number
  thoughtsTokenCount?: number
  totalTokenCount: number
}

/** `usageMetadata` as the service reports it: the reply's own figures, else counted. */
function usageOf(reply: Reply, ctx: ReplyContext, answered: number, thoughts?: string): Usage {
  const own = reply.usage ?? {}
  const prompt = own.promptTokenCount ?? ctx.promptTokens ?? 10
  const candidates = own.candidatesTokenCount ?? answered
  const thinking = own.thoughtsTokenCount ?? tokensOf(thoughts)
  return {
    promptTokenCount: prompt,
    candidatesTokenCount: candidates,
    ...(thinking ? { thoughtsTokenCount: thinking } : {}),
    totalTokenCount: prompt + candidates + thinking,
  }
}

function candidateResponse(
  parts: unknown[],
  extra: Record<string, unknown> = {},
  finishReason?: string,
  usage: Usage = { promptTokenCount: 10, candidatesTokenCount: 10, totalTokenCount: 20 }
) {
  return {
    candidates: [
      {
        content: { role: 'model', parts },
        ...(finishReason ? { finishReason } : {}),
        index: 0,
        ...extra,
      },
    ],
    usageMetadata: usage,
    modelVersion: 'fake',
    responseId: crypto.randomUUID(),
  }
}

const toBase64 = (data: string | Uint8Array) =>
  typeof data === 'string' ? data : Buffer.from(data).toString('base64')

const thoughtPart = (thoughts: string | undefined) =>
  thoughts ? [{ text: thoughts, thought: true }] : []

/** The GenerateContentResponse bodies a reply stands for (one per stream frame). */
export function frames(reply: Reply, ctx: ReplyContext): unknown[] {
  const signed = () => (ctx.signs ? { thoughtSignature: ctx.sign() } : {})
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
  if ('functionCall' in reply) {
    const parts: unknown[] = [...thoughtPart(reply.thoughts)]
    if (reply.text) parts.push({ text: reply.text })
    parts.push({
      functionCall: { name: reply.functionCall.name, args: reply.functionCall.args },
      ...signed(),
    })
    const answered = tokensOf(reply.text) + tokensOf(JSON.stringify(reply.functionCall))
    return [candidateResponse(parts, {}, 'STOP', usageOf(reply, ctx, answered, reply.thoughts))]
  }
  if ('image' in reply || 'images' in reply) {
    const images = 'image' in reply ? [reply.image] : reply.images
    const parts: unknown[] = 'thoughts' in reply ? [...thoughtPart(reply.thoughts)] : []
    if (reply.text) parts.push({ text: reply.text })
    for (const image of images) {
      parts.push({
        inlineData: { mimeType: image.mimeType ?? 'image/png', data: toBase64(image.data) },
        ...('thought' in image && image.thought ? { thought: true } : signed()),
      })
    }
    const answered = tokensOf(reply.text) + images.length * IMAGE_TOKENS
    return [candidateResponse(parts, {}, 'STOP', usageOf(reply, ctx, answered))]
  }
  if ('chunks' in reply) {
    const meta = groundingMetadata(reply, ctx)
    const last = reply.chunks.length - 1
    // The service counts cumulatively: each frame's usage covers the answer so far.
    let answered = 0
    return reply.chunks.map((text, i) => {
      answered += tokensOf(text)
      return candidateResponse(
        [...(i === 0 ? thoughtPart(reply.thoughts) : []), { text }],
        i === last && meta ? { groundingMetadata: meta } : {},
        i === last ? (reply.finishReason ?? 'STOP') : undefined,
        usageOf(i === last ? reply : { ...reply, usage: undefined }, ctx, answered, reply.thoughts)
      )
    })
  }
  if ('json' in reply || 'text' in reply || 'finishReason' in reply) {
    const r = reply as {
      text?: string
      json?: unknown
      thoughts?: string
      finishReason?: string
    } & Grounding
    const text = 'json' in r ? JSON.stringify(r.json) : r.text
    const meta = groundingMetadata(r, ctx)
    return [
      candidateResponse(
        [...thoughtPart(r.thoughts), ...(text === undefined ? [] : [{ text }])],
        meta ? { groundingMetadata: meta } : {},
        r.finishReason ?? 'STOP',
        usageOf(reply, ctx, tokensOf(text), r.thoughts)
      ),
    ]
  }
  return []
}

export function respond(reply: Reply, streaming: boolean, ctx: ReplyContext): Response {
  if ('hang' in reply) return new Response(new ReadableStream({ start() {} }), { status: 200 })
  if ('status' in reply && !('raw' in reply)) {
    const details = reply.retryDelay
      ? [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: reply.retryDelay }]
      : undefined
    const headers: Record<string, string> = {}
    if (reply.retryAfter !== undefined) headers['Retry-After'] = String(reply.retryAfter)
    return googleErrorResponse(
      {
        status: reply.status,
        message: reply.message ?? `fake error ${reply.status}`,
        googleStatus: reply.googleStatus,
      },
      { details, headers }
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
  const bodies = frames(reply, ctx)
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
