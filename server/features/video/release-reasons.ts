/**
 * @module video/release-reasons
 * Why a paid job's reservation was released rather than charged, besides the job's own failure
 * code (video/failures): the ledger's job entry keeps the code and the usage page words it.
 */
import { defineCodes } from '../../core/codes'
import type { JobFailureCode } from './failures'

export const RELEASE_REASONS = defineCodes('release', {
  expired: 'The reservation lapsed: the job did not settle by its deadline.',
  deleted: 'The job was deleted before it finished.',
  duplicate: 'A repeated request: the job of its Idempotency-Key holds the money.',
  start_refused: 'The video service refused to start the job.',
  not_started: 'The job was never started.',
  empty: 'The video came back empty.',
})

/** Every reason a reservation is released with. */
export type ReleaseReason = keyof typeof RELEASE_REASONS.texts | JobFailureCode
