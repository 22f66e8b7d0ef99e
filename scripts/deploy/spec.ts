/**
 * @module scripts/deploy/spec
 * service.yaml as a typed `ServiceSpec`: the settings Cloud Run's Knative `Service` carries that
 * this project uses, read strictly. `readService` fills the `${NAME}` values, reads the spec, then
 * writes it back as Knative and compares: anything in the file the spec does not hold (a setting
 * the deploy flags could not carry) is an error naming its path, so the file and the flags cannot
 * drift apart. No package imports: Cloud Build runs this with a bare `bun`.
 */
import { resolvePlaceholders, SpecError } from './placeholders'

export { SpecError } from './placeholders'

export interface ProbeSpec {
  path: string
  port: number
  initialDelaySeconds?: number
  periodSeconds?: number
  timeoutSeconds?: number
  failureThreshold?: number
}

export type EnvEntry =
  | { name: string; value: string }
  | { name: string; secret: string; version: string }

export interface ServiceSpec {
  name: string
  ingress: string
  cpuBoost: boolean
  minInstances: number
  maxInstances: number
  concurrency: number
  timeoutSeconds: number
  serviceAccount?: string
  image: string
  port: number
  cpu: string
  memory: string
  env: EnvEntry[]
  startupProbe: ProbeSpec
  livenessProbe: ProbeSpec
}

type Node = unknown
const PROBE_NUMBERS = [
  'initialDelaySeconds',
  'periodSeconds',
  'timeoutSeconds',
  'failureThreshold',
] as const
const BOOST = 'run.googleapis.com/startup-cpu-boost'
const MIN = 'autoscaling.knative.dev/minScale'
const MAX = 'autoscaling.knative.dev/maxScale'
const INGRESS = 'run.googleapis.com/ingress'

/** Parses service.yaml text, fills `${NAME}`s from `values`, and reads it strictly. */
export function readService(text: string, values: Record<string, string>): ServiceSpec {
  const doc = resolvePlaceholders(Bun.YAML.parse(text), values)
  const spec = fromKnative(doc)
  const extra = differences(doc, toKnative(spec))
  if (extra.length > 0) {
    throw new SpecError(`service.yaml: not carried to the deploy flags: ${extra.join(', ')}`)
  }
  return spec
}

export function fromKnative(doc: Node): ServiceSpec {
  if (get(doc, 'apiVersion') !== 'serving.knative.dev/v1' || get(doc, 'kind') !== 'Service') {
    throw new SpecError('service.yaml: expected apiVersion serving.knative.dev/v1, kind Service')
  }
  const template = 'spec.template'
  const containers = get(doc, `${template}.spec.containers`)
  if (!Array.isArray(containers) || containers.length !== 1) {
    throw new SpecError('service.yaml: expected exactly one container')
  }
  const c = 'spec.template.spec.containers.0'
  const ports = get(doc, `${c}.ports`)
  if (!Array.isArray(ports) || ports.length !== 1) {
    throw new SpecError('service.yaml: expected exactly one container port')
  }
  const sa = get(doc, `${template}.spec.serviceAccountName`)
  return {
    name: text(doc, 'metadata.name'),
    ingress: text(doc, `metadata.annotations.${INGRESS}`),
    cpuBoost: text(doc, `${template}.metadata.annotations.${BOOST}`) === 'true',
    minInstances: Number(text(doc, `${template}.metadata.annotations.${MIN}`, /^\d+$/)),
    maxInstances: Number(text(doc, `${template}.metadata.annotations.${MAX}`, /^\d+$/)),
    concurrency: int(doc, `${template}.spec.containerConcurrency`),
    timeoutSeconds: int(doc, `${template}.spec.timeoutSeconds`),
    ...(sa === undefined
      ? {}
      : { serviceAccount: text(doc, `${template}.spec.serviceAccountName`) }),
    image: text(doc, `${c}.image`),
    port: int(doc, `${c}.ports.0.containerPort`),
    cpu: text(doc, `${c}.resources.limits.cpu`),
    memory: text(doc, `${c}.resources.limits.memory`, /^\d+(Mi|Gi)$/),
    env: envOf(doc, `${c}.env`),
    startupProbe: probeOf(doc, `${c}.startupProbe`),
    livenessProbe: probeOf(doc, `${c}.livenessProbe`),
  }
}

/** The canonical Knative document of a spec (what `gcloud run services replace` takes). */
export function toKnative(spec: ServiceSpec): Record<string, unknown> {
  return {
    apiVersion: 'serving.knative.dev/v1',
    kind: 'Service',
    metadata: { name: spec.name, annotations: { [INGRESS]: spec.ingress } },
    spec: {
      template: {
        metadata: {
          annotations: {
            [BOOST]: String(spec.cpuBoost),
            [MIN]: String(spec.minInstances),
            [MAX]: String(spec.maxInstances),
          },
        },
        spec: {
          containerConcurrency: spec.concurrency,
          timeoutSeconds: spec.timeoutSeconds,
          ...(spec.serviceAccount ? { serviceAccountName: spec.serviceAccount } : {}),
          containers: [
            {
              image: spec.image,
              ports: [{ name: 'http1', containerPort: spec.port }],
              resources: { limits: { cpu: spec.cpu, memory: spec.memory } },
              env: spec.env.map((e) =>
                'value' in e
                  ? { name: e.name, value: e.value }
                  : {
                      name: e.name,
                      valueFrom: { secretKeyRef: { name: e.secret, key: e.version } },
                    }
              ),
              startupProbe: probeDoc(spec.startupProbe),
              livenessProbe: probeDoc(spec.livenessProbe),
            },
          ],
        },
      },
    },
  }
}

function probeDoc(probe: ProbeSpec) {
  const { path, port, ...numbers } = probe
  return { httpGet: { path, port }, ...numbers }
}

function probeOf(doc: Node, path: string): ProbeSpec {
  const probe: ProbeSpec = {
    path: text(doc, `${path}.httpGet.path`),
    port: int(doc, `${path}.httpGet.port`),
  }
  for (const key of PROBE_NUMBERS) {
    if (get(doc, `${path}.${key}`) !== undefined) probe[key] = int(doc, `${path}.${key}`)
  }
  return probe
}

function envOf(doc: Node, path: string): EnvEntry[] {
  const list = get(doc, path) ?? []
  if (!Array.isArray(list)) throw new SpecError(`service.yaml: ${path} must be a list`)
  return list.map((_, i): EnvEntry => {
    const name = text(doc, `${path}.${i}.name`, /^[A-Z_][A-Z0-9_]*$/)
    if (get(doc, `${path}.${i}.value`) !== undefined) {
      return { name, value: text(doc, `${path}.${i}.value`, /^[^,]*$/) }
    }
    const ref = `${path}.${i}.valueFrom.secretKeyRef`
    return { name, secret: text(doc, `${ref}.name`), version: text(doc, `${ref}.key`) }
  })
}

/** The value at a dotted path (annotation keys hold dots, so segments are matched greedily). */
function get(doc: Node, path: string): Node {
  let node = doc
  let rest = path
  while (rest) {
    if (typeof node !== 'object' || node === null) return undefined
    const record = node as Record<string, Node>
    const key = Object.keys(record)
      .filter((k) => rest === k || rest.startsWith(`${k}.`))
      .sort((a, b) => b.length - a.length)[0]
    if (key === undefined) return undefined
    node = record[key]
    rest = rest.slice(key.length + 1)
  }
  return node
}

function text(doc: Node, path: string, pattern = /\S/): string {
  const value = get(doc, path)
  if (typeof value !== 'string' || !pattern.test(value)) {
    throw new SpecError(
      `service.yaml: ${path} must be text matching ${pattern}, got ${JSON.stringify(value)}`
    )
  }
  return value
}

function int(doc: Node, path: string): number {
  const value = get(doc, path)
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new SpecError(
      `service.yaml: ${path} must be a whole number, got ${JSON.stringify(value)}`
    )
  }
  return value
}

/** Paths where `a` has something `b` does not (or a different value). */
export function differences(a: Node, b: Node, path = ''): string[] {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) {
    return a === b ? [] : [path || '(root)']
  }
  if (Array.isArray(a) !== Array.isArray(b)) return [path]
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  return [...keys].flatMap((k) =>
    differences(
      (a as Record<string, Node>)[k],
      (b as Record<string, Node>)[k],
      path ? `${path}.${k}` : k
    )
  )
}
