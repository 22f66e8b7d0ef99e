/**
 * @module features/seo/i18n
 * The SEO workspace's messages, in its own lazy chunk beside the shell's.
 */
import { defineMessages } from '../../../i18n'
import { en } from './en'
import { zhCN } from './zh-CN'

export type SeoMessageKey = keyof typeof zhCN
export const seoMessages = { 'zh-CN': zhCN, en }
export const useSeoI18n = defineMessages<SeoMessageKey>(seoMessages)
