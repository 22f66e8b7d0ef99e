/**
 * @module library/schemas/campaign
 * A saved campaign: what it was made from (an approved SEO article, a content brief, or a free
 * prompt, with the brand profile), its plan per language (message, audience, call to action,
 * headline A/B), the posts per network and language (hook A/B, title A/B where the network has
 * titles, and the server's limit check), the key visual and the visuals per size with their text
 * and logo layers, and the optional video job. Media by id only. Pure valibot (shared with the
 * browser).
 */
import * as v from 'valibot'
import { text, textList } from '../../../core/schema'
import { JOB_ID } from '../../video/job-ids'
import {
  boundedNumber,
  MediaId,
  MediaRef,
  positiveInteger,
  Timestamp,
  Title,
  Updated,
} from './common'
import { ProfileChoice } from './seo-project'

/** The networks a campaign writes for (their limits: `features/campaigns/networks.ts`). */
export const NETWORK_IDS = [
  'linkedin',
  'x',
  'instagram',
  'facebook',
  'xiaohongshu',
  'wechat',
  'weibo',
] as const
export type NetworkId = (typeof NETWORK_IDS)[number]
export const NetworkId = v.picklist(NETWORK_IDS)

/** The markets a campaign is written for, each with its own prompt. */
export const CAMPAIGN_LANGUAGES = ['zh-CN', 'en'] as const
export type CampaignLanguage = (typeof CAMPAIGN_LANGUAGES)[number]
export const CampaignLanguage = v.picklist(CAMPAIGN_LANGUAGES)

/** The sizes every visual is made in. */
export const VISUAL_FORMATS = ['1:1', '4:5', '9:16', '1.91:1'] as const
export type VisualFormat = (typeof VISUAL_FORMATS)[number]
export const VisualFormat = v.picklist(VISUAL_FORMATS)

/** One optional value per campaign language. */
const byLanguage = <S extends v.GenericSchema>(item: S) =>
  v.object({ 'zh-CN': v.optional(item), en: v.optional(item) })

const AB = <S extends v.GenericSchema>(item: S) => v.pipe(v.array(item), v.length(2))
const Choice = v.optional(v.picklist([0, 1]), 0)
const Hex = v.pipe(
  v.string(),
  v.trim(),
  v.toLowerCase(),
  v.regex(/^#[0-9a-f]{6}$/, 'Must be a colour such as #1f6f5c')
)
const LocalId = v.pipe(
  v.string(),
  v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'Must be 1-64 letters, digits, dashes or underscores')
)

export const CampaignSource = v.variant('kind', [
  v.object({
    kind: v.literal('article'),
    /** The SEO project the article belongs to (saved work). */
    projectId: v.optional(text(64)),
    title: text(400),
    /** The article as Markdown (images left out), the campaign's material. */
    markdown: v.pipe(v.string(), v.maxLength(60_000)),
    url: v.optional(text(2048)),
  }),
  v.object({
    kind: v.literal('brief'),
    projectId: v.optional(text(64)),
    title: text(400),
    summary: v.pipe(v.string(), v.maxLength(6_000)),
    keywords: v.optional(textList(20, 200), []),
    url: v.optional(text(2048)),
  }),
  v.object({
    kind: v.literal('prompt'),
    prompt: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(4_000)),
    url: v.optional(text(2048)),
  }),
])
export type CampaignSource = v.InferOutput<typeof CampaignSource>

/** The campaign's message for one market. */
export const MarketPlan = v.object({
  message: text(1_000),
  audience: text(1_000),
  cta: text(200),
  /** Headline A and B (shown on the visuals). */
  headlines: AB(text(200)),
  headline: Choice,
})
export type MarketPlan = v.InferOutput<typeof MarketPlan>

/** A problem the server's limit check found, by code with its numbers (the UI words it). */
export const PostIssue = v.object({
  code: v.picklist([
    'too_long',
    'title_too_long',
    'title_missing',
    'digest_too_long',
    'too_many_hashtags',
    'link_not_allowed',
    'empty',
  ]),
  params: v.optional(v.record(v.string(), v.union([v.string(), v.number()])), {}),
})
export type PostIssue = v.InferOutput<typeof PostIssue>

const Count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1_000_000))

/** The server's check of a post against its network's limits (every variant counted). */
export const PostCheck = v.object({
  valid: v.boolean(),
  /** Characters of the longest variant, as the network counts them. */
  characters: Count,
  limit: Count,
  hashtags: Count,
  titleCharacters: v.optional(Count),
  issues: v.optional(v.pipe(v.array(PostIssue), v.maxLength(20)), []),
  /** Whether the model was asked again with the overage. */
  retried: v.optional(v.boolean(), false),
})
export type PostCheck = v.InferOutput<typeof PostCheck>

export const CampaignPost = v.object({
  id: LocalId,
  network: NetworkId,
  language: CampaignLanguage,
  /** Title A and B, for networks whose posts have a title (Xiaohongshu, WeChat). */
  titles: v.optional(AB(text(400))),
  title: Choice,
  /** Opening line A and B. */
  hooks: AB(text(1_000)),
  hook: Choice,
  body: v.pipe(v.string(), v.maxLength(70_000)),
  hashtags: v.optional(textList(40, 100), []),
  /** WeChat's digest (摘要). */
  digest: v.optional(text(400)),
  check: v.optional(PostCheck),
})
export type CampaignPost = v.InferOutput<typeof CampaignPost>

/** A layer over a visual; positions and sizes are fractions of the visual's width and height. */
export const Layer = v.object({
  id: LocalId,
  kind: v.picklist(['headline', 'cta', 'logo']),
  x: boundedNumber(-1, 2),
  y: boundedNumber(-1, 2),
  /** Width of the text box or logo (fraction of the visual's width). */
  width: boundedNumber(0.02, 1.5),
  /** Font size as a fraction of the visual's width (text layers). */
  size: v.optional(boundedNumber(0.01, 0.3), 0.07),
  color: v.optional(Hex, '#ffffff'),
  /** The CTA's button colour. */
  background: v.optional(Hex),
  align: v.optional(v.picklist(['left', 'center', 'right']), 'left'),
  /** The text per language (text layers). */
  text: v.optional(byLanguage(text(300)), {}),
  /** The kit font asked for; exports fall back to the bundled font when it cannot be loaded. */
  font: v.optional(text(100)),
  /** The logo (logo layers). */
  mediaId: v.optional(MediaId),
  hidden: v.optional(v.boolean(), false),
})
export type Layer = v.InferOutput<typeof Layer>

export const CampaignVisual = v.object({
  format: VisualFormat,
  /** The image at the format's exact export size (re-composed by the model, then fitted). */
  image: MediaRef,
  /** The ratio the image model was asked for (1.91:1 is asked as 16:9, then extended). */
  modelRatio: text(10),
  layers: v.pipe(v.array(Layer), v.maxLength(12)),
  /** The brand guard's score, when it has checked this visual. */
  brandScore: v.optional(boundedNumber(0, 100)),
})
export type CampaignVisual = v.InferOutput<typeof CampaignVisual>

export const CampaignDocument = v.object({
  title: Title,
  updated: Updated,
  source: CampaignSource,
  profile: v.optional(ProfileChoice),
  languages: v.pipe(v.array(CampaignLanguage), v.minLength(1), v.maxLength(2)),
  networks: v.pipe(v.array(NetworkId), v.minLength(1), v.maxLength(NETWORK_IDS.length)),
  plans: v.optional(byLanguage(MarketPlan), {}),
  posts: v.optional(v.pipe(v.array(CampaignPost), v.maxLength(40)), []),
  keyVisual: v.optional(v.object({ image: MediaRef, prompt: text(8_000) })),
  visuals: v.optional(v.pipe(v.array(CampaignVisual), v.maxLength(VISUAL_FORMATS.length)), []),
  video: v.optional(
    v.object({
      jobId: v.pipe(v.string(), v.regex(JOB_ID, 'Must be a video job id')),
      seconds: v.optional(positiveInteger(60)),
      createdAt: v.optional(Timestamp),
    })
  ),
})
export type CampaignDocument = v.InferOutput<typeof CampaignDocument>
