/**
 * @module ai/model-resolver
 * The live answer to "which id serves each role": the service's model list, read on the first AI
 * request (never at start-up), kept for an hour and then refreshed in the background, and the
 * 404s the service answered in this process. Only the very first read is waited for, and only
 * briefly; a list that fails, hangs or comes back empty never holds a request up: the catalogue's
 * ids are used, as they are before any list. Changes are logged once, with the old and new id.
 */
import type { Config } from '../config'
import { once } from '../core/lazy'
import type { Logger } from '../core/logger'
import type { ModelList } from './model-list'
import { type Resolution, resolveRoles } from './model-resolution'
import { MODEL_ROLES, type ModelRole, ROLES } from './model-roles'
import { UpstreamHttpError } from './upstream-fetch'

export interface ModelsReport {
  list: {
    /** `unread`: no AI request yet; `failed`: the last read failed (`failure` says how). */
    state: 'unread' | 'read' | 'failed'
    /** When the list was last read successfully (ISO time), else null. */
    readAt: string | null
    /** How many models it named. */
    models?: number
    /** `HTTP 403`, `timeout`, `unreachable` or `empty`. */
    failure?: string
  }
  /** Changes whenever a role's id or reason changes (the UI refetches on a new one). */
  revision: number
  roles: Resolution
}

export interface ModelResolver {
  /** The id a role runs on now (no call is made). */
  idOf(role: ModelRole): string
  /** Reads the list when none is fresh: waits only for the first read, and at most `waitMs`. */
  ready(): Promise<void>
  /**
   * The service answered 404 for `id`, used for `role`: remembered for the process (it is never
   * asked again), the role is resolved anew, and the id it runs on now is returned.
   */
  notFound(role: ModelRole, id: string): string
  /** The service answered 404 for this id in this process: it is not asked again. */
  isNotFound(id: string): boolean
  report(): ModelsReport
}

export interface ModelResolverOptions {
  ai: Pick<Config['ai'], 'backend' | 'models' | 'explicitModels' | 'substituteExplicitModels'>
  log: Logger
  /** Reads the service's list (loads the SDK: only called from `ready`). */
  readList(): Promise<ModelList>
  /** How long a list is trusted before a background refresh (one hour). */
  ttlMs?: number
  /** How long after a failed read the next is tried (one minute). */
  retryMs?: number
  /** The longest the first AI request waits for the first read (three seconds). */
  waitMs?: number
  now?: () => number
}

/**
 * The resolver of a gateway: one per process in production.
 * @example
 * const resolver = createModelResolver({ ai: config.ai, log, readList: () => readModelList(sdk, o) })
 * await resolver.ready()
 * resolver.idOf('image') // 'gemini-3-pro-image' when gemini-3.1-flash-image is no longer listed
 */
export function createModelResolver(options: ModelResolverOptions): ModelResolver {
  const { ai, log } = options
  const ttlMs = options.ttlMs ?? 3_600_000
  const retryMs = options.retryMs ?? 60_000
  const waitMs = options.waitMs ?? 3_000
  const now = options.now ?? Date.now
  const explicit = new Set(ai.explicitModels)
  const notFound = new Set<string>()
  const announced = new Set<string>()
  let list: ModelList | undefined
  let readAt: number | undefined
  let failedAt: number | undefined
  let failure: string | undefined
  let revision = 0
  let waited = false
  // Resolved on first use, not while the server starts (it is not needed to answer /health);
  // until then the roles are as the catalogue and the configuration say, with no list read.
  let resolution: Resolution | undefined
  const current = () => {
    resolution ??= resolve(list, notFound)
    return resolution
  }

  function resolve(served: ModelList | undefined, refused: ReadonlySet<string>): Resolution {
    return resolveRoles({
      // Without AI nothing is called; the roles are reported as configured.
      backend: ai.backend === 'none' ? 'developer' : ai.backend,
      configured: ai.models,
      explicit,
      substituteExplicit: ai.substituteExplicitModels,
      list: served,
      notFound: refused,
    })
  }

  /** Resolves anew; names every unserved id once and bumps the revision when anything changed. */
  function update() {
    const previous = resolution ?? resolve(undefined, new Set())
    const next = resolve(list, notFound)
    let changed = false
    for (const role of MODEL_ROLES) {
      const before = previous[role]
      const after = next[role]
      if (before.inUse !== after.inUse || before.reason !== after.reason) changed = true
      announce(role, after)
    }
    resolution = next
    if (changed) revision++
  }

  function announce(role: ModelRole, r: Resolution[ModelRole]) {
    const key = `${role}:${r.configured}:${r.inUse}:${r.reason}`
    if (announced.has(key) || !r.reason) return
    announced.add(key)
    if (r.substituted) {
      log.warn('model substituted: the service does not serve the configured id', {
        role,
        from: r.configured,
        to: r.inUse,
        reason: r.reason,
      })
    } else {
      log.warn(
        'configured model is not served; kept as set (GEMINI_MODEL_SUBSTITUTE=true lets a candidate stand in)',
        {
          role,
          model: r.configured,
          variable: r.explicit ? ROLES[role].env[0] : undefined,
          reason: r.reason,
        }
      )
    }
  }

  async function readOnce() {
    const started = now()
    try {
      const read = await options.readList()
      if (read.size === 0) throw new EmptyList()
      list = read
      readAt = now()
      failure = undefined
      log.info('model list read', { models: read.size, ms: Math.round(now() - started) })
    } catch (error) {
      failedAt = now()
      failure = describe(error)
      log.warn('model list could not be read; the catalogue ids are used', {
        failure,
        err: error,
      })
    }
    update()
  }

  let reading = once(readOnce)
  const due = () => {
    const t = now()
    if (readAt !== undefined && t - readAt < ttlMs) return false
    return failedAt === undefined || t - failedAt >= retryMs || (readAt ?? 0) > failedAt
  }

  return {
    idOf: (role) => current()[role].inUse,
    async ready() {
      if (ai.backend === 'none' || !due()) return
      const first = !waited
      waited = true
      const pending = reading().finally(() => {
        reading = once(readOnce)
      })
      if (!first) return
      let timer: ReturnType<typeof setTimeout> | undefined
      await Promise.race([pending, new Promise((r) => (timer = setTimeout(r, waitMs)))])
      clearTimeout(timer)
    },
    notFound(role, id) {
      if (!notFound.has(id)) {
        notFound.add(id)
        update()
      }
      return current()[role].inUse
    },
    isNotFound: (id) => notFound.has(id),
    report: () => ({
      list: {
        state: failure ? 'failed' : list ? 'read' : 'unread',
        readAt: readAt === undefined ? null : new Date(readAt).toISOString(),
        ...(list ? { models: list.size } : {}),
        ...(failure ? { failure } : {}),
      },
      revision,
      roles: current(),
    }),
  }
}

class EmptyList extends Error {
  override name = 'EmptyList'
}

function describe(error: unknown): string {
  if (error instanceof EmptyList) return 'empty'
  if (error instanceof UpstreamHttpError) return `HTTP ${error.status}`
  if (error instanceof Error && /abort|timeout|timed out/i.test(`${error.name} ${error.message}`))
    return 'timeout'
  return 'unreachable'
}
