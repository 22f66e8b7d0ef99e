/**
 * @module brand/notices
 * What a brand analysis tells the user beside its result, coded so the UI can word it in the
 * user's language: why a page, stylesheet or image was not used (page reasons, joined by the
 * safe fetcher's own), and the notes on the analysis (a page skipped, only the first page read,
 * a market the site does not declare).
 */
import {
  defineCodes,
  type Notice,
  type NoticeParams,
  noticeOf,
  type Reason,
  reasonOf,
} from '../../core/codes'

export const PAGE_REASONS = defineCodes('reason', {
  http_status: 'the site answered HTTP {status}',
  http_401: 'the site answered HTTP {status} (sign-in required)',
  http_403: 'the site answered HTTP {status} (access denied)',
  http_404: 'the site answered HTTP {status} (page not found)',
  http_410: 'the site answered HTTP {status} (page gone)',
  http_429: 'the site answered HTTP {status} (too many requests)',
  bot_check: 'the site showed a bot check or an access-denied page instead of its content',
  not_found_page: 'the address shows a "page not found" page',
  no_text: 'the page has almost no readable text (it may need JavaScript to show its content)',
  little_text: 'the page has only a little text',
  off_site: 'it redirected to another site',
  out_of_time: 'the time for further pages ran out',
  unreadable: 'it could not be read',
  not_stored: 'it could not be stored',
  not_image: 'the content is not a PNG, JPEG, GIF, WebP, AVIF, ICO or SVG image',
})

export type PageReasonCode = keyof typeof PAGE_REASONS.texts

export const pageReason = (code: PageReasonCode, params?: NoticeParams): Reason =>
  reasonOf(PAGE_REASONS, code, params)

const STATUS_REASONS: Partial<Record<number, PageReasonCode>> = {
  401: 'http_401',
  403: 'http_403',
  404: 'http_404',
  410: 'http_410',
  429: 'http_429',
}

/** Why an HTTP error status made a page (or file) unusable. */
export const httpStatusReason = (status: number): Reason =>
  pageReason(STATUS_REASONS[status] ?? 'http_status', { status })

export const BRAND_NOTICES = defineCodes('notice', {
  read_via_jina: 'The page was read through Jina Reader because {reason}.',
  limited_information: 'The profile is based on limited information: {reason}.',
  page_skipped: 'Skipped the page {url}: {reason}.',
  only_first_page: 'Only the first page of the site could be read; the profile rests on it alone.',
  stylesheet_skipped: 'Skipped the stylesheet {url}: {reason}.',
  logo_skipped: 'Skipped the logo {url}: {reason}.',
  image_skipped: 'Skipped the image {url}: {reason}.',
  image_search_failed: 'Image search failed; only images from the page itself are included.',
  language_not_declared:
    'The site does not declare its language; the project uses {language}. Change it in the profile if needed.',
  region_not_declared:
    'The site does not declare its region; the project uses {region}. Change it in the profile if needed.',
})

export type BrandNoticeCode = keyof typeof BRAND_NOTICES.texts

export const brandNotice = (
  code: BrandNoticeCode,
  params?: NoticeParams,
  reason?: Reason
): Notice => noticeOf(BRAND_NOTICES, code, params, reason)
