/**
 * @module scripts/deploy/placeholders
 * Fills the `${NAME}` values of service.yaml. A name without a value is an error (a deployment
 * that forgot its image must not go out); an env entry, or the service account, whose value is
 * empty is left out, which is how optional settings (a bucket, API keys) are switched off.
 */

/** service.yaml cannot be deployed as written (the message names the path or the value). */
export class SpecError extends Error {
  override name = 'SpecError'
}

const PLACEHOLDER = /\$\{([A-Z][A-Z0-9_]*)\}/g

export function resolvePlaceholders(doc: unknown, values: Record<string, string>): unknown {
  const missing = new Set<string>()
  const fill = (node: unknown): unknown => {
    if (typeof node === 'string') {
      return node.replace(PLACEHOLDER, (_, name: string) => {
        const value = values[name]
        if (value === undefined) missing.add(name)
        return value ?? ''
      })
    }
    if (Array.isArray(node)) return node.map(fill)
    if (typeof node === 'object' && node !== null) {
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, fill(v)]))
    }
    return node
  }
  const filled = fill(doc)
  if (missing.size > 0)
    throw new SpecError(`service.yaml needs a value for ${[...missing].join(', ')}`)
  return dropEmpty(filled)
}

/** Env entries with an empty value or secret name, and an empty service account, are left out. */
function dropEmpty(doc: unknown): unknown {
  const template = (doc as { spec?: { template?: { spec?: Record<string, unknown> } } }).spec
    ?.template?.spec
  if (!template) return doc
  if (template.serviceAccountName === '') delete template.serviceAccountName
  const containers = Array.isArray(template.containers) ? template.containers : []
  for (const container of containers as { env?: unknown }[]) {
    if (!Array.isArray(container.env)) continue
    container.env = container.env.filter((entry: Record<string, unknown>) => {
      const secret = (entry.valueFrom as { secretKeyRef?: { name?: unknown } } | undefined)
        ?.secretKeyRef?.name
      return entry.value !== '' && secret !== ''
    })
  }
  return doc
}
