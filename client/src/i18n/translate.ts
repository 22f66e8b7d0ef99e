/**
 * @module i18n/translate
 * The pure part of the i18n layer: the message tables, placeholder filling and the choice of the
 * starting language. No Vue and no DOM here, so it is tested directly.
 */
import { preferredUiLanguage } from '../../../server/core/preferred-language'
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

/**
 * The stored choice when it is one we know; on a first visit the browser's languages (any
 * Chinese gives zh-CN, others English); the default when the browser names none.
 */
export const initialLocale = (
  stored: string | null | undefined,
  browserLanguages: readonly string[] = []
): Locale => (isLocale(stored) ? stored : (preferredUiLanguage(browserLanguages) ?? DEFAULT_LOCALE))

/** A message table per language; a feature chunk brings its own beside the shell's. */
export type MessageTables<K extends string> = Record<Locale, Record<K, string>>

/** Fills `{name}` placeholders; an unknown placeholder is left visible. */
export function fill(template: string, params?: MessageParams): string {
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole
  )
}

/** Looks a key up in `tables`, then in the shell's messages, and fills its placeholders. */
export function translateIn<K extends string>(
  tables: MessageTables<K> | undefined,
  locale: Locale,
  key: K | MessageKey,
  params?: MessageParams
): string {
  const own = tables?.[locale] as Record<string, string> | undefined
  const shell = messages[locale] as Record<string, string>
  const template = own?.[key] ?? shell[key] ?? messages[DEFAULT_LOCALE][key as MessageKey] ?? key
  return fill(template, params)
}

/** Looks a key of the shell's messages up and fills its placeholders. */
export const translate = (locale: Locale, key: MessageKey, params?: MessageParams): string =>
  translateIn(undefined, locale, key, params)
