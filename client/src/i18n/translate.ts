/**
 * @module i18n/translate
 * The pure part of the i18n layer: the message tables, placeholder filling and the choice of the
 * starting language. No Vue and no DOM here, so it is tested directly.
 */
import { en } from './en'
import { type MessageKey, zhCN } from './zh-CN'

export type { MessageKey }
export type Locale = 'zh-CN' | 'en'
export type MessageParams = Record<string, string | number>

export const DEFAULT_LOCALE: Locale = 'zh-CN'
export const LOCALES: readonly { code: Locale; label: string }[] = [
  { code: 'zh-CN', label: '中文' },
  { code: 'en', label: 'English' },
]

export const messages: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en }

export const isLocale = (value: unknown): value is Locale => value === 'zh-CN' || value === 'en'

/** The stored choice when it is one we know, else the default. */
export const initialLocale = (stored: string | null | undefined): Locale =>
  isLocale(stored) ? stored : DEFAULT_LOCALE

/** Looks a key up and fills `{name}` placeholders; an unknown placeholder is left visible. */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const template = messages[locale][key] ?? messages[DEFAULT_LOCALE][key] ?? key
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole
  )
}
