/**
 * @module ai/gateway
 * `createAiGateway` is what the app wires in. It costs nothing at start-up: the implementation
 * (and with it the Gemini SDK) is loaded on the first call, and so is the service's model list
 * that decides which id serves each role (`ai/model-resolver`). Without AI configuration every
 * call answers 503 naming the variables to set.
 */
import type * as v from 'valibot'
import { errors } from '../core/errors'
import { once } from '../core/lazy'
import { circuitBreaker } from './circuit-breaker'
import type { GeminiGatewayOptions } from './gemini'
import { createModelResolver, type ModelResolverOptions } from './model-resolver'
import { type ModelRole, specOf } from './models'
import type { AiGateway, JsonRequest, StreamEvent } from './types'

export const AI_NOT_CONFIGURED_HINT =
  'GEMINI_API_KEY (or GOOGLE_GENAI_USE_VERTEXAI=true with GOOGLE_CLOUD_PROJECT)'

export interface AiGatewayOptions extends GeminiGatewayOptions {
  /** How long the model list is kept, retried and waited for (tests shorten them). */
  modelList?: Pick<ModelResolverOptions, 'ttlMs' | 'retryMs' | 'waitMs' | 'now'>
}

export function createAiGateway(options: AiGatewayOptions): AiGateway {
  // Here rather than in the lazily loaded gateway: its state is read without loading the SDK.
  const breaker = options.breaker ?? circuitBreaker({ log: options.log, ...options.circuits })
  const load = once(() =>
    import('./gemini').then((m) => m.createGeminiGateway({ ...options, breaker }, resolver))
  )
  const resolver = createModelResolver({
    ...options.modelList,
    ai: options.ai,
    log: options.log,
    readList: async () => (await load()).listModels(),
  })
  const model = (role: ModelRole) => {
    const id = resolver.idOf(role)
    return { role, id, spec: specOf(id) }
  }
  const models = () => resolver.report()
  if (options.ai.backend === 'none') return disabledGateway(model, models)
  return {
    backend: options.ai.backend,
    model,
    models,
    resolveModels: () => resolver.ready(),
    circuits: () => breaker.status(),
    text: async (r) => (await load()).text(r),
    json: async <S extends v.GenericSchema>(r: JsonRequest<S>) => (await load()).json(r),
    callFunction: async (r) => (await load()).callFunction(r),
    image: async (r) => (await load()).image(r),
    upscale: async (r) => (await load()).upscale(r),
    segment: async (r) => (await load()).segment(r),
    uploadFile: async (r) => (await load()).uploadFile(r),
    deleteFile: async (name) => (await load()).deleteFile(name),
    startVideo: async (r) => (await load()).startVideo(r),
    pollVideo: async (h, signal) => (await load()).pollVideo(h, signal),
    cancelVideo: async (h) => (await load()).cancelVideo(h),
    downloadVideo: async (o, signal) => (await load()).downloadVideo(o, signal),
    stream: async function* (r): AsyncGenerator<StreamEvent> {
      yield* (await load()).stream(r)
    },
  }
}

function disabledGateway(model: AiGateway['model'], models: AiGateway['models']): AiGateway {
  const refuse = () => errors.notConfigured('AI generation', AI_NOT_CONFIGURED_HINT)
  const refused = async () => {
    throw refuse()
  }
  return {
    backend: 'none',
    model,
    models,
    resolveModels: async () => undefined,
    circuits: () => [],
    text: refused,
    json: refused,
    callFunction: refused,
    image: refused,
    upscale: refused,
    segment: refused,
    uploadFile: refused,
    deleteFile: refused,
    startVideo: refused,
    pollVideo: refused,
    cancelVideo: refused,
    downloadVideo: refused,
    // biome-ignore lint/correctness/useYield: refuses before producing anything
    stream: async function* () {
      throw refuse()
    },
  }
}
