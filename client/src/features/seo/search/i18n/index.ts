/**
 * @module features/seo/search/i18n
 * Messages of the Search Console panels and WordPress publishing, in their own small table.
 */
import { defineMessages } from '../../../../i18n'
import { en } from './en'
import { zhCN } from './zh-CN'

export type SearchMessageKey = keyof typeof zhCN
export const searchMessages = { 'zh-CN': zhCN, en }
export const useSearchI18n = defineMessages<SearchMessageKey>(searchMessages)
