/**
 * @module campaigns/inputs
 * Request pieces the campaign steps share, and the prompt blocks they build from them: the
 * campaign's source (article, brief or prompt) as a data block, the market each language stands
 * for, and the brand. Pure valibot and strings.
 */
import * as v from 'valibot'
import { dataBlock } from '../../core/prompt-blocks'
import { BrandProfile } from '../brand/profile'
import { brandBlock } from '../brand/prompt-block'
import {
  CAMPAIGN_LANGUAGES,
  type CampaignLanguage,
  CampaignSource,
} from '../library/schemas/campaign'

export const Languages = v.pipe(
  v.array(v.picklist(CAMPAIGN_LANGUAGES)),
  v.minLength(1),
  v.maxLength(2),
  v.check((list) => new Set(list).size === list.length, 'Each language once')
)

export const CampaignBase = {
  source: CampaignSource,
  profile: v.optional(BrandProfile),
}

/** The market each language is written for: not a translation, a campaign of its own. */
export const MARKETS: Readonly<Record<CampaignLanguage, { language: string; market: string }>> = {
  en: {
    language: 'English',
    market:
      'English-speaking readers on global networks (LinkedIn, X, Instagram, Facebook): direct, benefit first, plain words, local idioms and examples.',
  },
  'zh-CN': {
    language: 'Simplified Chinese (简体中文)',
    market:
      'Readers in mainland China on 小红书, 微信公众号 and 微博: native Chinese copy written for them (never a translation of English copy), the platforms’ own tone (小红书: personal, practical, list-like with a few emoji; 公众号: considered, article-like; 微博: short, topical), Chinese examples and units.',
  },
}

/** The campaign's material as one data block (the article is cut to what a prompt needs). */
export function sourceBlock(source: CampaignSource): string {
  switch (source.kind) {
    case 'article':
      return dataBlock(
        'article',
        [
          `Title: ${source.title}`,
          source.url && `URL: ${source.url}`,
          source.markdown.slice(0, 24_000),
        ]
          .filter(Boolean)
          .join('\n\n')
      )
    case 'brief':
      return dataBlock(
        'brief',
        [
          `Title: ${source.title}`,
          `Summary: ${source.summary}`,
          source.keywords.length && `Keywords: ${source.keywords.join(', ')}`,
          source.url && `URL: ${source.url}`,
        ]
          .filter(Boolean)
          .join('\n')
      )
    case 'prompt':
      return dataBlock('campaign_request', source.prompt)
  }
}

export const brandOf = (profile: BrandProfile | undefined) =>
  brandBlock(profile, { kit: ['colors', 'fonts'] })
