/**
 * @module campaigns/post-prompts
 * What the model is told and asked for when it writes posts: each network's limits as the
 * table states them (how it counts, the fold, hashtags, titles, where a link goes), the answer's
 * schema, and the correction that names each overage exactly when an answer broke a limit.
 */
import * as v from 'valibot'
import { dataBlock } from '../../core/prompt-blocks'
import type { CampaignLanguage, NetworkId, PostCheck } from '../library/schemas/campaign'
import { list, prose } from '../seo/strategy/output'
import { type CountRule, NETWORKS } from './networks'

const COUNTING: Record<CountRule | 'wechat-title', string> = {
  x: 'weighted: a Latin letter, digit or space counts 1, a Chinese character or an emoji counts 2, any link counts 23',
  utf16: 'every character counts 1, an emoji 2',
  chars: 'every character counts 1',
  weibo: 'a Chinese character counts 1, two Latin letters or digits count 1, a link counts 10',
  'wechat-title': 'a Chinese character counts 2, a Latin letter 1',
}

const LINKS = {
  inline: (link: string) => `put the link ${link} in the text once`,
  bio: () => 'no link in the caption (write "link in bio" or its equivalent)',
  original: () => 'no link in the body (it goes in the Read more field)',
  none: () => 'no link and no website address at all (the network refuses them)',
} as const

export function limitsBlock(
  networks: readonly NetworkId[],
  _language: CampaignLanguage,
  link?: string
): string {
  const lines = networks.map((id) => {
    const n = NETWORKS[id]
    const parts = [
      `${id} (${n.name}): the whole post (hook, body, hashtags${n.link === 'inline' && link ? ', link' : ''}) at most ${n.maxCharacters} characters, counted ${COUNTING[n.count]}`,
      n.foldCharacters && `the hook must work within the first ${n.foldCharacters} characters`,
      n.hashtagStyle === 'none'
        ? 'no hashtags'
        : `about ${n.targetHashtags} hashtags${n.maxHashtags !== undefined ? ` (never more than ${n.maxHashtags})` : ''}`,
      n.maxTitle !== undefined &&
        `two titles, each at most ${n.maxTitle} characters (${COUNTING[n.titleCount ?? n.count]})`,
      n.maxDigest !== undefined && `a digest of at most ${n.maxDigest} characters`,
      link ? LINKS[n.link](link) : 'no link',
    ]
    return `- ${parts.filter(Boolean).join('; ')}`
  })
  return `The networks and their limits:\n${lines.join('\n')}`
}

export const postsOutput = (networks: readonly NetworkId[]) =>
  v.object({
    posts: list(
      v.object({
        network: v.pipe(v.picklist(networks), v.description('The network this post is for.')),
        titles: v.optional(
          list(prose(200, 'A title.'), 2, 2, 'Titles A and B (networks with a title only).')
        ),
        hooks: list(prose(600, 'An opening line.'), 2, 2, 'Hooks A and B.'),
        body: prose(30_000, 'The post after the hook, without hashtags.'),
        hashtags: list(
          v.pipe(v.string(), v.maxLength(100)),
          0,
          30,
          'Hashtags, without the # sign.'
        ),
        digest: v.optional(prose(400, 'The digest (WeChat only).')),
      }),
      1,
      networks.length,
      'One post per network.'
    ),
  })

export type PostDraft = v.InferOutput<ReturnType<typeof postsOutput>>['posts'][number]

const ISSUE_WORDS: Record<string, (p: Record<string, string | number>) => string> = {
  too_long: (p) =>
    `the longest variant has ${p.characters} characters; the limit is ${p.limit}, so cut at least ${p.over}`,
  title_too_long: (p) =>
    `a title has ${p.characters} characters; the limit is ${p.limit}, so cut at least ${p.over}`,
  title_missing: () => 'it needs two titles',
  digest_too_long: (p) => `the digest has ${p.characters} characters; the limit is ${p.limit}`,
  too_many_hashtags: (p) => `it has ${p.hashtags} hashtags; at most ${p.limit} are allowed`,
  link_not_allowed: () => 'it contains a link this network does not take',
  empty: () => 'it is empty',
}

/** The correction for the posts that broke a limit: each with its numbers and its last text. */
export function retryBlock(
  problems: readonly { network: NetworkId; check: PostCheck; draft: unknown }[]
): string {
  const lines = problems.map(({ network, check }) => {
    const said = check.issues.map((i) => ISSUE_WORDS[i.code]?.(i.params) ?? i.code).join('; ')
    return `- ${network}: ${said}.`
  })
  return [
    'Your previous posts for these networks broke their limits. Write them again, complete and natural, within every limit (shorter sentences, fewer words; do not just cut the text off):',
    lines.join('\n'),
    dataBlock(
      'previous_posts',
      problems.map((p) => p.draft)
    ),
  ].join('\n')
}
