/**
 * @module campaigns/export/posts
 * The posts of a campaign as files: one Markdown file per network and language (both variants,
 * their counts and the check), and one CSV for schedulers with a row per post and variant (the
 * text exactly as published, the visual to attach, the count and whether it is valid). Pure.
 */
import type { CampaignDocument, CampaignPost } from '../../library/schemas/campaign'
import { countCharacters } from '../counting'
import { FORMATS } from '../formats'
import { NETWORKS } from '../networks'
import { hashtagOf, publishedText } from '../post-check'
import { toCsv } from './csv'

const VARIANTS = ['A', 'B'] as const

export const postPath = (post: CampaignPost) => `posts/${post.language}/${post.network}.md`
export const visualPath = (language: string, format: keyof typeof FORMATS) =>
  `visuals/${language}/${FORMATS[format].slug}.png`

/** The page a campaign links to: the article's or brief's address. */
export const linkOf = (doc: CampaignDocument) => doc.source.url || undefined

const LINK_NOTES = {
  inline: 'in the text',
  bio: 'not in the caption: put it in the profile ("link in bio")',
  original: 'in the "Read more" (阅读原文) field',
  none: 'not allowed on this network',
} as const

export function postMarkdown(post: CampaignPost, link?: string): string {
  const net = NETWORKS[post.network]
  const lines = [`# ${net.name} (${post.language})`, '']
  VARIANTS.forEach((name, i) => {
    const hook = i as 0 | 1
    const text = publishedText(post, hook, link)
    lines.push(`## Variant ${name}`, '')
    if (post.titles) lines.push(`**Title:** ${post.titles[hook] ?? ''}`, '')
    lines.push(text, '')
    lines.push(
      `_${countCharacters(text, net.count)} / ${net.maxCharacters} characters, counted the ${net.name} way_`,
      ''
    )
  })
  if (post.digest) lines.push(`**Digest:** ${post.digest}`, '')
  if (link) lines.push(`**Link:** ${link} (${LINK_NOTES[net.link]})`, '')
  const check = post.check
  if (check) {
    lines.push(
      check.valid
        ? '**Check:** within every limit.'
        : `**Check:** INVALID: ${check.issues.map((i) => `${i.code} ${JSON.stringify(i.params)}`).join('; ')}`,
      ''
    )
  }
  return lines.join('\n')
}

export const CSV_COLUMNS = [
  'network',
  'language',
  'variant',
  'title',
  'text',
  'hashtags',
  'link',
  'image',
  'characters',
  'limit',
  'valid',
  'issues',
] as const

export function postsCsv(doc: CampaignDocument): string {
  const link = linkOf(doc)
  const hasVisual = new Set(doc.visuals.map((v) => v.format))
  const rows = doc.posts.flatMap((post) => {
    const net = NETWORKS[post.network]
    return VARIANTS.map((name, i) => {
      const hook = i as 0 | 1
      const text = publishedText(post, hook, link)
      return [
        post.network,
        post.language,
        name,
        post.titles?.[hook] ?? '',
        text,
        post.hashtags.map((t) => hashtagOf(post.network, t)).join(' '),
        link && net.link !== 'none' ? link : '',
        hasVisual.has(net.image) ? visualPath(post.language, net.image) : '',
        countCharacters(text, net.count),
        net.maxCharacters,
        post.check?.valid ?? false,
        (post.check?.issues ?? []).map((issue) => issue.code).join(' '),
      ]
    })
  })
  return toCsv([CSV_COLUMNS, ...rows])
}
