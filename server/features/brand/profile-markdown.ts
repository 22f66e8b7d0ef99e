/**
 * @module brand/profile-markdown
 * The Markdown text profile, rendered from the structured analysis on the server: the same
 * profile always gives the same text, and no second model call is needed. Model text is
 * escaped so that it cannot smuggle HTML into a Markdown renderer.
 */
import type { UiLanguage } from '../../core/schema'
import type { BrandAnalysis } from './schemas'

const LABELS = {
  en: {
    overview: 'Brand overview',
    industry: 'Industry',
    values: 'Brand values',
    audience: 'Target audience',
    voice: 'Brand voice',
    tone: 'Tone',
    style: 'Style',
    products: 'Products and services',
    position: 'Market position',
    keywords: 'Suggested target keywords',
    limited: 'Limited information',
    source: 'Source',
  },
  'zh-CN': {
    overview: '品牌概述',
    industry: '行业',
    values: '品牌价值观',
    audience: '目标受众',
    voice: '品牌调性',
    tone: '语气',
    style: '风格',
    products: '产品与服务',
    position: '市场定位',
    keywords: '建议目标关键词',
    limited: '信息有限',
    source: '来源',
  },
} as const satisfies Record<UiLanguage, Record<string, string>>

export function renderProfileMarkdown(
  profile: BrandAnalysis,
  ui: UiLanguage,
  sourceUrl: string
): string {
  const t = LABELS[ui]
  const colon = ui === 'zh-CN' ? '：' : ':'
  const field = (label: string, value: string) =>
    value ? `**${label}${colon}** ${inline(value)}` : ''
  const list = (items: readonly string[]) =>
    items.map((item) => `- ${safeStart(inline(item))}`).join('\n')
  const section = (title: string, ...body: string[]) => {
    const content = body.filter(Boolean).join('\n\n')
    return content ? `## ${title}\n\n${content}` : ''
  }

  const blocks = [
    `# ${inline(profile.brandName)}`,
    profile.limitedInformation.isLimited
      ? `> **${t.limited}${colon}** ${inline(profile.limitedInformation.reason || '—')}`
      : '',
    section(t.overview, field(t.industry, profile.industry), paragraphs(profile.overview)),
    section(t.values, list(profile.values)),
    section(t.audience, paragraphs(profile.audience)),
    section(t.voice, field(t.tone, profile.voice.tone), field(t.style, profile.voice.style)),
    section(t.products, list(profile.productsAndServices)),
    section(t.position, paragraphs(profile.marketPosition)),
    section(t.keywords, list(profile.suggestedTargetKeywords)),
    `_${t.source}${colon} ${escapeHtml(sourceUrl)}_`,
  ]
  return `${blocks.filter(Boolean).join('\n\n')}\n`
}

/** HTML-significant characters as entities; Markdown renders them as text. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** One line: no line breaks that could start a heading or end a list item. */
function inline(text: string): string {
  return escapeHtml(text.replace(/\s+/g, ' ').trim())
}

/** A leading `#`, `>`, `-`, `1.` would make the line a heading, quote or list. */
function safeStart(line: string): string {
  return line.replace(/^([#>*+-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2')
}

/** Paragraphs kept, each on one line, none starting like a Markdown block. */
function paragraphs(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => safeStart(inline(p)))
    .filter(Boolean)
    .join('\n\n')
}
