/**
 * Cold start: the image studio's logic, schemas and pixel libraries load on the first image
 * request that needs them, not when the app is built or starts answering.
 */
import { expect, test } from 'bun:test'
import { loadingAround } from '../support/fresh-process'

test('building the app loads no image logic, schemas or pixel code; the first request loads its step only', async () => {
  const seen = await loadingAround({
    watched: [
      'features/image/generate.ts',
      'features/image/schemas.ts',
      'features/image/summarize-prompt.ts',
      'media/pixels.ts',
      'jimp/',
      '@jsquash/',
    ],
    first: '/api/capabilities',
    path: '/api/image/summarize-prompt',
    init: {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"prompt":"x"}',
    },
  })
  expect(seen.atStart).toEqual([])
  // No AI configured: the step's module loads (its schema validates), then the gateway says 503.
  expect(seen.status).toBe(503)
  expect(seen.afterRequest).toContain('features/image/summarize-prompt.ts')
  expect(seen.afterRequest).not.toContain('features/image/generate.ts')
  expect(seen.afterRequest).not.toContain('jimp/')
})
