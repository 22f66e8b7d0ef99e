/**
 * Cold start: the video job logic and prompt tools load on the first video request, not when
 * the app is built or starts answering.
 */
import { expect, test } from 'bun:test'
import { loadingAround } from '../support/fresh-process'

test('building the app loads no video job logic; the first job request does', async () => {
  const seen = await loadingAround({
    watched: [
      'features/video/create-job.ts',
      'features/video/advance-job.ts',
      'features/video/prompts/creative-director.ts',
      'ai/gemini/video.ts',
    ],
    path: '/api/video/jobs',
  })
  expect(seen.atStart).toEqual([])
  expect(seen.status).toBe(200)
  expect(seen.afterRequest).toContain('features/video/advance-job.ts')
})
