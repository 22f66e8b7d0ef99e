/**
 * cloudbuild.yaml run as Cloud Build runs it, on this machine: the substitutions applied to each
 * step's arguments (`$$` a literal dollar, an unknown name an error), the steps in order in one
 * workspace, the first failure ending the build. Steps run their entrypoint (`bash -c …`) or, for
 * builder images without one, the builder's command (`docker …`), found on PATH: the tests put
 * stand-ins for `gcloud` and `docker` first.
 */
import { mkdtempSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { REPO_ROOT } from '../../../scripts/build-server'

export interface BuildStep {
  id?: string
  name: string
  entrypoint?: string
  args?: string[]
}

export interface CloudBuildFile {
  substitutions?: Record<string, string>
  steps: BuildStep[]
}

export interface StepRun {
  id: string
  code: number
  output: string
}

export interface BuildRun {
  ok: boolean
  steps: StepRun[]
  /** The id of the step that failed the build. */
  failedAt?: string
  workspace: string
}

export const BUILT_IN = {
  PROJECT_ID: 'test-project',
  SHORT_SHA: 'abc1234',
  BUILD_ID: 'b-0001',
}

export async function readCloudBuild(): Promise<CloudBuildFile> {
  return Bun.YAML.parse(await Bun.file(join(REPO_ROOT, 'cloudbuild.yaml')).text()) as CloudBuildFile
}

/** Cloud Build's substitution of one argument. */
export function substitute(text: string, values: Record<string, string>): string {
  return text.replace(/\$\$|\$\{(\w+)\}|\$(\w+)/g, (whole, braced?: string, bare?: string) => {
    if (whole === '$$') return '$'
    const name = (braced ?? bare)!
    const value = values[name]
    if (value === undefined) throw new Error(`cloudbuild.yaml uses $${name}, which is not declared`)
    return value
  })
}

/** The step's command after substitution: `[entrypoint or builder command, ...args]`. */
export function commandOf(step: BuildStep, values: Record<string, string>): string[] {
  const program = step.entrypoint ?? step.name.split('/').at(-1)!.split(':')[0]!
  return [program, ...(step.args ?? []).map((a) => substitute(a, values))]
}

/** A workspace like Cloud Build's /workspace: the checkout's files the steps read. */
export function makeWorkspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ais-cloudbuild-'))
  for (const entry of ['scripts', 'service.yaml', 'package.json']) {
    symlinkSync(join(REPO_ROOT, entry), join(dir, entry))
  }
  return dir
}

export async function runCloudBuild(options: {
  substitutions?: Record<string, string>
  env: Record<string, string>
  /** Where the stand-in gcloud and docker live; first on PATH. */
  bin: string
}): Promise<BuildRun> {
  const build = await readCloudBuild()
  const values = { ...BUILT_IN, ...build.substitutions, ...options.substitutions }
  const workspace = makeWorkspace()
  const steps: StepRun[] = []
  for (const [index, step] of build.steps.entries()) {
    const id = step.id ?? String(index)
    const proc = Bun.spawn(commandOf(step, values), {
      cwd: workspace,
      env: { ...options.env, HOME: workspace, PATH: `${options.bin}:${process.env.PATH}` },
      stdout: 'pipe',
      stderr: 'pipe',
    })
    const [out, err, code] = await Promise.all([
      new Response(proc.stdout).text(),
      new Response(proc.stderr).text(),
      proc.exited,
    ])
    steps.push({ id, code, output: out + err })
    if (code !== 0) return { ok: false, steps, failedAt: id, workspace }
  }
  return { ok: true, steps, workspace }
}
