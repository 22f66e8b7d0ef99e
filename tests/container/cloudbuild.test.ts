/**
 * cloudbuild.yaml, read as Cloud Build reads it: the steps build with a layer cache, tag
 * $SHORT_SHA, push to Artifact Registry and deploy to Cloud Run with the flags the service needs;
 * every substitution used is declared (and explained), every declared one is used.
 */
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Cloud Build substitutions are written ${_X}.
import { describe, expect, test } from 'bun:test'
import { join } from 'node:path'
import { parse } from 'yaml'

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

  test('steps run in order: pull, build, push, deploy', () => {
    const ids = build.steps.map((s) => s.id)
    expect(ids.indexOf('build')).toBeGreaterThan(ids.indexOf('pull-cache'))
    expect(ids.indexOf('push')).toBeGreaterThan(ids.indexOf('build'))
    expect(ids.indexOf('deploy')).toBeGreaterThan(ids.indexOf('push'))
  })

  describe('deploy', () => {
    const deploy = stepText(stepById('deploy'))

    test('deploys the pushed $SHORT_SHA image to Cloud Run in the region', () => {
      expect(deploy).toContain('gcloud run deploy ${_SERVICE}')
      expect(deploy).toContain(`--image=${IMAGE}:$SHORT_SHA`)
      expect(deploy).toContain('--region=${_REGION}')
      expect(deploy).toContain('--port=8080')
    })

    test('boosts CPU at start and sizes memory, timeout and concurrency', () => {
      expect(deploy).toContain('--cpu-boost')
      expect(deploy).toMatch(/--memory=\d+(Mi|Gi)/)
      const timeout = Number(deploy.match(/--timeout=(\d+)/)?.[1])
      // Long model calls and streamed articles: well above the 300 s default, within 3600 s.
      expect(timeout).toBeGreaterThanOrEqual(600)
      expect(timeout).toBeLessThanOrEqual(3600)
      expect(Number(deploy.match(/--concurrency=(\d+)/)?.[1])).toBeGreaterThan(1)
    })

    test('takes GEMINI_API_KEY from Secret Manager, never from a plain env var', () => {
      expect(deploy).toContain('GEMINI_API_KEY=${_GEMINI_SECRET}:latest')
      expect(deploy).toContain('--set-secrets=')
      expect(deploy).not.toMatch(/--(set|update)-env-vars=[^\s]*GEMINI_API_KEY/)
    })

    test('is not public by default', () => {
      expect(deploy).toContain('--no-allow-unauthenticated')
      expect(deploy).not.toMatch(/--allow-unauthenticated/)
      expect(source).toMatch(/^#.*Identity-Aware Proxy/m)
    })
  })
})
