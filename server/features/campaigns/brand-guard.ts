/**
 * @module campaigns/brand-guard
 * Where the brand guard checks each visual a campaign makes. The guard (issue 22: a reusable
 * `checkImage(ctx, { image, profile })` and `POST /api/brand/check`) is built beside this
 * feature; until it is on main, `brandGuard` checks nothing and visuals carry no score. When it
 * lands, this function calls it with the fitted image and the campaign's profile and answers its
 * total score; `recompose` already stores that score on each visual, and
 * tests/campaigns/visuals.test.ts checks the seam with a guard of its own.
 */
import type { BrandProfile } from '../brand/profile'
import type { StepContext } from '../context'

export interface VisualToCheck {
  image: { bytes: Uint8Array; mimeType: string }
  profile: BrandProfile
}

/** A brand check of one visual: its score from 0 to 100, or undefined when none was made. */
export type BrandGuard = (
  ctx: StepContext,
  visual: VisualToCheck
) => Promise<{ score: number } | undefined>

/** The guard campaigns use: none yet (see the module comment). */
export const brandGuard: BrandGuard = async () => undefined
