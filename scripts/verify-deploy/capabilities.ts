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
 * Every model id the capabilities name: values of `model` keys, and `id`s inside anything whose
 * path mentions models (`image.models.banana.id`, `video.models[0].id`, a role table).
 */
export function modelsIn(caps: Json, path: string[] = [], found = new Set<string>()): string[] {
  if (Array.isArray(caps)) {
    for (const item of caps) modelsIn(item, path, found)
  } else if (isObject(caps)) {
    for (const [key, value] of Object.entries(caps)) {
      const inModels = path.some((p) => /model/i.test(p))
      if (typeof value === 'string' && (key === 'model' || (key === 'id' && inModels))) {
        found.add(value)
      } else modelsIn(value, [...path, key], found)
    }
  }
  return [...found].sort()
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
