/**
 * @module features/video/i18n
 * The video studio's messages, in its own lazy chunk beside the shell's.
 */
import { defineMessages } from '../../../i18n'
import { en } from './en'
import { zhCN } from './zh-CN'

export type VideoMessageKey = keyof typeof zhCN
export const videoMessages = { 'zh-CN': zhCN, en }
export const useVideoI18n = defineMessages<VideoMessageKey>(videoMessages)
