/** The fake Gemini's recorded requests and the replies a test scripts. */

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
  /** Pages the answer rests on; the service answers with redirect links titled by domain. */
  sources?: { title?: string; url: string }[]
  queries?: string[]
}

export type Reply = (
  | ({ text: string; thoughts?: string; finishReason?: string } & Grounding)
  | ({ json: unknown; thoughts?: string } & Grounding)
  | {
      functionCall: { name: string; args: Record<string, unknown> }
      text?: string
      thoughts?: string
    }
  | { image: { data: string | Uint8Array; mimeType?: string }; text?: string; thoughts?: string }
  | { images: { data: string | Uint8Array; mimeType?: string; thought?: boolean }[]; text?: string }
  | ({
      chunks: string[]
      /** The last chunk's finish reason (default STOP), e.g. MAX_TOKENS. */
      finishReason?: string
      thoughts?: string
      errorAfter?: { code: number; message: string }
    } & Grounding)
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
  /** Imagen `:predict`: the answer computed from the request (see `predict.ts`). */
  | { imagen: true }
) & {
  /** Wait this long before answering. */
  delayMs?: number
  /** `usageMetadata` figures to report instead of the counted ones (the last frame's, streamed). */
  usage?: { promptTokenCount?: number; candidatesTokenCount?: number; thoughtsTokenCount?: number }
}

export type Handler = (request: RecordedRequest) => Reply | undefined | Promise<Reply | undefined>
