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
import {
  DEFAULT_LOCALE,
  initialLocale,
  LOCALES,
  messages,
  translate,
} from '../../client/src/i18n/translate'
import { zhCN } from '../../client/src/i18n/zh-CN'

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

  test('falls back to Chinese for nothing stored or an unknown value', () => {
    expect(initialLocale(null)).toBe('zh-CN')
    expect(initialLocale(undefined)).toBe('zh-CN')
    expect(initialLocale('fr')).toBe('zh-CN')
    expect(initialLocale('EN')).toBe('zh-CN')
  })
})
