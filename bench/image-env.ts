/**
 * @module bench/image-env
 * The runtime settings the image gives the server (the `BUN_JSC_*` entries of the Dockerfile's
 * `ENV`), so a bench that runs the production build runs it as Cloud Run does. Read from the
 * Dockerfile itself: one source, no copy to drift.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** The `ENV` entries of a Dockerfile's last stage (continuation lines joined, comments skipped). */
export function dockerfileEnv(dockerfile: string): Record<string, string> {
  const stages = dockerfile.split(/^FROM\s/m)
  const lastStage = stages[stages.length - 1] ?? ''
  const instructions = lastStage
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'))
    .join('\n')
    .replace(/\\\n/g, ' ')
    .split('\n')
  const env: Record<string, string> = {}
  for (const line of instructions) {
    const match = line.match(/^ENV\s+(.*)$/)
    if (!match?.[1]) continue
    for (const pair of match[1].matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|\S*)/g)) {
      env[pair[1] as string] = (pair[2] as string).replace(/^"(.*)"$/, '$1')
    }
  }
  return env
}

/** The JavaScriptCore settings the image runs the server with. */
export function imageJscEnv(repoRoot = join(import.meta.dir, '..')): Record<string, string> {
  const env = dockerfileEnv(readFileSync(join(repoRoot, 'Dockerfile'), 'utf8'))
  return Object.fromEntries(Object.entries(env).filter(([key]) => key.startsWith('BUN_JSC_')))
}
