/**
 * @module components/grounding/i18n
 * The grounding display's few messages, beside it, so every studio that shows sources carries
 * these and not a whole feature's table.
 */
import { defineMessages } from '../../i18n'

const zhCN = {
  'sources.title': '来源（{count}）',
  'sources.unnamed': '来源',
  'sources.suggestions': 'Google 搜索建议',
} satisfies Record<string, string>

const en: Record<keyof typeof zhCN, string> = {
  'sources.title': 'Sources ({count})',
  'sources.unnamed': 'Source',
  'sources.suggestions': 'Google search suggestions',
}

export const groundingMessages = { 'zh-CN': zhCN, en }
export const useGroundingI18n = defineMessages<keyof typeof zhCN>(groundingMessages)
