/**
 * @module campaigns/brand-guard
 * Where the brand guard checks each visual a campaign makes: the brand guard's own
 * `checkImage` (measured palette and judged parts, `features/brand-guard`) on the fitted image
 * without its layers, against the campaign's profile. The logo is a layer added on export, so
 * the picture itself is not expected to show it. `recompose` stores the total score on each
 * visual; a check that has no applicable part gives no score. The check is advice: when it
 * fails (the model unreachable), the visuals, already made and paid for, are kept without one.
 */

import type { BrandProfile } from '../brand/profile'
import { checkImage } from '../brand-guard/check-image'
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

/** The guard campaigns use: the brand guard's image check. */
export const brandGuard: BrandGuard = async (ctx, visual) => {
  try {
    const check = await checkImage(ctx, { ...visual, expectLogo: false })
    return check.score.value === null ? undefined : { score: check.score.value }
  } catch (error) {
    ctx.log.warn('campaign visual not brand-checked', { error })
    return undefined
  }
}
