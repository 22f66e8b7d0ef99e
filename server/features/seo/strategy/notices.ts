/**
 * @module seo/strategy/notices
 * What the strategy steps note beside their results, coded so the UI can word it in the user's
 * language (the model's own text stays in the language the user asked for).
 */
import { defineCodes, type Notice, type NoticeParams, noticeOf } from '../../../core/codes'

export const STRATEGY_NOTICES = defineCodes('notice', {
  competitor_listed_twice: '{url} was listed twice; it is analyzed once.',
  top_article_off_site: 'The top article proposed for {url} is not on that site; it was left out.',
})

export type StrategyNoticeCode = keyof typeof STRATEGY_NOTICES.texts

export const strategyNotice = (code: StrategyNoticeCode, params?: NoticeParams): Notice =>
  noticeOf(STRATEGY_NOTICES, code, params)
