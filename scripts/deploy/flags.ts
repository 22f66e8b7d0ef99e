/**
 * @module scripts/deploy/flags
 * A `ServiceSpec` as `gcloud run deploy` flags, every setting of service.yaml stated, none left
 * to what the service had before (`--set-env-vars`/`--set-secrets` replace the lists, an empty
 * list is cleared). One exception: without a service account the flag is left out, so the
 * service keeps the account it runs as (gcloud has no flag value for "the default").
 */
import type { ProbeSpec, ServiceSpec } from './spec'

export function deployFlags(spec: ServiceSpec): string[] {
  const literals = spec.env.flatMap((e) => ('value' in e ? [`${e.name}=${e.value}`] : []))
  const secrets = spec.env.flatMap((e) =>
    'secret' in e ? [`${e.name}=${e.secret}:${e.version}`] : []
  )
  return [
    `--image=${spec.image}`,
    `--port=${spec.port}`,
    `--cpu=${spec.cpu}`,
    `--memory=${spec.memory}`,
    spec.cpuBoost ? '--cpu-boost' : '--no-cpu-boost',
    `--concurrency=${spec.concurrency}`,
    `--timeout=${spec.timeoutSeconds}`,
    `--min-instances=${spec.minInstances}`,
    `--max-instances=${spec.maxInstances}`,
    `--ingress=${spec.ingress}`,
    ...(spec.serviceAccount ? [`--service-account=${spec.serviceAccount}`] : []),
    literals.length > 0 ? `--set-env-vars=${literals.join(',')}` : '--clear-env-vars',
    secrets.length > 0 ? `--set-secrets=${secrets.join(',')}` : '--clear-secrets',
    `--startup-probe=${probeFlag(spec.startupProbe)}`,
    `--liveness-probe=${probeFlag(spec.livenessProbe)}`,
  ]
}

/** `httpGet.path=/health,httpGet.port=8080,periodSeconds=1,…` (gcloud's KEY=VALUE probe form). */
function probeFlag(probe: ProbeSpec): string {
  const { path, port, ...numbers } = probe
  const pairs = [`httpGet.path=${path}`, `httpGet.port=${port}`]
  for (const [key, value] of Object.entries(numbers)) pairs.push(`${key}=${value}`)
  return pairs.join(',')
}
