/**
 * The "Gemini is failing right now" state: set by an open circuit's answer (heard from any API
 * call), held for the wait the server named, not set by other failures.
 */
import { expect, test } from 'bun:test'
import { ApiError, heard } from '../../client/src/api/errors'
import { useAiHealth } from '../../client/src/composables/useAiHealth'

test('an open circuit answer sets the banner for its Retry-After; other errors do not', () => {
  const health = useAiHealth()
  heard(new ApiError(502, 'upstream_error', 'failed'))
  heard(new ApiError(503, 'not_configured', 'set a key'))
  expect(health.failing.value).toBe(false)
  heard(new ApiError(503, 'upstream_unavailable', 'failing', { retryAfterSeconds: 4 }))
  expect(health.failing.value).toBe(true)
  expect(health.seconds.value).toBe(4)
  // A quota that opened the circuit counts too, and the longer wait wins.
  heard(
    new ApiError(429, 'upstream_rate_limited', 'quota', {
      retryAfterSeconds: 9,
      details: { retryAfterSeconds: 9, circuit: 'open' },
    })
  )
  expect(health.seconds.value).toBe(9)
})
