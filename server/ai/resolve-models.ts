/**
 * @module ai/resolve-models
 * `modelResolution(options)`: before an AI request's handler asks which model a role runs on,
 * the service's model list is read (only the first AI request waits for it, briefly; see
 * `ai/model-resolver`), so validation and the call agree on the model. Every API answer names the
 * resolution's revision in `X-Models-Revision`: the UI refetches `/api/capabilities` when it moves.
 * Requests that make no model call (saved work, capabilities) never trigger a read.
 */
import type { MiddlewareHandler } from 'hono'
import type { AiGateway } from './types'

export const MODELS_REVISION_HEADER = 'X-Models-Revision'

export interface ModelResolutionOptions {
  ai: Pick<AiGateway, 'resolveModels' | 'models'>
  /** The requests that call a model (the list is read before them). */
  callsModels(method: string, path: string): boolean
}

/**
 * @example
 * api.use(modelResolution({ ai, callsModels: (method, path) => method === 'POST' }))
 */
export function modelResolution(options: ModelResolutionOptions): MiddlewareHandler {
  return async function modelResolution(c, next) {
    if (options.callsModels(c.req.method, c.req.path)) await options.ai.resolveModels()
    await next()
    c.header(MODELS_REVISION_HEADER, String(options.ai.models().revision))
  }
}
