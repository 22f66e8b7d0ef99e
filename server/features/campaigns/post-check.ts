/**
 * @module campaigns/post-check
 * A post as it is published (hook, body, hashtags in the network's style, the link where the
 * network takes it) and its check against the network's limits: every variant (hook A and B,
 * title A and B) is counted, and the post is valid only when all of them fit. Nothing is ever
 * shortened here: a post over a limit is reported with its numbers. Pure (the UI counts with it
 * too).
 */
import type { CampaignPost, NetworkId, PostCheck, PostIssue } from '../library/schemas/campaign'
import { countCharacters } from './counting'
import { NETWORKS } from './networks'

export type PostText = Pick<CampaignPost, 'network' | 'hooks' | 'body' | 'hashtags'> &
  Partial<Pick<CampaignPost, 'titles' | 'digest'>>

/** `tag` in the network's hashtag style (a leading `#` in the model's answer is dropped). */
export function hashtagOf(network: NetworkId, tag: string): string {
  const bare = tag
    .trim()
    .replace(/^#+|#+$/g, '')
    .replace(/\s+/g, '')
  return NETWORKS[network].hashtagStyle === 'weibo' ? `#${bare}#` : `#${bare}`
}

/**
 * The text published for hook `hook` (0 = A, 1 = B). An inline link the text does not carry yet
 * is added before the hashtags; other networks take it elsewhere (`networks.ts`).
 */
export function publishedText(post: PostText, hook: 0 | 1, link?: string): string {
  const limits = NETWORKS[post.network]
  const tags =
    limits.hashtagStyle === 'none' ? [] : post.hashtags.map((t) => hashtagOf(post.network, t))
  const parts = [post.hooks[hook] ?? '', post.body]
  // The model is asked to place the link itself; one it left out goes at the end.
  const placed = parts.some((p) => p.includes(link ?? '\u0000'))
  if (link && limits.link === 'inline' && !placed) parts.push(link)
  if (tags.length) parts.push(tags.join(' '))
  return parts
    .map((p) => p.trim())
    .filter(Boolean)
    .join('\n\n')
}

const issue = (code: PostIssue['code'], params: PostIssue['params'] = {}): PostIssue => ({
  code,
  params,
})

/** Checks every variant of `post` against its network's limits. */
export function checkPost(post: PostText, link?: string): PostCheck {
  const limits = NETWORKS[post.network]
  const issues: PostIssue[] = []
  const lengths = ([0, 1] as const).map((hook) =>
    countCharacters(publishedText(post, hook, link), limits.count)
  )
  const characters = Math.max(...lengths)
  if (!post.body.trim() && !post.hooks.some((h) => h.trim())) issues.push(issue('empty'))
  if (characters > limits.maxCharacters) {
    issues.push(
      issue('too_long', {
        characters,
        limit: limits.maxCharacters,
        over: characters - limits.maxCharacters,
      })
    )
  }
  const hashtags = limits.hashtagStyle === 'none' ? 0 : post.hashtags.length
  const allowedTags = limits.maxHashtags
  if (limits.hashtagStyle === 'none' && post.hashtags.length > 0) {
    issues.push(issue('too_many_hashtags', { hashtags: post.hashtags.length, limit: 0 }))
  } else if (allowedTags !== undefined && hashtags > allowedTags) {
    issues.push(issue('too_many_hashtags', { hashtags, limit: allowedTags }))
  }
  let titleCharacters: number | undefined
  if (limits.maxTitle !== undefined) {
    const titles = post.titles ?? []
    if (titles.length < 2 || titles.some((t) => !t.trim())) issues.push(issue('title_missing'))
    titleCharacters = Math.max(
      0,
      ...titles.map((t) => countCharacters(t.trim(), limits.titleCount ?? limits.count))
    )
    if (titleCharacters > limits.maxTitle) {
      issues.push(
        issue('title_too_long', {
          characters: titleCharacters,
          limit: limits.maxTitle,
          over: titleCharacters - limits.maxTitle,
        })
      )
    }
  }
  if (limits.maxDigest !== undefined && post.digest) {
    const digest = countCharacters(post.digest.trim(), 'chars')
    if (digest > limits.maxDigest) {
      issues.push(issue('digest_too_long', { characters: digest, limit: limits.maxDigest }))
    }
  }
  if (limits.link !== 'inline') {
    const text = [post.body, ...post.hooks].join('\n')
    if (/https?:\/\/|www\./i.test(text))
      issues.push(issue('link_not_allowed', { rule: limits.link }))
  }
  return {
    valid: issues.length === 0,
    characters,
    limit: limits.maxCharacters,
    hashtags,
    ...(titleCharacters !== undefined ? { titleCharacters } : {}),
    issues,
    retried: false,
  }
}
