/**
 * @module scripts/verify-deploy/run
 * Runs the checks that apply to a target in order, timing each, and formats the table.
 */

import type { Json } from './capabilities'
import {
  API_KEY_CHECKS,
  BASE_CHECKS,
  type Check,
  type CheckContext,
  expectationCheck,
  Failed,
  IAM_CHECKS,
} from './checks'
import type { Options } from './cli'
import { once } from './once'
import { createProbe, jsonOf } from './probe'

export interface CheckResult {
  name: string
  what: string
  ok: boolean
  ms: number
  detail: string
}

/** The checks for these options: the base list, then credentials, then expectations. */
export function checksFor(options: Options): Check[] {
  return [
    ...BASE_CHECKS,
    ...(options.apiKey ? API_KEY_CHECKS : []),
    ...(options.identityToken ? IAM_CHECKS : []),
    ...options.expect.map(expectationCheck),
  ]
}

export async function runChecks(options: Options): Promise<CheckResult[]> {
  const target = {
    url: options.url,
    apiKey: options.apiKey,
    identityToken: options.identityToken,
    timeoutMs: options.timeoutMs,
  }
  const probe = createProbe(target)
  const home = once(() => probe('/', { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' }))
  const capabilities = once(async (): Promise<Json> => {
    const a = await probe('/api/capabilities')
    if (a.status !== 200) throw new Failed(`/api/capabilities answered ${a.status}`)
    const body = jsonOf(a)
    if (body === undefined) throw new Failed('/api/capabilities is not JSON')
    return body as Json
  })
  const ctx: CheckContext = { target, probe, deepLink: options.deepLink, home, capabilities }
  const results: CheckResult[] = []
  for (const check of checksFor(options)) {
    const started = performance.now()
    let ok = true
    let detail: string
    try {
      detail = await check.run(ctx)
    } catch (error) {
      ok = false
      detail = describeError(error, target.url)
    }
    const ms = performance.now() - started
    results.push({ name: check.name, what: check.what, ok, ms, detail })
  }
  return results
}

function describeError(error: unknown, url: string): string {
  if (error instanceof Failed) return error.message
  if (error instanceof Error && error.name === 'TimeoutError')
    return `no answer in time from ${url}`
  const message = error instanceof Error ? error.message : String(error)
  return `request failed: ${message}`
}

export function formatTable(url: string, results: CheckResult[]): string {
  const rows = results.map((r) => [r.name, r.ok ? 'ok' : 'FAIL', `${r.ms.toFixed(0)} ms`, r.detail])
  const head = ['check', 'result', 'time', 'detail']
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  widths[3] = head[3]!.length
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 3 ? c : i === 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
  const failed = results.filter((r) => !r.ok).length
  return [
    `verify-deploy ${url}`,
    '',
    line(head).join('  '),
    ...rows.map((r) => line(r).join('  ')),
    '',
    `${results.length - failed} passed, ${failed} failed`,
  ].join('\n')
}
