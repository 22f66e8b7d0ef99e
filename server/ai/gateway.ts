/**
 * @module ai/gateway
 * `createAiGateway` is what the app wires in. It costs nothing at start-up: the implementation
 * (and with it the Gemini SDK) is loaded on the first call. Without AI configuration every call
 * answers 503 naming the variables to set.
 */
import type * as v from 'valibot'
import { errors } from '../core/errors'
import type { GeminiGatewayOptions } from './gemini'
import type { AiGateway, StreamEvent } from './types'

export const AI_NOT_CONFIGURED_HINT =
  'GEMINI_API_KEY (or GOOGLE_GENAI_USE_VERTEXAI=true with GOOGLE_CLOUD_PROJECT)'

export function createAiGateway(options: GeminiGatewayOptions): AiGateway {
  if (options.ai.backend === 'none') return disabledGateway()
  let impl: Promise<AiGateway> | undefined
  const load = () => {
    impl ??= import('./gemini').then((m) => m.createGeminiGateway(options))
    return impl
  }
  return {
    backend: options.ai.backend,
    text: async (r) => (await load()).text(r),
    json: async <S extends v.GenericSchema>(r: Parameters<AiGateway['json']>[0] & { schema: S }) =>
      (await load()).json(r),
    callFunction: async (r) => (await load()).callFunction(r),
    image: async (r) => (await load()).image(r),
    stream: async function* (r): AsyncGenerator<StreamEvent> {
      yield* (await load()).stream(r)
    },
  }
}

function disabledGateway(): AiGateway {
  const refuse = () => errors.notConfigured('AI generation', AI_NOT_CONFIGURED_HINT)
  return {
    backend: 'none',
    text: async () => {
      throw refuse()
    },
    json: async () => {
      throw refuse()
    },
    callFunction: async () => {
      throw refuse()
    },
    image: async () => {
      throw refuse()
    },
    // biome-ignore lint/correctness/useYield: refuses before producing anything
    stream: async function* () {
      throw refuse()
    },
  }
}
