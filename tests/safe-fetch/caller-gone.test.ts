/**
 * A caller that leaves (the browser tab closed, the request aborted) before or while the safe
 * fetcher resolves a name: the fetch ends `cancelled`, and the lookup it no longer waits for may
 * fail later without an unhandled rejection, which would end the whole server process (Bun exits
 * on one; bun test fails the test on one too). The real system resolver is asked for `.invalid`
 * names, which never resolve (so, with or without a network, the lookup fails).
 */
import { expect, test } from 'bun:test'
import { lookup } from 'node:dns/promises'
import { AppError } from '../../server/core/errors'
import {
  createFetchPolicy,
  type FetchPolicy,
  safeFetch,
  systemResolver,
} from '../../server/core/safe-fetch'

const unknownHost = () => `no-such-host-${crypto.randomUUID()}.invalid`

async function fetchGone(host: string, policy: FetchPolicy, signal: AbortSignal) {
  return safeFetch(`http://${host}/`, {
    policy,
    accept: ['text/html'],
    maxBytes: 1024,
    timeoutMs: 5_000,
    signal,
  }).then(
    () => {
      throw new Error('expected the fetch to fail')
    },
    (error: unknown) => error
  )
}

/** Until the system resolver has answered (failed) for `host`, and any rejection has surfaced. */
async function lookupSettled(host: string) {
  await lookup(host).catch(() => undefined)
  await Bun.sleep(20)
}

test('a caller already gone: no lookup left to fail unhandled', async () => {
  const lookups: string[] = []
  const policy: FetchPolicy = {
    ...createFetchPolicy({ fetchAllowedPorts: [] }),
    resolve: (hostname) => {
      lookups.push(hostname)
      return systemResolver(hostname)
    },
  }
  const host = unknownHost()
  const error = await fetchGone(host, policy, AbortSignal.abort())
  expect(error).toBeInstanceOf(AppError)
  expect((error as AppError).code).toBe('cancelled')
  await lookupSettled(host)
  expect(lookups).toEqual([])
})

test('a caller that leaves during the lookup: the lookup fails later, handled', async () => {
  let failed = false
  const policy: FetchPolicy = {
    ...createFetchPolicy({ fetchAllowedPorts: [] }),
    resolve: async (hostname) => {
      await Bun.sleep(100)
      return systemResolver(hostname).catch((e) => {
        failed = true
        throw e
      })
    },
  }
  const host = unknownHost()
  const controller = new AbortController()
  setTimeout(() => controller.abort(), 20)
  const error = await fetchGone(host, policy, controller.signal)
  expect((error as AppError).code).toBe('cancelled')
  await Bun.sleep(100)
  await lookupSettled(host)
  expect(failed).toBe(true)
})
