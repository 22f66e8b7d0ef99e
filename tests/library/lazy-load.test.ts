/**
 * Cold start: the library's logic and document schemas (with the brand and SEO schemas they
 * build on) load on the first library request, not when the app is built or starts answering.
 */
import { expect, test } from 'bun:test'
import { loadingAround } from '../support/fresh-process'

test('building the app loads no library logic or schemas; the first library request does', async () => {
  const seen = await loadingAround({
    watched: [
      'features/library/documents.ts',
      'features/library/schemas/index.ts',
      'features/brand/profile.ts',
    ],
    path: '/api/library/brand-profiles',
  })
  expect(seen.atStart).toEqual([])
  expect(seen.status).toBe(200)
  expect(seen.afterRequest).toContain('features/library/documents.ts')
})
