/**
 * @module video/estimate
 * A job's estimate before anything is paid for: the model, mode and format it resolves to, and
 * its price from the video price table (null when the table knows nothing of the model).
 */
import { quoteVideo } from '../../ai/video-prices'
import type { JobContext } from './job-context'
import type { JobPlan } from './plan'

export type JobEstimate = ReturnType<typeof estimateOf>

export function estimateOf(ctx: JobContext, plan: JobPlan) {
  const price = quoteVideo(
    { prices: ctx.video.prices, configured: ctx.video.configuredPrices },
    {
      modelId: plan.modelId,
      resolution: plan.params.resolution,
      seconds: plan.params.durationSeconds,
      audio: plan.params.audio,
    }
  )
  return {
    dryRun: true as const,
    model: { role: plan.role, id: plan.modelId },
    backend: plan.backend,
    api: plan.api,
    mode: plan.mode,
    ...plan.params,
    /** Null when the price table has no entry for the model. */
    price: price ?? null,
  }
}
