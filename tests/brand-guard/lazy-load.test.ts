/**
 * Cold start: the brand check (its schemas, the colour science, the pixel code) loads on the
 * first check request, not when the app is built or starts answering.
 */
import { expect, test } from 'bun:test'
import { loadingAround } from '../support/fresh-process'

test('building the app loads none of the brand check; its first request does', async () => {
  const seen = await loadingAround({
    watched: ['features/brand-guard/check.ts', 'features/brand-guard/lab.ts', 'colord/plugins/lab'],
    first: '/api/capabilities',
    path: '/api/brand/check',
    init: {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ imageId: `${'a'.repeat(64)}.png`, profileId: 'nobody' }),
    },
  })
  expect(seen.built).toEqual([])
  expect(seen.atStart).toEqual([])
  // The request validates with the check's schema, then finds no such profile.
  expect(seen.status).toBe(404)
  expect(seen.afterRequest).toContain('features/brand-guard/check.ts')
})
