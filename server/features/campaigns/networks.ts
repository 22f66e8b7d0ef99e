/**
 * @module campaigns/networks
 * The one table of network limits a campaign's posts are checked against (on the server, before
 * a post is delivered) and counted with (in the UI's counters). Each row names how the network
 * counts, its limits, how it takes a link, and where the numbers come from (checked December
 * 2026; README "Campaign network limits" shows the same table). Pure data, shared with the
 * browser.
 */
import type { NetworkId, VisualFormat } from '../library/schemas/campaign'

/**
 * How a network counts characters:
 * - `x`: twitter-text's weighted length (config v3): code points in U+0000-10FF, U+2000-200D,
 *   U+2010-201F and U+2032-2037 count 1, every other code point (CJK, emoji) 2, a URL 23;
 * - `utf16`: UTF-16 code units, as the Meta and LinkedIn composers count (an emoji is 2);
 * - `chars`: one per character (code point), as the Chinese networks' editors count;
 * - `weibo`: a Chinese (full-width) character 1, two half-width characters 1, rounded up.
 */
export type CountRule = 'x' | 'utf16' | 'chars' | 'weibo'

/**
 * Where a post's link goes:
 * - `inline`: in the text, counted as the network counts it;
 * - `bio`: links in captions are not clickable: "link in bio", no URL in the text;
 * - `original`: WeChat's "Read more" (阅读原文) field, never in the body;
 * - `none`: the network refuses outside links in notes (Xiaohongshu).
 */
export type LinkRule = 'inline' | 'bio' | 'original' | 'none'

/** How hashtags are written: `#tag`, or Weibo's `#话题#`. */
export type HashtagStyle = 'hash' | 'weibo' | 'none'

export interface NetworkLimits {
  id: NetworkId
  name: string
  /** The market the network is written for first (the board still offers both languages). */
  market: 'global' | 'china'
  count: CountRule
  /** Characters of the whole post as published (hashtags and inline link included). */
  maxCharacters: number
  /** Shown before "more" (a soft limit: the hook should fit). */
  foldCharacters?: number
  /** Hashtags the network accepts in one post (undefined: no hard limit). */
  maxHashtags?: number
  /** Hashtags the campaign writes at most (the network's advice, or our own). */
  targetHashtags: number
  hashtagStyle: HashtagStyle
  /** Posts with a title field, and its limit. */
  maxTitle?: number
  titleCount?: CountRule | 'wechat-title'
  /** WeChat's digest (摘要). */
  maxDigest?: number
  link: LinkRule
  /** The visual size a scheduler attaches to this network's post. */
  image: VisualFormat
  sources: readonly string[]
}

/** The twitter-text config v3 weighting (a URL counts 23). */
export const X_URL_LENGTH = 23
/** A Weibo link is shortened to t.cn (about 20 half-width characters, so 10). */
export const WEIBO_URL_LENGTH = 10

export const NETWORKS: Readonly<Record<NetworkId, NetworkLimits>> = {
  linkedin: {
    id: 'linkedin',
    name: 'LinkedIn',
    market: 'global',
    count: 'utf16',
    maxCharacters: 3000,
    foldCharacters: 210,
    targetHashtags: 3,
    hashtagStyle: 'hash',
    link: 'inline',
    image: '1.91:1',
    sources: [
      'LinkedIn Help: "Share posts" (posts up to 3,000 characters)',
      'LinkedIn Marketing API, Posts API: commentary is little text up to 3,000 characters',
    ],
  },
  x: {
    id: 'x',
    name: 'X',
    market: 'global',
    count: 'x',
    maxCharacters: 280,
    targetHashtags: 2,
    hashtagStyle: 'hash',
    link: 'inline',
    image: '1.91:1',
    sources: [
      'twitter/twitter-text config/v3.json: maxWeightedTweetLength 280, scale 100, defaultWeight 200, ranges 0-4351, 8192-8205, 8208-8223, 8242-8247 weigh 100, transformedURLLength 23',
      'X Developer docs, "Counting characters" (CJK count 2, URLs 23)',
    ],
  },
  instagram: {
    id: 'instagram',
    name: 'Instagram',
    market: 'global',
    count: 'utf16',
    maxCharacters: 2200,
    foldCharacters: 125,
    maxHashtags: 5,
    targetHashtags: 5,
    hashtagStyle: 'hash',
    link: 'bio',
    image: '4:5',
    sources: [
      'Instagram Graph API, Content Publishing: caption at most 2,200 characters',
      'Adam Mosseri, 19 December 2025: at most 5 hashtags per post or reel (was 30)',
      'Links in captions are not clickable (Instagram Help: "link in bio")',
    ],
  },
  facebook: {
    id: 'facebook',
    name: 'Facebook',
    market: 'global',
    count: 'utf16',
    maxCharacters: 63206,
    foldCharacters: 480,
    targetHashtags: 3,
    hashtagStyle: 'hash',
    link: 'inline',
    image: '1:1',
    sources: ['Facebook post limit of 63,206 characters (Meta, Pages composer)'],
  },
  xiaohongshu: {
    id: 'xiaohongshu',
    name: '小红书 Xiaohongshu',
    market: 'china',
    count: 'chars',
    maxCharacters: 1000,
    maxHashtags: 10,
    targetHashtags: 6,
    hashtagStyle: 'hash',
    maxTitle: 20,
    titleCount: 'chars',
    link: 'none',
    image: '4:5',
    sources: [
      '小红书创作中心 editor: 标题 0/20, 正文 0/1000',
      '小红书社区规范: no outside links or contact details in notes; at most 10 话题 per note',
    ],
  },
  wechat: {
    id: 'wechat',
    name: '微信公众号 WeChat Official Account',
    market: 'china',
    count: 'chars',
    maxCharacters: 20000,
    targetHashtags: 0,
    maxHashtags: 0,
    hashtagStyle: 'none',
    maxTitle: 64,
    titleCount: 'wechat-title',
    maxDigest: 120,
    link: 'original',
    image: '1.91:1',
    sources: [
      '微信公众平台 editor: 标题 0/64, 摘要 0/120, 正文 up to 20,000 characters',
      '微信公众平台 draft/add API: title at most 32 Chinese characters (a Chinese character counted 2 here, so both rules hold), content_source_url for 阅读原文',
    ],
  },
  weibo: {
    id: 'weibo',
    name: '微博 Weibo',
    market: 'china',
    count: 'weibo',
    maxCharacters: 2000,
    foldCharacters: 140,
    targetHashtags: 2,
    hashtagStyle: 'weibo',
    link: 'inline',
    image: '1:1',
    sources: [
      '微博 composer: 2,000 characters, 140 shown before 展开全文; two half-width characters count as one',
      'Links are shortened to t.cn (counted 10 here)',
    ],
  },
}
