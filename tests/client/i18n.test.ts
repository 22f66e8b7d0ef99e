/**
 * The client's message tables and translation: both languages carry the same keys, placeholders
 * are filled, the stored choice wins only when it is a language we have.
 */
import { describe, expect, test } from 'bun:test'
import { brandMessages } from '../../client/src/features/brand/i18n'
import { guardMessages } from '../../client/src/features/brand-guard/i18n'
import { imageMessages } from '../../client/src/features/image/i18n'
import { savedMessages } from '../../client/src/features/saved/i18n'
import { seoMessages } from '../../client/src/features/seo/i18n'
import { en } from '../../client/src/i18n/en'
import { serverCodeMessages } from '../../client/src/i18n/server-codes'
import {
  DEFAULT_LOCALE,
  initialLocale,
  LOCALES,
  messages,
  translate,
} from '../../client/src/i18n/translate'
import { zhCN } from '../../client/src/i18n/zh-CN'
import { acceptedLanguages, preferredUiLanguage } from '../../server/core/preferred-language'

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe('message tables', () => {
  test('English has exactly the keys of Simplified Chinese', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort())
  })

  for (const [name, tables] of [
    ['SEO workspace', seoMessages],
    ['brand editor', brandMessages],
    ['saved work', savedMessages],
    ['image studio', imageMessages],
    ['brand check', guardMessages],
    ['server codes', serverCodeMessages],
  ] as const) {
    test(`the ${name} tables have the same keys and placeholders in both languages`, () => {
      const zh = tables['zh-CN'] as Record<string, string>
      const english = tables.en as Record<string, string>
      expect(Object.keys(english).sort()).toEqual(Object.keys(zh).sort())
      for (const key of Object.keys(zh)) {
        expect(english[key]?.trim().length, key).toBeGreaterThan(0)
        expect(placeholders(english[key] ?? ''), key).toEqual(placeholders(zh[key] ?? ''))
      }
    })
  }

  test('every message is filled in and uses the same placeholders in both languages', () => {
    for (const key of Object.keys(zhCN) as (keyof typeof zhCN)[]) {
      expect(en[key].trim().length, key).toBeGreaterThan(0)
      expect(zhCN[key].trim().length, key).toBeGreaterThan(0)
      expect(placeholders(en[key]), key).toEqual(placeholders(zhCN[key]))
    }
  })

  test('the switch offers both languages, Chinese first as the default', () => {
    expect(LOCALES.map((l) => l.code)).toEqual(['zh-CN', 'en'])
    expect(DEFAULT_LOCALE).toBe('zh-CN')
    expect(Object.keys(messages).sort()).toEqual(['en', 'zh-CN'])
  })

  test('no message names a server secret variable', () => {
    const all = [...Object.values(zhCN), ...Object.values(en)].join('\n')
    expect(all).not.toMatch(/_API_KEY|x-goog/i)
  })
})

describe('translate', () => {
  test('looks the key up in the chosen language', () => {
    expect(translate('en', 'nav.seo')).toBe('SEO content')
    expect(translate('zh-CN', 'nav.seo')).toBe('SEO 内容')
  })

  test('fills named placeholders and leaves unknown ones visible', () => {
    expect(translate('en', 'error.requestId', { id: 'req-42' })).toBe('Request ID: req-42')
    expect(translate('zh-CN', 'error.retryAfter', { seconds: 30 })).toBe('请在 30 秒后重试。')
    expect(translate('en', 'error.requestId', {})).toBe('Request ID: {id}')
  })

  test('a value containing braces is inserted literally, not re-expanded', () => {
    expect(translate('en', 'image.current', { prompt: 'a {id} bike' })).toBe(
      'Current description: a {id} bike'
    )
  })
})

describe('initialLocale', () => {
  test('uses a stored language we have', () => {
    expect(initialLocale('en')).toBe('en')
    expect(initialLocale('zh-CN')).toBe('zh-CN')
  })

  test('a first visit follows the browser: any Chinese gives zh-CN, other languages English', () => {
    expect(initialLocale(null, ['en-US', 'en'])).toBe('en')
    expect(initialLocale(null, ['fr-FR', 'de'])).toBe('en')
    expect(initialLocale(null, ['zh-CN', 'zh'])).toBe('zh-CN')
    expect(initialLocale(null, ['en-US', 'zh-TW'])).toBe('zh-CN')
    expect(initialLocale(undefined, ['ZH-hk'])).toBe('zh-CN')
    expect(initialLocale('fr', ['en-GB'])).toBe('en')
  })

  test('the stored choice wins over the browser', () => {
    expect(initialLocale('zh-CN', ['en-US'])).toBe('zh-CN')
    expect(initialLocale('en', ['zh-CN'])).toBe('en')
  })

  test('falls back to Chinese when neither a choice nor the browser says anything', () => {
    expect(initialLocale(null)).toBe('zh-CN')
    expect(initialLocale(undefined, [])).toBe('zh-CN')
    expect(initialLocale('EN')).toBe('zh-CN')
  })
})

describe('Accept-Language, read the same way on the server', () => {
  test('tags in order, those refused with q=0 left out', () => {
    expect(acceptedLanguages('en-US,en;q=0.9,zh-CN;q=0.8')).toEqual(['en-US', 'en', 'zh-CN'])
    expect(acceptedLanguages('zh-CN;q=0, en')).toEqual(['en'])
    expect(acceptedLanguages('')).toEqual([])
    expect(acceptedLanguages(undefined)).toEqual([])
  })

  test('gives the same language as the browser list', () => {
    expect(preferredUiLanguage(acceptedLanguages('en-US,en;q=0.9'))).toBe('en')
    expect(preferredUiLanguage(acceptedLanguages('zh-CN,zh;q=0.9,en;q=0.8'))).toBe('zh-CN')
    expect(preferredUiLanguage(acceptedLanguages('*'))).toBeUndefined()
  })
})
