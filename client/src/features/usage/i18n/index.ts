/**
 * @module features/usage/i18n
 * The spend meter's and the usage page's messages, in their own lazy chunk beside the shell's.
 */
import { defineMessages } from '../../../i18n'
import { en } from './en'
import { zhCN } from './zh-CN'

export type UsageMessageKey = keyof typeof zhCN
export const usageMessages = { 'zh-CN': zhCN, en }
export const useUsageI18n = defineMessages<UsageMessageKey>(usageMessages)
