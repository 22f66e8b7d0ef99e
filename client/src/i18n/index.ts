/**
 * @module i18n
 * A small i18n composable (vue-i18n would cost more than the whole budget allows): one shared
 * reactive locale (the stored choice, else the browser's languages), `t(key, params)`, and a
 * switch that persists the choice in localStorage and keeps `<html lang>` in step.
 */
import { readonly, ref } from 'vue'
import {
  initialLocale,
  type Locale,
  type MessageKey,
  type MessageParams,
  type MessageTables,
  translateIn,
} from './translate'

export {
  isLocale,
  LOCALES,
  type Locale,
  type MessageKey,
  type MessageParams,
  type MessageTables,
} from './translate'

const STORAGE_KEY = 'ais.locale'

const locale = ref<Locale>(initialLocale(readStored(), globalThis.navigator?.languages ?? []))

function readStored(): string | null {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) ?? null
  } catch {
    // Storage can be disabled (privacy settings); the default language still works.
    return null
  }
}

function applyToDocument(value: Locale): void {
  if (typeof document !== 'undefined') document.documentElement.lang = value
}

export function setLocale(value: Locale): void {
  locale.value = value
  applyToDocument(value)
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, value)
  } catch {
    // Not persisted, but the switch still applies to this page.
  }
}

/** Call once at start-up so `<html lang>` matches a stored choice before the first paint. */
export const initLocale = (): void => applyToDocument(locale.value)

/** The current language, for requests that ask the server to answer in it. */
export const currentLocale = (): Locale => locale.value

/**
 * A `useI18n` for a feature with its own message tables (kept in the feature's lazy chunk);
 * its `t` also knows every shell message.
 */
export function defineMessages<K extends string>(tables?: MessageTables<K>) {
  return function useFeatureI18n() {
    // Reading locale.value inside t() makes every template that calls it re-render on a switch.
    const t = (key: K | MessageKey, params?: MessageParams): string =>
      translateIn(tables, locale.value, key, params)
    return { t, locale: readonly(locale), setLocale }
  }
}

/** The shell's messages only. */
export const useI18n = defineMessages<MessageKey>()
