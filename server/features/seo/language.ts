/**
 * @module seo/language
 * One language rule for every SEO step: what the reader sees (brief fields, outline, article,
 * metadata) follows the project's target language; what the user sees about the analysis
 * (insights, landscape, reasoning) follows `uiLanguage` (zh-CN by default, or en).
 */
import * as v from 'valibot'

export const UiLanguage = v.optional(v.picklist(['zh-CN', 'en']), 'zh-CN')
export type UiLanguage = 'zh-CN' | 'en'

const UI_NAMES: Record<UiLanguage, string> = {
  'zh-CN': 'Simplified Chinese (简体中文)',
  en: 'English',
}

export const uiLanguageName = (ui: UiLanguage) => UI_NAMES[ui]

/** The instruction block every prompt carries. */
export function languageRule(options: { ui: UiLanguage; content?: string }): string {
  const lines = [
    `Write every analysis, insight, reason or explanation meant for the user in ${UI_NAMES[options.ui]}.`,
  ]
  if (options.content) {
    lines.push(
      `Write all reader-facing content (titles, keywords, outline headings, article text, metadata) in ${options.content}.`
    )
  }
  return lines.join(' ')
}
