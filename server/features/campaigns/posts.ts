/**
 * @module campaigns/posts
 * `POST /api/campaigns/posts`: the posts of each network in each language, in the brand's voice
 * and within the network's limits. One prompt per language (each market written for itself),
 * naming every network's limits. Each answer is checked (`post-check.ts`); posts over a limit
 * are asked for once more with the exact overage, and a post still over is delivered marked
 * invalid with the reason, never shortened behind the writer's back. `only` regenerates some
 * cells of the board.
 */
import * as v from 'valibot'
import { errors } from '../../core/errors'
import { DATA_RULE, dataBlock, languageRule, sections } from '../../core/prompt-blocks'
import { UiLanguage } from '../../core/schema'
import type { StepContext } from '../context'
import {
  type CampaignLanguage,
  type CampaignPost,
  CampaignLanguage as LanguageSchema,
  MarketPlan,
  type NetworkId,
  NetworkId as NetworkSchema,
} from '../library/schemas/campaign'
import { brandOf, CampaignBase, Languages, MARKETS, sourceBlock } from './inputs'
import { checkPost } from './post-check'
import { limitsBlock, type PostDraft, postsOutput, retryBlock } from './post-prompts'
import { PostsResponse } from './responses'

export { PostsResponse }

export const PostsRequest = v.object({
  ...CampaignBase,
  languages: Languages,
  networks: v.pipe(v.array(NetworkSchema), v.minLength(1), v.maxLength(7)),
  plans: v.object({ 'zh-CN': v.optional(MarketPlan), en: v.optional(MarketPlan) }),
  /** The page the posts link to (the article's address). */
  link: v.optional(v.pipe(v.string(), v.trim(), v.url(), v.maxLength(2048))),
  /** Only these cells (regenerating one post); all networks × languages when absent. */
  only: v.optional(
    v.pipe(
      v.array(v.object({ network: NetworkSchema, language: LanguageSchema })),
      v.minLength(1),
      v.maxLength(14)
    )
  ),
  uiLanguage: UiLanguage,
})
export type PostsRequest = v.InferOutput<typeof PostsRequest>

export async function writePosts(ctx: StepContext, input: PostsRequest): Promise<PostsResponse> {
  const cells = input.languages.map(
    (language) =>
      [
        language,
        input.networks.filter(
          (network) =>
            !input.only || input.only.some((c) => c.network === network && c.language === language)
        ),
      ] as const
  )
  const written = await Promise.all(
    cells
      .filter(([, networks]) => networks.length > 0)
      .map(([language, networks]) => postsFor(ctx, input, language, networks))
  )
  return { posts: written.flat() }
}

async function postsFor(
  ctx: StepContext,
  input: PostsRequest,
  language: CampaignLanguage,
  networks: readonly NetworkId[]
): Promise<CampaignPost[]> {
  const market = MARKETS[language]
  const ask = async (task: string, wanted: readonly NetworkId[]) => {
    const { data } = await ctx.ai.json({
      model: 'writing',
      schema: postsOutput(wanted),
      signal: ctx.signal,
      system: sections(
        'You are a senior social media copywriter. You write native posts for each network, in the brand’s voice, and you respect every network’s limits exactly.',
        DATA_RULE,
        languageRule({ ui: input.uiLanguage, content: market.language }),
        `Every post is reader-facing: write it in ${market.language}.`
      ),
      prompt: task,
    })
    return byNetwork(data.posts, wanted)
  }
  const plan = input.plans[language]
  const task = sections(
    `Write one post for each of these networks, for this market: ${market.market}`,
    limitsBlock(networks, language, input.link),
    'For each post write two opening lines (hooks A and B, different angles), the body that follows the hook, the hashtags (without the # sign), and for networks with a title two titles (A and B). Count the characters the way each network counts them: every variant must fit.',
    plan && dataBlock('plan', plan),
    sourceBlock(input.source),
    brandOf(input.profile)
  )
  const first = await ask(task, networks)
  const over = networks.filter(
    (n) => !checkPost(draftPost(first[n], n, language), input.link).valid
  )
  let second: Partial<Record<NetworkId, PostDraft>> = {}
  if (over.length) {
    const problems = over.map((n) => ({
      network: n,
      check: checkPost(draftPost(first[n], n, language), input.link),
      draft: first[n],
    }))
    ctx.log.info('campaign posts over their limits; asking again', {
      language,
      networks: over,
    })
    second = await ask(sections(task, retryBlock(problems)), over)
  }
  return networks.map((network) => {
    const retried = over.includes(network)
    const draft = (retried ? second[network] : undefined) ?? first[network]
    const post = draftPost(draft, network, language)
    return { ...post, check: { ...checkPost(post, input.link), retried } }
  })
}

/** One draft per network asked for; a network the model left out is an invalid answer. */
function byNetwork(
  posts: readonly PostDraft[],
  wanted: readonly NetworkId[]
): Record<NetworkId, PostDraft> {
  const found = Object.fromEntries(posts.map((p) => [p.network, p])) as Record<NetworkId, PostDraft>
  const missing = wanted.filter((n) => !found[n])
  if (missing.length) {
    throw errors.upstream(
      'ai_invalid_output',
      `The AI service wrote no post for ${missing.join(', ')}.`
    )
  }
  return found
}

function draftPost(
  draft: PostDraft | undefined,
  network: NetworkId,
  language: CampaignLanguage
): CampaignPost {
  const d = draft as PostDraft
  const titles = d.titles?.length === 2 ? { titles: [...d.titles] } : {}
  return {
    id: `${network}-${language}`,
    network,
    language,
    ...titles,
    title: 0,
    hooks: [d.hooks[0] ?? '', d.hooks[1] ?? d.hooks[0] ?? ''],
    hook: 0,
    body: d.body,
    hashtags: d.hashtags.map((t) => t.replace(/^#+|#+$/g, '').trim()).filter(Boolean),
    ...(d.digest ? { digest: d.digest } : {}),
  }
}
