/**
 * @module ai/model-resolution
 * Which id serves each role, decided from what the service says it serves: the configured (or
 * default) id when it is served; otherwise the role's first candidate that is (`ai/model-roles`).
 * An id a variable set is named as not served, not swapped, unless substitution was asked for
 * (`GEMINI_MODEL_SUBSTITUTE`).
 *
 * The list speaks only for what it lists: Gemini Omni (Interactions API only) may be missing from
 * the Developer API's list while it is served, so for the Interactions family absence means
 * nothing and only a 404 from the service itself takes a model out; and a role the backend does
 * not serve at all (Veo and Imagen on the Developer API) is left as configured.
 */
import type { AiBackend } from '../config'
import type { ModelApi } from './model-families'
import type { ModelList } from './model-list'
import { MODEL_ROLES, type ModelIds, type ModelRole, ROLES } from './model-roles'
import { isRetired, KNOWN_MODELS } from './model-specs'
import { rulesOf } from './models'

/**
 * Why the configured id is not served: on the catalogue's retired list, absent from the service's
 * list, or answered 404 by the service.
 */
export type Unserved = 'retired' | 'not_served' | 'not_found'

export interface RoleResolution {
  configured: string
  /** A variable set the id (else it is the catalogue default). */
  explicit: boolean
  /** The id requests are sent with. */
  inUse: string
  /** Why the configured id is not (or cannot be) used. */
  reason?: Unserved
  /** Another candidate stands in for the configured id. */
  substituted: boolean
}

export type Resolution = Record<ModelRole, RoleResolution>

export interface ResolutionInput {
  backend: Exclude<AiBackend, 'none'>
  configured: ModelIds
  explicit: ReadonlySet<ModelRole>
  substituteExplicit: boolean
  /** The service's list; undefined while it is unread, or when it failed or came back empty. */
  list?: ModelList
  /** Ids the service answered 404 for in this process. */
  notFound: ReadonlySet<string>
}

/** The method a model list names for each way of calling. */
const METHODS: Partial<Record<ModelApi, string>> = {
  generateContent: 'generateContent',
  predict: 'predict',
  predictLongRunning: 'predictLongRunning',
}

export function resolveRoles(input: ResolutionInput): Resolution {
  const { backend, list, notFound } = input
  const onBackend = (id: string) => backend === 'vertex' || rulesOf(id).developerApi
  /** The list can say this id is not served. */
  const speaksFor = (id: string) => list !== undefined && rulesOf(id).api !== 'interactions'
  const listed = (id: string) => {
    const entry = list?.get(id)
    const method = METHODS[rulesOf(id).api]
    return Boolean(entry && (!entry.methods || !method || entry.methods.includes(method)))
  }
  const unserved = (id: string): Unserved | undefined => {
    if (notFound.has(id)) return 'not_found'
    if (isRetired(id)) return 'retired'
    if (speaksFor(id) && !listed(id)) return 'not_served'
    return undefined
  }
  const usable = (id: string) =>
    onBackend(id) && KNOWN_MODELS[id]?.status !== 'deprecated' && !unserved(id)

  const resolution = {} as Resolution
  for (const role of MODEL_ROLES) {
    const configured = input.configured[role]
    const explicit = input.explicit.has(role)
    const reason = onBackend(configured) ? unserved(configured) : undefined
    const mayReplace = !explicit || input.substituteExplicit
    const successor =
      reason && mayReplace
        ? ROLES[role].candidates.find((id) => id !== configured && usable(id))
        : undefined
    resolution[role] = {
      configured,
      explicit,
      inUse: successor ?? configured,
      ...(reason ? { reason } : {}),
      substituted: Boolean(successor),
    }
  }
  return resolution
}
