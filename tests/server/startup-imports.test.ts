/**
 * What start-up evaluates: the static import graph of server/index.ts (everything else is
 * loaded by `await import()` on first use). Modules measured to cost start-up time and not needed
 * to answer the start-up probe stay out of it (bench/README.md, "Where the time goes").
 */
import { expect, test } from 'bun:test'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { eagerImports } from '../../bench/startup-imports'

const eager = (await eagerImports(mkdtempSync(join(tmpdir(), 'ais-eager-')))).map((u) => u.label)

test.each([
  ['node:path (0.4 ms; core/posix-path instead)', /^node:path$/],
  ['valibot (config is read with core/env-fields)', /^valibot\//],
  ["Hono's secure-headers (core/security writes constant headers)", /secure-headers/],
  [
    "Hono's default preset and its routers (hono/tiny: the pattern router only)",
    /^hono\/dist\/(index|hono)\.js$|reg-exp-router|trie-router|smart-router/,
  ],
  ['the Google SDKs', /@google\/genai|@google-cloud\/storage/],
  [
    'the AI gateway, its model resolver and circuit breaker (made with the API)',
    /^server\/ai\/(gateway|model-resolver|circuit-breaker|model-resolution|upstream-fetch)\.ts$/,
  ],
  ['the API and its features', /^server\/(api\.ts|features\/(?!media\/))/],
])('start-up does not evaluate %s', (_, pattern) => {
  expect(eager.length).toBeGreaterThan(10)
  expect(eager.filter((label) => pattern.test(label))).toEqual([])
})
