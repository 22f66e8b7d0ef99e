/**
 * Cloud Build runs verify-deploy and the service.yaml reader from the checkout with a bare `bun`
 * copied into the gcloud image: no `bun install`, so they may import no package. Copied to a
 * folder without node_modules, they still run.
 */
import { expect, test } from 'bun:test'
import { cpSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { REPO_ROOT } from '../../scripts/build-server'

test('verify-deploy and scripts/deploy run without node_modules', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ais-bare-'))
  for (const path of [
    'scripts/verify-deploy.ts',
    'scripts/verify-deploy',
    'scripts/deploy',
    'service.yaml',
  ]) {
    cpSync(join(REPO_ROOT, path), join(dir, path), { recursive: true })
  }
  const run = (...args: string[]) => Bun.spawnSync([process.execPath, ...args], { cwd: dir })
  const help = run('scripts/verify-deploy.ts', '--help')
  expect(help.stderr.toString()).toBe('')
  expect(help.stdout.toString()).toContain('Usage: bun run verify-deploy <url>')
  const flags = run(
    'scripts/deploy/service.ts',
    'flags',
    'service.yaml',
    'SERVICE=s',
    'IMAGE=i',
    'GEMINI_SECRET=g',
    'API_KEYS_SECRET=',
    'SECRETS_KEY_SECRET=',
    'BUCKET=',
    'RUNTIME_SERVICE_ACCOUNT='
  )
  expect(flags.stderr.toString()).toBe('')
  expect(flags.stdout.toString()).toContain('--image=i')
  const urls = run('scripts/deploy/revision-url.ts', '/nonexistent.json', 'c-1')
  expect(urls.stderr.toString()).toContain('revision-url:')
  expect(urls.exitCode).toBe(1)
})
