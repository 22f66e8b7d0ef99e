/**
 * @module scripts/verify-deploy/capabilities
 * Reading `GET /api/capabilities` without tying verify-deploy to its exact shape (it grows: model
 * resolution, prices): the few fields a deployment is judged on, the model ids found anywhere in
 * it, and dotted paths for `--expect`.
 */

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json }

/** `ai` and `storage`, the two fields every version has; undefined when they are missing. */
export function backendsOf(caps: Json): { ai: string; storage: string } | undefined {
  if (!isObject(caps)) return undefined
  const { ai, storage } = caps
  return typeof ai === 'string' && typeof storage === 'string' ? { ai, storage } : undefined
}

/**
 * The model ids in use: `models.roles.<role>.inUse` where the capabilities resolve roles (the
 * service's model list decides), else every id they name (values of `model` keys, and `id`s
 * inside anything whose path mentions models).
 */
export function modelsIn(caps: Json): string[] {
  const roles = Object.values(rolesOf(caps))
  if (roles.length > 0) {
    return [...new Set(roles.map((r) => r.inUse).filter((id): id is string => !!id))].sort()
  }
  return [...namedModels(caps, [], new Set())].sort()
}

/** Roles whose configured id the service does not serve, so another runs: `role configured->inUse`. */
export function substitutionsIn(caps: Json): string[] {
  return Object.entries(rolesOf(caps))
    .filter(([, r]) => r.substituted === true && r.configured && r.inUse)
    .map(([role, r]) => `${role} ${r.configured}->${r.inUse}`)
}

interface RoleState {
  configured?: string
  inUse?: string
  substituted?: boolean
}

function rolesOf(caps: Json): Record<string, RoleState> {
  const roles = isObject(caps) && isObject(caps.models) ? caps.models.roles : undefined
  if (!isObject(roles)) return {}
  const out: Record<string, RoleState> = {}
  for (const [role, state] of Object.entries(roles)) {
    if (!isObject(state)) continue
    out[role] = {
      configured: typeof state.configured === 'string' ? state.configured : undefined,
      inUse: typeof state.inUse === 'string' ? state.inUse : undefined,
      substituted: state.substituted === true,
    }
  }
  return out
}

function namedModels(caps: Json, path: string[], found: Set<string>): Set<string> {
  if (Array.isArray(caps)) {
    for (const item of caps) namedModels(item, path, found)
  } else if (isObject(caps)) {
    for (const [key, value] of Object.entries(caps)) {
      const inModels = path.some((p) => /model/i.test(p))
      if (typeof value === 'string' && (key === 'model' || (key === 'id' && inModels))) {
        found.add(value)
      } else namedModels(value, [...path, key], found)
    }
  }
  return found
}

/** The value at a dotted path (`mediaGeneration.veo`), as text; undefined when absent. */
export function valueAt(caps: Json, dotted: string): string | undefined {
  let node: Json | undefined = caps
  for (const key of dotted.split('.')) {
    if (Array.isArray(node) && /^\d+$/.test(key)) node = node[Number(key)]
    else if (isObject(node)) node = node[key]
    else return undefined
  }
  if (node === undefined) return undefined
  return typeof node === 'string' ? node : JSON.stringify(node)
}

const isObject = (value: Json | undefined): value is { [key: string]: Json } =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
