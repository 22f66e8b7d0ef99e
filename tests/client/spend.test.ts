/**
 * The budget refusal as a person reads it (both languages, the period, what is left of what and
 * when it resets; no retry), and which API answers make the spend meter look again.
 */
import { describe, expect, test } from 'bun:test'
import { describeError } from '../../client/src/api/error-messages'
import { ApiError } from '../../client/src/api/errors'
import { noteApiAnswer, onSpendChange } from '../../client/src/api/spend-signal'
import { serverCodeMessages } from '../../client/src/i18n/server-codes'
import { fill, type Locale } from '../../client/src/i18n/translate'

const translate = (locale: Locale, key: string, params = {}) =>
  fill((serverCodeMessages[locale] as Record<string, string>)[key] ?? key, params)

const refused = (period: 'day' | 'month') =>
  new ApiError(402, 'budget_exceeded', 'budget', {
    details: {
      period,
      budgetUsd: 5,
      spentUsd: 4.9,
      reservedUsd: 0,
      remainingUsd: 0.1,
      requiredUsd: 0.8,
      resetsAt: '2026-12-11T00:00:00.000Z',
    },
  })

describe('a refused budget (402 budget_exceeded)', () => {
  test('says which budget, what is left of it and when it resets, in English', () => {
    const d = describeError(refused('day'), 'en')
    expect(d.title).toBe('error.cause.budget')
    expect(d.hint).toBe('error.why.budgetDay')
    expect(d.retryable).toBe(false)
    expect(d.showServerMessage).toBe(false)
    const text = translate('en', d.hint, d.params)
    expect(translate('en', d.title)).toBe('AI budget used up')
    expect(text).toContain('for today')
    expect(text).toContain('$0.10 left of $5.00')
    expect(text).toContain('nothing was sent')
    expect(text).toContain('2026')
    expect(text).not.toMatch(/\{\w+\}/)
  })

  test('and in Chinese, the month', () => {
    const d = describeError(refused('month'), 'zh-CN')
    expect(d.hint).toBe('error.why.budgetMonth')
    const text = translate('zh-CN', d.hint, d.params)
    expect(translate('zh-CN', d.title)).toBe('AI 预算不足')
    expect(text).toContain('本月')
    expect(text).toContain('US$5.00')
    expect(text).not.toMatch(/\{\w+\}/)
  })
})

describe('the spend signal', () => {
  test('studio answers signal; usage, saved work, capabilities and other sites do not', () => {
    let seen = 0
    const stop = onSpendChange(() => {
      seen += 1
    })
    for (const url of [
      'http://localhost/api/seo/generate-outline',
      '/api/video/jobs/v123',
      '/api/analyze',
    ])
      noteApiAnswer(url)
    expect(seen).toBe(3)
    for (const url of [
      '/api/usage',
      '/api/library/brand-profiles',
      '/api/capabilities',
      '/media/x',
      '',
    ])
      noteApiAnswer(url)
    expect(seen).toBe(3)
    stop()
    noteApiAnswer('/api/seo/diagnosis')
    expect(seen).toBe(3)
  })
})
