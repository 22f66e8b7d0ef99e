/**
 * @module features/image/i18n
 * The image studio's messages, in its own lazy chunk.
 */
import { defineMessages } from '../../../i18n'
import { en } from './en'
import { zhCN } from './zh-CN'

export type ImageMessageKey = keyof typeof zhCN
export const imageMessages = { 'zh-CN': zhCN, en }
export const useImageI18n = defineMessages<ImageMessageKey>(imageMessages)
