/**
 * @module seo/strategy/intent
 * `analyze-intent`: routes what the user typed on the launch page (SEO audit of a site, image or
 * video generation, something else) by asking the model to call `route_user_request`. The
 * model's choice is returned as made; its URL is kept only when it parses as a website.
 */
import * as v from 'valibot'
import { DATA_RULE, dataBlock } from '../../../core/prompt-blocks'
import { requiredText } from '../../../core/schema'
import type { StepContext } from '../../context'
import { argsOf, unexpectedAnswer } from './function-call'
import { normaliseSiteUrl } from './site-url'

export const IntentRequest = v.object({ prompt: requiredText(4000) })
export type IntentRequest = v.InferOutput<typeof IntentRequest>

export const INTENTS = ['SEO', 'IMAGE_GENERATION', 'VIDEO_GENERATION', 'OTHER'] as const
export type Intent = (typeof INTENTS)[number]

export const ROUTE_FUNCTION = 'route_user_request'

const RouteArgs = v.object({
  intent: v.pipe(
    v.picklist(INTENTS),
    v.description(
      'SEO: analyze or improve a website or write SEO content for it. IMAGE_GENERATION: create or edit a picture. VIDEO_GENERATION: create a video. OTHER: anything else.'
    )
  ),
  url: v.optional(
    v.pipe(
      v.string(),
      v.maxLength(2048),
      v.description(
        'The website the user names, as a domain or full URL exactly as written; omit when there is none.'
      )
    )
  ),
  query: v.pipe(
    v.string(),
    v.maxLength(4000),
    v.description('What the user wants, restated briefly in their own language.')
  ),
})

const SYSTEM = [
  'You route requests typed into the start page of a marketing studio that offers SEO content workflows, image generation and video generation.',
  `Call ${ROUTE_FUNCTION} exactly once with the intent that best matches the request.`,
  'A request that only names a website (for example "northwind.com") is an SEO request for that site.',
  DATA_RULE,
].join('\n')

export const IntentResponse = v.object({
  intent: v.picklist(INTENTS),
  url: v.pipe(v.nullable(v.string()), v.description('The website named, when there is one.')),
  query: v.pipe(v.string(), v.description('What the user wants, restated briefly.')),
})
export type IntentResult = v.InferOutput<typeof IntentResponse>

export async function analyzeIntent(ctx: StepContext, input: IntentRequest): Promise<IntentResult> {
  const result = await ctx.ai.callFunction({
    system: SYSTEM,
    prompt: dataBlock('user_message', input.prompt),
    functions: [
      {
        name: ROUTE_FUNCTION,
        description: 'Route the user request to the matching studio workflow.',
        parameters: RouteArgs,
      },
    ],
    mode: 'any',
    model: 'fast',
    // A user waits on this at the launch box: a few seconds, one retry.
    deadline: 'interactive',
    signal: ctx.signal,
  })
  // mode 'any': the gateway already refused answers without a valid call.
  const args = argsOf(result, ROUTE_FUNCTION, RouteArgs)
  if (!args) throw unexpectedAnswer()
  return {
    intent: args.intent,
    url: args.url ? normaliseSiteUrl(args.url) : null,
    query: args.query.trim() || input.prompt,
  }
}
