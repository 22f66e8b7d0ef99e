/**
 * server/core/posix-path computes what node:path (POSIX) computes, on every combination of the
 * tricky parts (dots, dot-dots, empty parts, repeated and trailing slashes, dotfiles).
 */
import { expect, test } from 'bun:test'
import * as node from 'node:path'
import { dirname, extname, join, normalize, resolve } from '../../server/core/posix-path'

const PARTS = [
  '',
  '/',
  '.',
  '..',
  'a',
  'b.c',
  '.d',
  '..e',
  'f.',
  '//',
  'g/',
  '/h',
  'x/../y',
  'a.b.c',
]

/** Every sequence of up to three parts. */
function* sequences(): Generator<string[]> {
  for (const a of PARTS) {
    yield [a]
    for (const b of PARTS) {
      yield [a, b]
      for (const c of PARTS) yield [a, b, c]
    }
  }
}

test('join, normalize and resolve agree with node:path', () => {
  let compared = 0
  for (const parts of sequences()) {
    expect([parts, join(...parts)]).toEqual([parts, node.posix.join(...parts)])
    expect([parts, resolve(...parts)]).toEqual([parts, node.posix.resolve(...parts)])
    const joined = parts.join('')
    expect([joined, normalize(joined)]).toEqual([joined, node.posix.normalize(joined)])
    compared++
  }
  expect(compared).toBe(PARTS.length + PARTS.length ** 2 + PARTS.length ** 3)
})

test('dirname and extname agree with node:path', () => {
  for (const parts of sequences()) {
    const path = parts.join('')
    expect([path, dirname(path)]).toEqual([path, node.posix.dirname(path)])
    expect([path, extname(path)]).toEqual([path, node.posix.extname(path)])
  }
})
