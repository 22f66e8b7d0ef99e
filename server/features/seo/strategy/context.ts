/**
 * @module seo/strategy/context
 * What every strategy step receives besides its input: the AI gateway, the request's logger and
 * the request's abort signal (so a client that leaves stops the model calls).
 */
import type { AiGateway } from '../../../ai/types'
import type { Logger } from '../../../core/logger'

export interface StepContext {
  ai: AiGateway
  log: Logger
  signal?: AbortSignal
}
