/**
 * service.yaml, the service declared once: probes on /health, CPU boost, concurrency, timeout,
 * instances, secrets from Secret Manager, the runtime service account. The two ways of deploying
 * agree with it: the `gcloud run deploy` flags the trigger uses say exactly what it says (read
 * back flag by flag), and the YAML rendered for `gcloud run services replace` reads back to the
 * same spec. A setting the flags could not carry is refused, not silently dropped.
 */
import { describe, expect, test } from 'bun:test'
import { join } from 'node:path'
import { REPO_ROOT } from '../../scripts/build-server'
import { deployFlags } from '../../scripts/deploy/flags'
import {
  type EnvEntry,
  type ProbeSpec,
  readService,
  type ServiceSpec,
  SpecError,
  toKnative,
} from '../../scripts/deploy/spec'

const source = await Bun.file(join(REPO_ROOT, 'service.yaml')).text()
const VALUES = {
  SERVICE: 'ais-studio',
  IMAGE: 'europe-west1-docker.pkg.dev/p/ais-studio/ais-studio:abc1234',
  GEMINI_SECRET: 'gemini-api-key',
  API_KEYS_SECRET: 'ais-api-keys',
  SECRETS_KEY_SECRET: 'ais-secrets-key',
  BUCKET: 'ais-media',
  RUNTIME_SERVICE_ACCOUNT: 'ais-studio@p.iam.gserviceaccount.com',
}
const spec = readService(source, VALUES)

/** `gcloud run deploy` flags read back into a spec, as gcloud would apply them to a new service. */
function applyFlags(flags: string[], name: string): ServiceSpec {
  const out: Partial<ServiceSpec> & { env: EnvEntry[] } = { name, env: [] }
  for (const flag of flags) {
    const [, key, value = ''] = flag.match(/^--([a-z-]+)(?:=(.*))?$/s) ?? []
    switch (key) {
      case 'image':
        out.image = value
        break
      case 'port':
        out.port = Number(value)
        break
      case 'cpu':
        out.cpu = value
        break
      case 'memory':
        out.memory = value
        break
      case 'cpu-boost':
      case 'no-cpu-boost':
        out.cpuBoost = key === 'cpu-boost'
        break
      case 'concurrency':
        out.concurrency = Number(value)
        break
      case 'timeout':
        out.timeoutSeconds = Number(value)
        break
      case 'min-instances':
        out.minInstances = Number(value)
        break
      case 'max-instances':
        out.maxInstances = Number(value)
        break
      case 'ingress':
        out.ingress = value
        break
      case 'service-account':
        out.serviceAccount = value
        break
      case 'set-env-vars':
        for (const pair of value.split(',')) {
          const [k, ...v] = pair.split('=')
          out.env.push({ name: k!, value: v.join('=') })
        }
        break
      case 'set-secrets':
        for (const pair of value.split(',')) {
          const [, k, secret, version] = pair.match(/^([A-Z_0-9]+)=([^:]+):(.+)$/) ?? []
          out.env.push({ name: k!, secret: secret!, version: version! })
        }
        break
      case 'clear-env-vars':
      case 'clear-secrets':
        break
      case 'startup-probe':
      case 'liveness-probe':
        out[key === 'startup-probe' ? 'startupProbe' : 'livenessProbe'] = probeFrom(value)
        break
      default:
        throw new Error(`a flag this reading does not know: ${flag}`)
    }
  }
  return out as ServiceSpec
}

function probeFrom(value: string): ProbeSpec {
  const fields = Object.fromEntries(value.split(',').map((p) => p.split('=') as [string, string]))
  const { 'httpGet.path': path, 'httpGet.port': port, ...numbers } = fields
  return {
    path: path!,
    port: Number(port),
    ...Object.fromEntries(Object.entries(numbers).map(([k, v]) => [k, Number(v)])),
  }
}

const byName = (env: EnvEntry[]) => [...env].sort((a, b) => a.name.localeCompare(b.name))
const normalised = (s: ServiceSpec) => ({ ...s, env: byName(s.env) })

describe('service.yaml', () => {
  test('is a Knative Service that Cloud Run takes, with the settings the app needs', () => {
    expect(spec.startupProbe).toMatchObject({ path: '/health', port: spec.port })
    expect(spec.livenessProbe).toMatchObject({ path: '/health', port: spec.port })
    expect(spec.port).toBe(8080)
    expect(spec.cpuBoost).toBe(true)
    expect(spec.concurrency).toBeGreaterThan(1)
    // Long model calls and streamed articles: well above the 300 s default, within 3600 s.
    expect(spec.timeoutSeconds).toBeGreaterThanOrEqual(600)
    expect(spec.timeoutSeconds).toBeLessThanOrEqual(3600)
    expect(spec.minInstances).toBeLessThanOrEqual(spec.maxInstances)
    expect(spec.maxInstances).toBeGreaterThan(0)
    expect(spec.serviceAccount).toBe(VALUES.RUNTIME_SERVICE_ACCOUNT)
    expect(spec.image).toBe(VALUES.IMAGE)
  })

  test('probes stay within Cloud Run limits (threshold x period <= 240 s, timeout <= period)', () => {
    for (const probe of [spec.startupProbe, spec.livenessProbe]) {
      const period = probe.periodSeconds ?? 10
      expect((probe.failureThreshold ?? 3) * period).toBeLessThanOrEqual(240)
      expect(probe.timeoutSeconds ?? 1).toBeLessThanOrEqual(period)
    }
  })

  test('keys come from Secret Manager, never as plain values', () => {
    expect(spec.env).toContainEqual({
      name: 'GEMINI_API_KEY',
      secret: 'gemini-api-key',
      version: 'latest',
    })
    expect(spec.env).toContainEqual({ name: 'API_KEYS', secret: 'ais-api-keys', version: 'latest' })
    expect(spec.env).toContainEqual({
      name: 'SECRETS_KEY',
      secret: 'ais-secrets-key',
      version: 'latest',
    })
    expect(spec.env).toContainEqual({ name: 'GCP_STORAGE_BUCKET_NAME', value: 'ais-media' })
    const plain = spec.env.filter((e) => 'value' in e).map((e) => e.name)
    expect(plain.filter((n) => /KEY|SECRET|TOKEN/.test(n))).toEqual([])
  })

  test('optional values left empty leave their setting out; a missing value is an error', () => {
    const bare = readService(source, {
      ...VALUES,
      API_KEYS_SECRET: '',
      SECRETS_KEY_SECRET: '',
      BUCKET: '',
      RUNTIME_SERVICE_ACCOUNT: '',
    })
    expect(bare.env.map((e) => e.name)).toEqual(['GEMINI_API_KEY'])
    expect(bare.serviceAccount).toBeUndefined()
    expect(deployFlags(bare)).toContain('--clear-env-vars')
    expect(deployFlags(bare).some((f) => f.startsWith('--service-account'))).toBe(false)
    const { IMAGE: _, ...noImage } = VALUES
    expect(() => readService(source, noImage)).toThrow('needs a value for IMAGE')
    expect(() => readService(source, { ...VALUES, IMAGE: '' })).toThrow(SpecError)
  })
})

describe('the two ways of deploying agree with service.yaml', () => {
  test('the gcloud run deploy flags carry every setting, read back flag by flag', () => {
    expect(normalised(applyFlags(deployFlags(spec), spec.name))).toEqual(normalised(spec))
  })

  test('the YAML rendered for gcloud run services replace reads back to the same spec', () => {
    const rendered = Bun.YAML.stringify(toKnative(spec), null, 2)
    expect(readService(rendered, {})).toEqual(spec)
  })

  test('the render command prints that YAML; the flags command prints one flag per line', async () => {
    const pairs = Object.entries(VALUES).map(([k, v]) => `${k}=${v}`)
    const run = (command: string) =>
      Bun.spawnSync([
        process.execPath,
        join(REPO_ROOT, 'scripts/deploy/service.ts'),
        command,
        join(REPO_ROOT, 'service.yaml'),
        ...pairs,
      ])
    expect(readService(run('render').stdout.toString(), {})).toEqual(spec)
    expect(run('flags').stdout.toString().trim().split('\n')).toEqual(deployFlags(spec))
  })

  test.each([
    [
      'an annotation',
      'run.googleapis.com/ingress: all',
      'run.googleapis.com/ingress: all\n    run.googleapis.com/launch-stage: BETA',
    ],
    [
      'a container setting',
      '          ports:',
      '          command: ["/app/dist/server"]\n          ports:',
    ],
    [
      'a probe field',
      '            failureThreshold: 3',
      '            failureThreshold: 3\n            successThreshold: 1',
    ],
  ])('a setting the flags cannot carry (%s) is refused, by path', (_, from, to) => {
    expect(source).toContain(from)
    expect(() => readService(source.replace(from, to), VALUES)).toThrow(
      /not carried to the deploy flags: \S+/
    )
  })

  test('the flags are ones gcloud run deploy knows (gcloud 528)', () => {
    const known =
      /^--(image|port|cpu|memory|cpu-boost|no-cpu-boost|concurrency|timeout|min-instances|max-instances|ingress|service-account|set-env-vars|clear-env-vars|set-secrets|clear-secrets|startup-probe|liveness-probe)(=|$)/
    for (const flag of deployFlags(spec)) expect(flag).toMatch(known)
  })
})
