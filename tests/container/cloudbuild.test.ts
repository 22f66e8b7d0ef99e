/**
 * cloudbuild.yaml, read as Cloud Build reads it: the steps build with a layer cache, tag
 * $SHORT_SHA, push to Artifact Registry, deploy a tagged revision without traffic with the
 * settings of service.yaml, verify it, then move the traffic; every substitution used is declared
 * (and explained), every declared one is used; every inline script is valid bash. The rollout
 * itself runs in tests/deploy/rollout.test.ts.
 */
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Cloud Build substitutions are written ${_X}.
import { describe, expect, test } from 'bun:test'
import { join } from 'node:path'
import { parse } from 'yaml'
import { commandOf, substitute } from '../deploy/support/cloud-build'

const ROOT = join(import.meta.dir, '..', '..')
const source = await Bun.file(join(ROOT, 'cloudbuild.yaml')).text()

interface Step {
  id?: string
  name: string
  entrypoint?: string
  args?: string[]
}
interface CloudBuild {
  substitutions?: Record<string, string>
  options?: Record<string, unknown>
  steps: Step[]
  images?: string[]
}

const build = parse(source) as CloudBuild
const IMAGE = '${_REGION}-docker.pkg.dev/$PROJECT_ID/${_REPOSITORY}/${_SERVICE}'
/** Cloud Build's own substitutions (https://cloud.google.com/build/docs/configuring-builds/substitute-variable-values). */
const BUILT_IN = new Set([
  'PROJECT_ID',
  'PROJECT_NUMBER',
  'BUILD_ID',
  'LOCATION',
  'TRIGGER_NAME',
  'COMMIT_SHA',
  'SHORT_SHA',
  'REVISION_ID',
  'REPO_NAME',
  'REPO_FULL_NAME',
  'BRANCH_NAME',
  'TAG_NAME',
  'REF_NAME',
  'TRIGGER_BUILD_CONFIG_PATH',
  'SERVICE_ACCOUNT_EMAIL',
  'SERVICE_ACCOUNT',
])

const stepText = (step: Step) => [step.entrypoint ?? '', ...(step.args ?? [])].join(' ')
const stepById = (id: string) => {
  const step = build.steps.find((s) => s.id === id)
  if (!step) throw new Error(`no step ${id}`)
  return step
}
/** Every `$NAME` / `${NAME}` Cloud Build would substitute (`$$` is a literal dollar). */
function substitutionsUsed(text: string): string[] {
  const names = [...text.replaceAll('$$', '').matchAll(/\$(?:\{(\w+)\}|(\w+))/g)].map(
    (m) => (m[1] ?? m[2])!
  )
  return [...new Set(names)]
}
const valuesText = JSON.stringify({ ...build, substitutions: undefined })

describe('cloudbuild.yaml', () => {
  test('parses as YAML with steps, substitutions and images', () => {
    expect(Array.isArray(build.steps)).toBe(true)
    expect(build.steps.length).toBeGreaterThanOrEqual(4)
    expect(Object.keys(build.substitutions ?? {})).toEqual(
      expect.arrayContaining(['_REGION', '_REPOSITORY', '_SERVICE', '_GEMINI_SECRET'])
    )
  })

  test('every substitution used is declared or built in, and every declared one is used', () => {
    const used = substitutionsUsed(valuesText)
    const declared = Object.keys(build.substitutions ?? {})
    const undeclared = used.filter((n) => !declared.includes(n) && !BUILT_IN.has(n))
    expect(undeclared).toEqual([])
    expect(declared.filter((n) => !used.includes(n))).toEqual([])
    expect(used.filter((n) => !n.startsWith('_') && !BUILT_IN.has(n))).toEqual([])
  })

  test('each substitution is explained in the comment block at the top', () => {
    const header = source.slice(0, source.indexOf('substitutions:'))
    for (const name of Object.keys(build.substitutions ?? {})) {
      expect(header).toMatch(new RegExp(`^#\\s+${name}\\s+\\S`, 'm'))
    }
  })

  test('pulls the previous images for the cache without failing the first build', () => {
    const pull = build.steps[0]!
    expect(stepText(pull)).toContain(`docker pull ${IMAGE}:latest || exit 0`)
  })

  test('builds with --cache-from and tags $SHORT_SHA and latest in Artifact Registry', () => {
    const step = stepById('build')
    expect(step.name).toBe('gcr.io/cloud-builders/docker')
    expect(step.args?.[0]).toBe('build')
    expect(step.args).toContain(`--cache-from=${IMAGE}:latest`)
    expect(step.args).toContain(`--tag=${IMAGE}:$SHORT_SHA`)
    expect(step.args).toContain(`--tag=${IMAGE}:latest`)
    expect(step.args?.at(-1)).toBe('.')
    // The build stage is cached too, from its own image.
    expect(stepById('build-stage').args).toContain('--target=build')
    expect(step.args).toContain(`--cache-from=${IMAGE}:build-cache`)
  })

  test('pushes to Artifact Registry, never to the shut-down Container Registry', () => {
    expect(stepText(stepById('push'))).toContain(`push --all-tags ${IMAGE}`)
    expect(valuesText).not.toMatch(/(^|[\s"/])(eu\.|us\.|asia\.)?gcr\.io\/\$PROJECT_ID/)
    expect(build.images).toEqual(expect.arrayContaining([`${IMAGE}:$SHORT_SHA`, `${IMAGE}:latest`]))
  })

  test('steps run in order: pull, build, push, tools, deploy, verify, traffic', () => {
    expect(build.steps.map((s) => s.id)).toEqual([
      'pull-cache',
      'build-stage',
      'build',
      'push',
      'tools',
      'deploy',
      'verify',
      'traffic',
    ])
    // One after the other: no step starts before the one above it has passed.
    expect(build.steps.every((s) => !('waitFor' in s))).toBe(true)
  })

  test('every inline script is valid bash once substituted (bash -n)', () => {
    const values = Object.fromEntries(
      [...BUILT_IN, ...Object.keys(build.substitutions ?? {})].map((n) => [n, 'x'])
    )
    const scripts = build.steps.filter((s) => s.entrypoint === 'bash')
    expect(scripts.length).toBeGreaterThanOrEqual(4)
    for (const step of scripts) {
      const [, flag, script] = commandOf(step, values)
      expect(flag).toBe('-c')
      const check = Bun.spawnSync(['bash', '-n', '-c', script!])
      expect({ step: step.id, error: check.stderr.toString() }).toEqual({
        step: step.id,
        error: '',
      })
      // The rollout's scripts stop at the first failing command (pull-cache may fail on purpose).
      if (step.id !== 'pull-cache') expect(script).toMatch(/^set -euo pipefail$/m)
    }
  })

  test('the gcloud steps get their bun from the image the Dockerfile builds with', async () => {
    const dockerfile = await Bun.file(join(ROOT, 'Dockerfile')).text()
    const buildImage = dockerfile.match(/^FROM\s+(\S+)\s+AS\s+build$/m)?.[1]
    expect(stepById('tools').name).toBe(buildImage!)
  })

  describe('deploy', () => {
    const deploy = stepText(stepById('deploy'))

    test('deploys the pushed $SHORT_SHA image as a tagged revision without traffic', () => {
      expect(deploy).toContain('gcloud run deploy ${_SERVICE}')
      expect(deploy).toContain(`IMAGE=${IMAGE}:$SHORT_SHA`)
      expect(deploy).toContain('--region=${_REGION}')
      expect(deploy).toContain('--tag="$$tag"')
      expect(deploy).toContain('traffic=(--no-traffic)')
      expect(deploy).toContain('tag="c-$SHORT_SHA"')
    })

    test('takes every setting from service.yaml and states none of its own', () => {
      expect(deploy).toContain('bun scripts/deploy/service.ts flags service.yaml')
      expect(deploy).toContain('"$${settings[@]}"')
      for (const flag of [
        '--memory',
        '--cpu',
        '--concurrency',
        '--timeout',
        '--min-instances',
        '--max-instances',
        '--set-secrets',
        '--set-env-vars',
        '--service-account',
        '--startup-probe',
        '--liveness-probe',
        '--port',
      ]) {
        expect(deploy).not.toContain(`${flag}=`)
      }
      expect(deploy).not.toContain('--cpu-boost')
    })

    test('gives the service values to service.yaml: secrets by name, never a key itself', () => {
      expect(deploy).toContain('GEMINI_SECRET=${_GEMINI_SECRET}')
      expect(deploy).toContain('API_KEYS_SECRET=${_API_KEYS_SECRET}')
      expect(deploy).toContain('BUCKET=${_BUCKET}')
      expect(deploy).toContain('RUNTIME_SERVICE_ACCOUNT=${_RUNTIME_SA}')
      expect(deploy).not.toMatch(/GEMINI_API_KEY=/)
    })

    test('is not public by default', () => {
      expect(deploy).toContain('--no-allow-unauthenticated')
      expect(deploy).not.toMatch(/--allow-unauthenticated/)
      expect(source).toMatch(/^#.*Identity-Aware Proxy/m)
    })
  })

  test('verify smoke-tests the tagged URL with an identity token before any traffic moves', () => {
    const verify = stepText(stepById('verify'))
    expect(verify).toContain('bash scripts/deploy/smoke.sh')
    expect(verify).not.toContain('update-traffic ${_SERVICE} --region=${_REGION} --to-tags')
    const traffic = stepText(stepById('traffic'))
    expect(traffic).toContain('--to-tags="$$tag=100"')
    expect(traffic).toContain('--remove-tags="$$tag"')
  })

  test('the build timeout leaves room for canary waits', () => {
    expect(
      Number.parseInt(String((build as { timeout?: string }).timeout), 10)
    ).toBeGreaterThanOrEqual(1800)
  })
})

describe('cloudbuild substitution (the test runner mirrors Cloud Build)', () => {
  test('$$ is a dollar, declared names are replaced, an unknown one is an error', () => {
    expect(substitute('$$x ${_A} $B', { _A: '1', B: '2' })).toBe('$x 1 2')
    expect(() => substitute('$NOPE', {})).toThrow('not declared')
  })
})
