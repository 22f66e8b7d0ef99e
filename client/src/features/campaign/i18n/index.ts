/**
 * @module features/campaign/i18n
 * The campaign page's messages, in its own lazy chunk.
 */
import { defineMessages } from '../../../i18n'
import { en } from './en'
import { zhCN } from './zh-CN'

export type CampaignMessageKey = keyof typeof zhCN
export const campaignMessages = { 'zh-CN': zhCN, en }
export const useCampaignI18n = defineMessages<CampaignMessageKey>(campaignMessages)
