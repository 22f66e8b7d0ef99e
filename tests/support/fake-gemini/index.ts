/**
 * A fake Gemini API on loopback, as strict as the real one, speaking the REST protocol
 * `@google/genai` uses: Developer API (`/v1/…`, `/v1beta/…`, key in `x-goog-api-key`) and Vertex
 * AI (`/v1beta1/[projects/P/locations/L/]publishers/google/…`, a bearer token from its own STS
 * endpoint at `/v1/token`), `:generateContent`, `:streamGenerateContent?alt=sse`, Imagen's
 * `:predict` (`predict.ts`: a `{ imagen: true }` reply is computed from the input) and any other
 * `:action`, and both model lists (`listing.ts`). Requests the real service refuses (a field its
 * API description does not know, `request-fields.ts`; see also `rules.ts`, `predict.ts`) get the
 * real refusal before any scripted reply; the rest are answered from a queue of scripted replies,
 * or a handler, so each test says exactly what the model "answers", faults included. Every request
 * is recorded; model-list requests apart (`listRequests`), so the calls a test counts are its own.
 *
 * @example
 * const gemini = await startFakeGemini()
 * gemini.enqueue({ json: { title: 'x' } }, { status: 429, retryAfter: 1 })
 * ...
 * gemini.stop()
 */

import type { FakeModel } from './catalogue'
import { googleErrorResponse, modelNotFound, NO_API_KEY, UNAUTHENTICATED } from './errors'
import { createFaults, type Faults, isModelCall } from './faults'
import { createFakeFiles, type FakeFiles } from './files'
import { handleInteraction, interactionRoute, type VideoWorld } from './interactions'
import { createModelService, type ModelService } from './listing'
import { createTokenAuthority } from './oauth'
import { checkPredictBody, predictAnswer } from './predict'
import { respond, tokensOf } from './replies'
import { loadRequestFieldCheck } from './request-fields'
import { checkGenerateBody, resolveModel } from './rules'
import type { Handler, RecordedRequest, Reply } from './types'
import { cancelTarget, handleVeo } from './veo'
import { createVideoJobs, type VideoJobs } from './video-jobs'

export type { Fault, FaultWindow } from './faults'
export { domainOf, redirectFor, renderedContentFor } from './replies'

/** The system instruction text a recorded request carried. */
export const systemText = (r: RecordedRequest | undefined): string =>
  (r?.body?.systemInstruction?.parts ?? []).map((p: { text?: string }) => p.text ?? '').join('\n')
export type { FakeFile, FileScript } from './files'
export type { Grounding, Handler, RecordedRequest, Reply } from './types'
export { type FakeVideoJob, fakeMp4, type VideoScript } from './video-jobs'

interface Queued {
  reply: Reply
  when?: (request: RecordedRequest) => boolean
}

export interface FakeGemini {
  readonly url: string
  /** The STS endpoint an `external_account` credentials file names as `token_url`. */
  readonly tokenUrl: string
  readonly requests: RecordedRequest[]
  /** Model-list requests (`GET …/models`), kept apart from the model calls. */
  readonly listRequests: RecordedRequest[]
  /** Which models are in service: retire one while the app runs, launch one, fault the lists. */
  readonly models: ModelService
  /** Replies used in order by the next matching requests. */
  enqueue(...replies: Reply[]): void
  /** A reply used only by a request `when` accepts (e.g. by model or prompt). */
  enqueueWhen(when: (request: RecordedRequest) => boolean, ...replies: Reply[]): void
  /** Answers requests when no queued reply matches. */
  setHandler(handler: Handler | undefined): void
  /** Video jobs (interactions and Veo operations): their scripts, state and files. */
  readonly video: VideoJobs & {
    /** Where `gs://` outputs are written (the fake Cloud Storage). */
    connectStorage(storage: VideoWorld['storage']): void
  }
  /** The Files API (Developer API): uploads, their processing scripts and the files held. */
  readonly files: FakeFiles
  /** Accepts this subject token at the STS endpoint (see `tests/support/vertex-credentials.ts`). */
  trustSubjectToken(token: string): void
  /** Storms: a fault answering every model call for a while (`faults.ts`). */
  readonly faults: Faults
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
  const listRequests: RecordedRequest[] = []
  const models = createModelService()
  const fields = loadRequestFieldCheck()
  const tokens = createTokenAuthority()
  const signatures = new Set<string>()
  const sign = () => {
    const signature = Buffer.from(`sig:${crypto.randomUUID()}`).toString('base64')
    signatures.add(signature)
    return signature
  }
  let queue: Queued[] = []
  let handler: Handler | undefined
  const jobs = createVideoJobs()
  const files = createFakeFiles()
  const world: VideoWorld = { jobs, url: '' }
  const faults = createFaults()

  async function answer(recorded: RecordedRequest): Promise<Reply | undefined> {
    const index = queue.findIndex((q) => !q.when || q.when(recorded))
    if (index >= 0) {
      const reply = queue[index]?.reply
      queue.splice(index, 1)
      return reply
    }
    return handler ? await handler(recorded) : undefined
  }

  const server = Bun.serve({
    port: 0,
    hostname: '127.0.0.1',
    idleTimeout: 0,
    async fetch(req) {
      const url = new URL(req.url)
      if (req.method === 'POST' && url.pathname === '/v1/token') return tokens.exchange(req)
      const raw = new Uint8Array(await req.arrayBuffer())
      const text = new TextDecoder().decode(raw)
      let body: any
      try {
        body = text ? JSON.parse(text) : undefined
      } catch {
        body = undefined
      }
      const match = url.pathname.match(MODEL_RE)
      const fileAction = match ? undefined : files.route(req.method, url.pathname, url.searchParams)
      const videoRoute =
        match || fileAction ? undefined : interactionRoute(req.method, url.pathname)
      const cancelName = match ? undefined : cancelTarget(url.pathname)
      const scope = url.pathname.match(/^\/v1beta1\/projects\/([^/]+)\/locations\/([^/]+)\//)
      const recorded: RecordedRequest = {
        method: req.method,
        path: url.pathname,
        query: url.searchParams,
        headers: Object.fromEntries(req.headers),
        body,
        backend: url.pathname.startsWith('/v1beta1/') ? 'vertex' : 'developer',
        apiVersion: url.pathname.split('/')[1] ?? '',
        model: match?.[4] ?? (videoRoute ? body?.model : undefined),
        action:
          fileAction ??
          videoRoute?.action ??
          (cancelName ? 'cancelOperation' : undefined) ??
          match?.[5] ??
          url.pathname.match(/:([A-Za-z]+)$/)?.[1],
        project: match?.[2] ?? scope?.[1],
        location: match?.[3] ?? scope?.[2],
        promptText: promptTextOf(body),
        receivedAt: Date.now(),
      }
      const listing = match ? undefined : models.list(req.method, url.pathname, url.searchParams)
      ;(listing ? listRequests : requests).push(recorded)

      const auth = authFailure(recorded, tokens.isIssued)
      if (auth) return googleErrorResponse(auth)
      if (listing) return listing
      if (fileAction) {
        const fault = await injectedFault(recorded)
        return fault ?? files.handle(recorded, raw)
      }
      const storm = match && isModelCall(recorded.action)
      const faulty = storm
        ? faults.take(recorded.action === 'streamGenerateContent', req.signal)
        : undefined
      if (faulty) return faulty
      if (match && recorded.action) {
        const unknownField = fields.request(recorded.backend, recorded.action, body)
        if (unknownField) return googleErrorResponse(unknownField)
      }
      if (recorded.action === 'createInteraction' && !models.serving(body?.model)) {
        return googleErrorResponse({ status: 404, message: `Model ${body?.model} is not found.` })
      }
      if (videoRoute || cancelName) {
        const fault = await injectedFault(recorded)
        if (fault) return fault
        if (videoRoute) return handleInteraction(recorded, world, videoRoute.id)
        return handleVeo(recorded, world, cancelName) as Response
      }
      let signs = false
      let model: FakeModel | undefined
      if (match) {
        const resolved = resolveModel(recorded, models.serving)
        if ('status' in resolved) return googleErrorResponse(resolved)
        model = resolved
        if (recorded.action === 'generateContent' || recorded.action === 'streamGenerateContent') {
          const refusal =
            checkGenerateBody(model, body, signatures, recorded.backend) ??
            files.checkFileParts(recorded, world.storage?.objects)
          if (refusal) return googleErrorResponse(refusal)
        }
        if (recorded.action === 'predict') {
          const refusal = checkPredictBody(model, body)
          if (refusal) return googleErrorResponse(refusal)
        }
        signs = model.family === 'gemini-3' || model.family === 'image'
        if (
          recorded.action === 'predictLongRunning' ||
          recorded.action === 'fetchPredictOperation'
        ) {
          if (model.family !== 'veo')
            return googleErrorResponse(modelNotFound(recorded.model ?? '', recorded))
          const fault = await injectedFault(recorded)
          if (fault) return fault
          const answered = handleVeo(recorded, world)
          if (answered) return answered
        }
      }

      const reply = await answer(recorded)
      if (!reply) {
        return googleErrorResponse({
          status: 500,
          message: `fake Gemini: no reply scripted for ${url.pathname}`,
        })
      }
      if (reply.delayMs) await Bun.sleep(reply.delayMs)
      if ('imagen' in reply) {
        if (!model || recorded.action !== 'predict') {
          return googleErrorResponse({
            status: 500,
            message: 'fake Gemini: imagen reply for a non-predict request',
          })
        }
        const answer = await predictAnswer(model, body)
        return Response.json(answer.body, { status: answer.status })
      }
      return respond(reply, recorded.action === 'streamGenerateContent', {
        backend: recorded.backend,
        promptTokens: Math.max(1, tokensOf(recorded.promptText)),
        signs,
        sign,
      })
    },
  })

  /** A scripted reply aimed at this video request (`enqueueWhen`): faults, delays, hangs. */
  async function injectedFault(recorded: RecordedRequest): Promise<Response | undefined> {
    const index = queue.findIndex((q) => q.when?.(recorded))
    if (index < 0) return undefined
    const reply = queue[index]?.reply as Reply
    queue.splice(index, 1)
    if (reply.delayMs) await Bun.sleep(reply.delayMs)
    return respond(reply, false, { backend: recorded.backend, signs: false, sign })
  }

  const url = `http://127.0.0.1:${server.port}`
  world.url = url
  return {
    url,
    tokenUrl: `${url}/v1/token`,
    requests,
    listRequests,
    models,
    enqueue: (...replies) => {
      queue.push(...replies.map((reply) => ({ reply })))
    },
    enqueueWhen: (when, ...replies) => {
      queue.push(...replies.map((reply) => ({ reply, when })))
    },
    setHandler: (h) => {
      handler = h
    },
    video: Object.assign(jobs, {
      connectStorage: (storage: VideoWorld['storage']) => {
        world.storage = storage
      },
    }),
    files,
    faults,
    trustSubjectToken: (token) => {
      tokens.subjectTokens.add(token)
    },
    calls: (action) => requests.filter((r) => !action || r.action === action),
    last: () => requests.at(-1),
    reset: () => {
      requests.length = 0
      listRequests.length = 0
      models.reset()
      queue = []
      handler = undefined
      jobs.reset()
      files.reset()
      faults.clear()
    },
    stop: () => server.stop(true),
  }
}

/**
 * Developer API and Vertex express mode need a key; Vertex projects (and Vertex calls made with
 * a token, such as the publisher-model list) a token the STS issued.
 */
function authFailure(req: RecordedRequest, isIssued: (authorization?: string) => boolean) {
  if (req.backend === 'vertex' && (req.project || req.headers.authorization)) {
    return isIssued(req.headers.authorization) ? undefined : UNAUTHENTICATED
  }
  return req.headers['x-goog-api-key'] ? undefined : NO_API_KEY
}

function promptTextOf(body: any): string {
  const contents: any[] = Array.isArray(body?.contents) ? body.contents : []
  const parts = contents.flatMap((c) => (Array.isArray(c?.parts) ? c.parts : []))
  return parts
    .map((p: any) => (typeof p?.text === 'string' ? p.text : ''))
    .filter(Boolean)
    .join('\n')
}
