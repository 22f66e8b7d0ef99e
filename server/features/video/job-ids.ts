/**
 * @module video/job-ids
 * Video job ids sort newest first: `v`, nine base-36 digits counting down from the year 5138 in
 * milliseconds, and twelve random characters. A listing of the store (which sorts by key) is then
 * newest first with no index to keep, and two instances never pick the same id.
 */

const TIME_DIGITS = 9
const MAX_TIME = 36 ** TIME_DIGITS - 1
const RANDOM_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz'

export const JOB_ID = /^v[0-9a-z]{21}$/

export function newJobId(now: Date): string {
  const countdown = (MAX_TIME - now.getTime()).toString(36).padStart(TIME_DIGITS, '0')
  const random = crypto.getRandomValues(new Uint8Array(12))
  let suffix = ''
  for (const byte of random) suffix += RANDOM_ALPHABET[byte % RANDOM_ALPHABET.length]
  return `v${countdown}${suffix}`
}
