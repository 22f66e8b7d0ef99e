/**
 * @module features/launch/i18n
 * The launch page's gallery messages, in the launch page's lazy chunk.
 */
import { defineMessages } from '../../../i18n'
import { en } from './en'
import { zhCN } from './zh-CN'

export type LaunchMessageKey = keyof typeof zhCN
export const launchMessages = { 'zh-CN': zhCN, en }
export const useLaunchI18n = defineMessages<LaunchMessageKey>(launchMessages)
