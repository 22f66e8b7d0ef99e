/**
 * @module i18n/server-codes/notices.en
 * The notes the server puts beside its results (a page skipped, a default it chose, a part of
 * the brand kit not used), in English. `{reason}` is filled from the reason tables.
 */
import type { BrandNoticeCode } from '../../../../server/features/brand/notices'
import type { BrandSkipCode } from '../../../../server/features/image/brand-skips'
import type { StrategyNoticeCode } from '../../../../server/features/seo/strategy/notices'

export type NoticeCode = BrandNoticeCode | StrategyNoticeCode | BrandSkipCode

export const noticesEn: Record<`notice.${NoticeCode}`, string> = {
  'notice.read_via_jina': 'The page was read through Jina Reader because {reason}.',
  'notice.limited_information': 'The profile is based on limited information: {reason}.',
  'notice.page_skipped': 'Skipped the page {url}: {reason}.',
  'notice.only_first_page':
    'Only the first page of the site could be read; the profile rests on it alone.',
  'notice.stylesheet_skipped': 'Skipped the stylesheet {url}: {reason}.',
  'notice.logo_skipped': 'Skipped the logo {url}: {reason}.',
  'notice.image_skipped': 'Skipped the image {url}: {reason}.',
  'notice.image_search_failed':
    'Image search failed; only images from the page itself are included.',
  'notice.language_not_declared':
    'The site does not declare its language; the project uses {language}. Change it in the profile if needed.',
  'notice.region_not_declared':
    'The site does not declare its region; the project uses {region}. Change it in the profile if needed.',
  'notice.competitor_listed_twice': '{url} was listed twice; it is analysed once.',
  'notice.top_article_off_site':
    'The top article proposed for {url} is not on that site; it was left out.',
  'notice.kit_has_no_logo': 'the brand kit has no logo',
  'notice.logo_not_usable': 'the logo is not a PNG, JPEG or WebP image',
}
