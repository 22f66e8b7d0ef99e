/**
 * The client build's index is not scanned at start-up: until the scan is done, files are looked
 * up on disk with the scan's own rules (no dotfiles, nothing outside the build), and the first
 * lookup starts the scan; from then on the index answers.
 */
import { expect, test } from 'bun:test'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { lazyDistIndex } from '../../server/dist-index'

function makeBuild() {
  const parent = mkdtempSync(join(tmpdir(), 'ais-lazy-dist-'))
  const root = join(parent, 'dist')
  mkdirSync(join(root, 'assets'), { recursive: true })
  writeFileSync(join(root, 'index.html'), '<!doctype html>')
  writeFileSync(join(root, 'assets', 'app-0a1b2c3d.js'), 'export {}')
  writeFileSync(join(root, '.env'), 'SECRET=1')
  writeFileSync(join(root, 'assets', '.hidden.js'), 'secret')
  writeFileSync(join(parent, 'outside.txt'), 'outside')
  return { parent, root }
}

test('before the scan: files from disk, never a dotfile or a file outside the build', async () => {
  const { parent, root } = makeBuild()
  const index = lazyDistIndex(root)
  expect(await index.content(join(root, 'index.html'))).toBeDefined()
  expect(await index.content(join(root, 'assets', 'app-0a1b2c3d.js'))).toBeDefined()
  expect(await index.content(join(root, 'missing.js'))).toBeUndefined()
  expect(await index.content(join(root, '.env'))).toBeUndefined()
  expect(await index.content(join(root, 'assets', '.hidden.js'))).toBeUndefined()
  expect(await index.content(join(parent, 'outside.txt'))).toBeUndefined()
  expect(await index.content(`${root}/../outside.txt`)).toBeUndefined()
  expect(index.isDir(root)).toBe(true)
  expect(index.isDir(join(root, 'assets'))).toBe(false)
})

test('the first lookup starts the scan; then the index answers (a file added later is not served)', async () => {
  const { root } = makeBuild()
  const index = lazyDistIndex(root)
  await index.content(join(root, 'index.html'))
  await index.load()
  expect(index.isDir(join(root, 'assets'))).toBe(true)
  writeFileSync(join(root, 'late.js'), 'export {}')
  expect(await index.content(join(root, 'late.js'))).toBeUndefined()
  expect(await index.content(join(root, '.env'))).toBeUndefined()
  expect(await index.content(join(root, 'index.html'))).toBeDefined()
})
