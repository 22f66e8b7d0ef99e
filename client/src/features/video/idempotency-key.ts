/**
 * @module features/video/idempotency-key
 * A fresh Idempotency-Key for one paid job: made when the price is shown, reused by every
 * retry of that start, so a double click or a lost answer never starts a second job.
 * `crypto.randomUUID` exists only in secure contexts; random bytes do everywhere.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function' && globalThis.isSecureContext !== false) {
    return crypto.randomUUID()
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}
