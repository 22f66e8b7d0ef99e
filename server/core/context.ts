/**
 * @module context
 * The Hono environment shared by every route: the Bun server (when served by Bun) and the
 * per-request values set by the request middleware.
 */
import type { Drain } from './drain'
import type { Logger } from './logger'

/** The parts of Bun's `Server` the app uses; absent under `app.request()` in tests. */
export interface ServerBindings {
  timeout?: (request: Request, seconds: number) => void
  requestIP?: (request: Request) => { address: string } | null
}

export type AppEnv = {
  Bindings: ServerBindings
  Variables: {
    requestId: string
    log: Logger
    /** Whose saved work and jobs the request sees (set by the API-key middleware). */
    workspace: string
    /** The key may read every workspace's usage (an admin key in `API_KEYS`). */
    admin: boolean
    /** The process's shutdown (set by the drain guard). */
    drain: Drain
    /** Aborts the request's work when its client leaves or the process must exit (drain guard). */
    signal: AbortSignal
  }
}
