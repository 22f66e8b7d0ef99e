import { afterAll, describe, expect, test } from 'bun:test'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createLogger } from '../../server/core/logger'
import { appRootFrom, findClientDist, logDistChoice } from '../../server/static'

const base = mkdtempSync(join(tmpdir(), 'ais-dist-'))
afterAll(() => rmSync(base, { recursive: true, force: true }))

function makeDist(dir: string) {
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>x</title>')
  return dir
}

const elsewhere = makeDirs(join(base, 'somewhere-else'))
function makeDirs(dir: string) {
  mkdirSync(dir, { recursive: true })
  return dir
}

describe('app root from the running code', () => {
  test('a checkout: <root>/server/static.ts → <root>', () => {
    expect(appRootFrom('/repo/server', '/usr/bin/bun')).toBe('/repo')
  })

  test('a JS bundle: <root>/dist/index.js → <root>', () => {
    expect(appRootFrom('/app/dist', '/usr/local/bin/bun')).toBe('/app')
  })

  test('a compiled binary: modules in Bun’s virtual fs, binary at <root>/dist/server → <root>', () => {
    expect(appRootFrom('/$bunfs/root', '/app/dist/server')).toBe('/app')
  })
})

describe('client/dist discovery', () => {
  test('laid out like the container, cwd elsewhere: <app root>/client/dist', async () => {
    const app = join(base, 'container', 'app')
    const dist = makeDist(join(app, 'client', 'dist'))
    const lookup = await findClientDist({
      appRoot: appRootFrom('/$bunfs/root', join(app, 'dist', 'server')),
      cwd: elsewhere,
    })
    expect(lookup.dir).toBe(dist)
  })

  test('laid out like a dev checkout, cwd elsewhere: <repo>/client/dist', async () => {
    const repo = join(base, 'checkout')
    const dist = makeDist(join(repo, 'client', 'dist'))
    const lookup = await findClientDist({
      appRoot: appRootFrom(join(repo, 'server'), '/usr/bin/bun'),
      cwd: elsewhere,
    })
    expect(lookup.dir).toBe(dist)
  })

  test('STATIC_DIR wins, resolved against the cwd', async () => {
    const cwd = join(base, 'static-dir-cwd')
    const chosen = makeDist(join(cwd, 'my-ui'))
    const appRoot = join(base, 'checkout')
    const lookup = await findClientDist({ staticDir: 'my-ui', appRoot, cwd })
    expect(lookup.dir).toBe(chosen)
    expect(lookup.tried[0]).toBe(chosen)
  })

  test('falls back to <cwd>/client/dist when the app root has none', async () => {
    const cwd = join(base, 'cwd-only')
    const dist = makeDist(join(cwd, 'client', 'dist'))
    const lookup = await findClientDist({ appRoot: join(base, 'no-such-root'), cwd })
    expect(lookup.dir).toBe(dist)
  })

  test('a folder without index.html does not count', async () => {
    const root = join(base, 'empty-root')
    makeDirs(join(root, 'client', 'dist'))
    const lookup = await findClientDist({ appRoot: root, cwd: elsewhere })
    expect(lookup.dir).toBeUndefined()
  })

  test('nothing found: every path tried, in order, and one log line naming them', async () => {
    const lookup = await findClientDist({
      staticDir: '/nope/ui',
      appRoot: '/nope/app',
      cwd: '/nope/cwd',
    })
    expect(lookup).toEqual({
      dir: undefined,
      tried: ['/nope/ui', '/nope/app/client/dist', '/nope/cwd/client/dist'],
    })
    const lines: string[] = []
    logDistChoice(lookup, createLogger({ format: 'json', write: (l) => lines.push(l) }))
    expect(lines).toHaveLength(1)
    const entry = JSON.parse(lines[0] as string)
    expect(entry.severity).toBe('WARNING')
    for (const path of lookup.tried) expect(entry.message).toContain(path)
  })

  test('the choice is logged at INFO with the path', async () => {
    const lines: string[] = []
    logDistChoice(
      { dir: '/app/client/dist', tried: [] },
      createLogger({ write: (l) => lines.push(l) })
    )
    expect(JSON.parse(lines[0] as string)).toMatchObject({ severity: 'INFO' })
    expect(lines[0]).toContain('/app/client/dist')
  })
})
