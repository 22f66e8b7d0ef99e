/**
 * A stand-in `gcloud` on PATH for the rollout tests: a folder holding `gcloud` (and a `docker`
 * that only records) to put first on PATH, and the state file both share. The stand-in records
 * every call and answers from the state (see main.ts); the test sets where the next revision
 * answers (a good app or one that fails the smoke test) and reads the calls and the traffic after.
 *
 * @example
 * const gcloud = await createFakeGcloud({ serviceUrl, nextRevisionUrl, exists: true, traffic })
 * Bun.spawn(['bash', '-c', script], { env: { PATH: `${gcloud.bin}:${process.env.PATH}`, ...gcloud.env } })
 * const { calls, traffic } = await gcloud.state()
 */
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type GcloudState, readState, writeState } from './state'

export { type GcloudState, identityTokenFor, type TrafficTarget } from './state'

export interface FakeGcloud {
  /** Put first on PATH. */
  readonly bin: string
  /** Environment the stand-ins need (the state file). */
  readonly env: Record<string, string>
  /** Every `docker` call's arguments (the build steps). */
  readonly dockerLog: string
  state(): Promise<GcloudState>
  update(change: (state: GcloudState) => void): Promise<void>
}

export async function createFakeGcloud(
  initial: Partial<GcloudState> & Pick<GcloudState, 'serviceUrl' | 'nextRevisionUrl'>
): Promise<FakeGcloud> {
  const dir = mkdtempSync(join(tmpdir(), 'ais-fake-gcloud-'))
  const bin = join(dir, 'bin')
  const stateFile = join(dir, 'state.json')
  const dockerLog = join(dir, 'docker.log')
  await writeState(stateFile, {
    service: 'ais-studio',
    region: 'europe-west1',
    exists: false,
    revisions: [],
    traffic: [],
    secrets: {},
    calls: [],
    history: [],
    ...initial,
  })
  const script = (body: string) => `#!/usr/bin/env bash\n${body}\n`
  await Bun.write(
    join(bin, 'gcloud'),
    script(`exec "${process.execPath}" "${join(import.meta.dir, 'main.ts')}" "$@"`)
  )
  writeFileSync(join(bin, 'docker'), script(`printf '%s\\n' "$*" >> "${dockerLog}"`))
  chmodSync(join(bin, 'gcloud'), 0o755)
  chmodSync(join(bin, 'docker'), 0o755)
  return {
    bin,
    env: { FAKE_GCLOUD_STATE: stateFile },
    dockerLog,
    state: () => readState(stateFile),
    async update(change) {
      const state = await readState(stateFile)
      change(state)
      await writeState(stateFile, state)
    },
  }
}
