/**
 * @module features/saved/i18n
 * The saved-work messages (status, conflict, lists), in their own lazy chunk.
 */
import { defineMessages } from '../../../i18n'
import { en } from './en'
import { zhCN } from './zh-CN'

export type SavedMessageKey = keyof typeof zhCN
export const savedMessages = { 'zh-CN': zhCN, en }
export const useSavedI18n = defineMessages<SavedMessageKey>(savedMessages)
