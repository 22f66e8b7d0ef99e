/**
 * @module features/brand/i18n
 * The brand editor's messages, in its own lazy chunk beside the shell's.
 */
import { defineMessages } from '../../../i18n'
import { en } from './en'
import { zhCN } from './zh-CN'

export type BrandMessageKey = keyof typeof zhCN
export const brandMessages = { 'zh-CN': zhCN, en }
export const useBrandI18n = defineMessages<BrandMessageKey>(brandMessages)
