/**
 * Cold start: the ledger (and the spend meter's async context) load on the first request that
 * meters or reads spend, not when the app is built or starts answering.
 */
import { expect, test } from 'bun:test'
import { loadingAround } from '../support/fresh-process'

test('building the app loads no ledger; the first usage request does', async () => {
  const seen = await loadingAround({
    watched: ['features/usage/ledger.ts', 'features/usage/day-store.ts', 'ai/spend.ts'],
    path: '/api/usage',
  })
  expect(seen.built).toEqual([])
  expect(seen.status).toBe(200)
  expect(seen.afterRequest).toEqual([
    'features/usage/ledger.ts',
    'features/usage/day-store.ts',
    'ai/spend.ts',
  ])
})
