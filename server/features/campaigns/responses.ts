/**
 * @module campaigns/responses
 * What the campaign endpoints answer, as schemas (the API document shows them; each step's
 * result must fit its schema). The pieces are the saved campaign's own, so an answer goes into
 * the document as it is.
 */
import * as v from 'valibot'
import { MediaRefSchema } from '../../storage/media-schema'
import { CampaignPost, CampaignVisual, MarketPlan } from '../library/schemas/campaign'

export const PlanResponse = v.object({
  plans: v.object({ 'zh-CN': v.optional(MarketPlan), en: v.optional(MarketPlan) }),
})
export type PlanResponse = v.InferOutput<typeof PlanResponse>

export const PostsResponse = v.object({
  posts: v.pipe(
    v.array(CampaignPost),
    v.description(
      'One post per network and language asked for, each with the server’s limit check: `check.valid` is false (with the issues) for a post still over a limit after one retry.'
    )
  ),
})
export type PostsResponse = v.InferOutput<typeof PostsResponse>

export const KeyVisualResponse = v.object({
  image: MediaRefSchema,
  prompt: v.pipe(v.string(), v.description('The prompt it was made with (used to re-compose).')),
  model: v.string(),
  brandApplied: v.array(v.picklist(['colors', 'fonts', 'logo'])),
})
export type KeyVisualResponse = v.InferOutput<typeof KeyVisualResponse>

export const RecomposeResponse = v.object({
  visuals: v.array(CampaignVisual),
})
export type RecomposeResponse = v.InferOutput<typeof RecomposeResponse>
