/**
 * A failed test fails the run: nothing in CI, the test scripts or the test files retries a test
 * until it passes (a flaky test is a bug to fix, never to retry).
 */
import { expect, test } from 'bun:test'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

const ROOT = join(import.meta.dir, '..', '..')
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8')

test('CI, package scripts, bunfig and the e2e runner never ask for retries', () => {
  for (const path of [
    '.ci/run',
    'scripts/test.sh',
    'package.json',
    'bunfig.toml',
    'scripts/test-e2e.ts',
  ]) {
    expect({ path, retries: read(path).match(/--retry\b|\bretry\s*=|--rerun/g) }).toEqual({
      path,
      retries: null,
    })
  }
})

test('no test file gives a test retries or repeats', () => {
  const files = [...new Bun.Glob('tests/**/*.{test,e2e}.ts').scanSync({ cwd: ROOT })]
  expect(files.length).toBeGreaterThan(50)
  const retried = files.filter((file) =>
    /\},\s*\{\s*(retry|repeats)\s*:|test\.(retry|repeats)\b/.test(read(file))
  )
  expect(retried).toEqual([])
})
