/**
 * @module brand/page-quality
 * Whether a fetched page is worth profiling. Error statuses, bot checks and access-denied
 * pages, "not found" pages answered with 200, and pages with almost no text are refused with
 * the reason; a page with only a little text is profiled but flagged as limited.
 */

import type { Reason } from '../../core/codes'
import { httpStatusReason, pageReason } from './notices'

export type PageVerdict = { usable: true; limited?: Reason } | { usable: false; reason: Reason }

export interface PageSample {
  status: number
  title: string
  /** Title, description and content together, as the model would see them. */
  text: string
}

const MIN_TEXT = 80
const LIMITED_TEXT = 600
// Challenge and error wording only counts on short pages: a long page may mention "captcha".
const SHORT_PAGE = 2000

const CHALLENGE = [
  'just a moment',
  'checking your browser',
  'enable javascript and cookies',
  'attention required',
  'verify you are human',
  'are you a robot',
  'captcha',
  'access denied',
  'request blocked',
  'unusual traffic',
  'ddos protection',
  'security check',
  'pardon our interruption',
  "you don't have permission to access",
  'incapsula incident',
]

const NOT_FOUND =
  /\b404\b|page not found|not be found|no longer exists|页面不存在|找不到(该|此)?页面/i

export function judgePage(page: PageSample): PageVerdict {
  if (page.status >= 400) return { usable: false, reason: httpStatusReason(page.status) }
  const length = page.text.replace(/\s+/g, ' ').trim().length
  if (length < SHORT_PAGE) {
    const sample = page.text.toLowerCase()
    if (CHALLENGE.some((marker) => sample.includes(marker))) {
      return { usable: false, reason: pageReason('bot_check') }
    }
    if (NOT_FOUND.test(page.title) || NOT_FOUND.test(page.text.slice(0, 300))) {
      return { usable: false, reason: pageReason('not_found_page') }
    }
  }
  if (length < MIN_TEXT) {
    return { usable: false, reason: pageReason('no_text') }
  }
  if (length < LIMITED_TEXT) return { usable: true, limited: pageReason('little_text') }
  return { usable: true }
}
