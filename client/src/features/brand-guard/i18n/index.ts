/**
 * @module features/brand-guard/i18n
 * The brand check's messages (badge, breakdown, issues and fixes by code), in its own tables.
 */
import { defineMessages } from '../../../i18n'
import { en } from './en'
import { zhCN } from './zh-CN'

export type GuardMessageKey = keyof typeof zhCN
export const guardMessages = { 'zh-CN': zhCN, en }
export const useGuardI18n = defineMessages<GuardMessageKey>(guardMessages)
