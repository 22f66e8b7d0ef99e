/**
 * What a person is told about each kind of failed call: the title names whose problem it is (the
 * input, the website, the AI service, storage), the hint what to do, a retry only where the same
 * request can succeed later, the fields of a 400, the website's reason, the wait of a 429.
 */
import { describe, expect, test } from 'bun:test'
import { describeError } from '../../client/src/api/error-messages'
import { ApiError } from '../../client/src/api/errors'
import { serverCodeMessages } from '../../client/src/i18n/server-codes'
import { reasonText } from '../../client/src/i18n/server-codes/notes'
import type { Locale } from '../../client/src/i18n/translate'
import { fill } from '../../client/src/i18n/translate'

const error = (status: number, code: string, extra = {}) =>
  new ApiError(status, code, `server says ${code}`, extra)

const words = (locale: Locale, key: string, params = {}) =>
  fill((serverCodeMessages[locale] as Record<string, string>)[key] ?? key, params)

describe('describeError', () => {
  test('a host name that does not resolve is a website problem with no retry, in both languages', () => {
    const d = describeError(
      error(502, 'site_dns_failed', {
        details: { reason: 'x', reasonCode: 'host_not_found', reasonParams: {} },
      })
    )
    expect(d.title).toBe('error.cause.site')
    expect(d.hint).toBe('error.why.siteDns')
    expect(d.retryable).toBe(false)
    expect(d.showServerMessage).toBe(false)
    expect(d.reason).toEqual({ code: 'host_not_found', params: {} })
    expect(words('en', d.title)).toBe('The website could not be read')
    expect(words('zh-CN', d.title)).toBe('无法读取该网站')
    expect(words('en', d.title)).not.toMatch(/AI/)
    expect(reasonText('zh-CN', 'host_not_found')).toBe('域名无法解析')
  })

  test('a site that is down for a moment or slow can be retried; a blocked or missing page cannot', () => {
    expect(describeError(error(502, 'site_unreachable')).retryable).toBe(true)
    expect(describeError(error(504, 'site_timeout')).retryable).toBe(true)
    for (const code of ['site_blocked', 'site_not_html', 'site_page_missing', 'site_tls_failed'])
      expect(describeError(error(502, code)).retryable).toBe(false)
  })

  test('AI not configured, refused and failed have titles of their own; only failed is retried', () => {
    const setup = describeError(error(503, 'not_configured'))
    const refused = describeError(error(502, 'ai_blocked'))
    const failed = describeError(error(502, 'upstream_error'))
    const timeout = describeError(error(504, 'upstream_timeout'))
    expect([setup.title, refused.title, failed.title, timeout.title]).toEqual([
      'error.cause.aiSetup',
      'error.cause.aiRefused',
      'error.cause.aiFailed',
      'error.cause.aiTimeout',
    ])
    expect([setup.retryable, refused.retryable, failed.retryable, timeout.retryable]).toEqual([
      false,
      false,
      true,
      true,
    ])
  })

  test('storage failures are storage, not the AI service', () => {
    expect(describeError(error(502, 'storage_error')).title).toBe('error.cause.storage')
    expect(describeError(error(503, 'storage_busy')).retryable).toBe(true)
  })

  test('invalid input (400) names the fields to fix and offers no retry', () => {
    const d = describeError(
      error(400, 'invalid_input', {
        details: { issues: [{ field: 'competitors.0.url', message: 'Is your own site' }] },
      })
    )
    expect(d.title).toBe('error.cause.input')
    expect(d.hint).toBe('error.why.fields')
    expect(d.fields).toEqual([{ field: 'competitors.0.url', message: 'Is your own site' }])
    expect(d.retryable).toBe(false)
  })

  test('a quota or rate limit (429) says to wait, with the seconds, and offers a retry', () => {
    const d = describeError(error(429, 'rate_limited', { retryAfterSeconds: 30 }))
    expect(d.title).toBe('error.cause.limit')
    expect(d.retryable).toBe(true)
    expect(d.retryAfterSeconds).toBe(30)
    expect(words('zh-CN', d.title)).toBe('请求过于频繁')
  })

  test('a 503 that asks to wait is worth a retry', () => {
    expect(describeError(error(503, 'storage_busy', { retryAfterSeconds: 1 })).retryable).toBe(true)
  })

  test('network (0) and a cut stream are retried; the server message stays out for known codes', () => {
    expect(describeError(error(0, 'network')).hint).toBe('error.why.network')
    expect(describeError(error(502, 'stream_incomplete')).hint).toBe('error.why.aiCut')
    expect(describeError(error(0, 'network')).showServerMessage).toBe(false)
    expect(describeError(error(502, 'bad_response')).showServerMessage).toBe(false)
  })

  test('a code this client does not know falls back on its status and shows the server words', () => {
    const d = describeError(error(502, 'brand_new_failure'))
    expect(d.title).toBe('error.cause.server')
    expect(d.retryable).toBe(true)
    expect(d.showServerMessage).toBe(true)
    expect(describeError(error(400, 'brand_new_input')).title).toBe('error.cause.input')
  })

  test('Search Console and WordPress failures name those services, never the AI; retry only where it helps', () => {
    const cases: [number, string, string, boolean][] = [
      [503, 'search_console_no_credentials', 'error.why.scCredentials', false],
      [503, 'search_console_api_disabled', 'error.why.scApiDisabled', false],
      [403, 'search_console_forbidden', 'error.why.scForbidden', false],
      [429, 'search_console_quota', 'error.why.scQuota', true],
      [502, 'search_console_unreachable', 'error.why.scFailed', true],
      [504, 'search_console_timeout', 'error.why.scFailed', true],
      [502, 'search_console_failed', 'error.why.scFailed', true],
      [400, 'wordpress_not_connected', 'error.why.wpNotConnected', false],
      [400, 'wordpress_credentials_unreadable', 'error.why.wpReconnect', false],
      [409, 'wordpress_already_published', 'error.why.wpPublished', false],
      [502, 'wordpress_not_found', 'error.why.wpNotFound', false],
      [401, 'wordpress_unauthorized', 'error.why.wpUnauthorized', false],
      [403, 'wordpress_forbidden', 'error.why.wpForbidden', false],
      [502, 'wordpress_failed', 'error.why.wpFailed', true],
    ]
    for (const [status, code, hint, retryable] of cases) {
      const d = describeError(error(status, code))
      const service = code.startsWith('search_console') ? 'searchConsole' : 'wordpress'
      expect([code, d.title, d.hint, d.retryable]).toEqual([
        code,
        `error.cause.${service}`,
        hint,
        retryable,
      ])
      for (const locale of ['en', 'zh-CN'] as const)
        expect(words(locale, d.title), `${code} ${locale}`).not.toMatch(/AI/)
    }
  })

  test('the property a Search Console refusal names reaches the hint, in both languages', () => {
    const property = 'sc-domain:example.test'
    const d = describeError(error(403, 'search_console_forbidden', { details: { property } }))
    expect(words('en', d.hint, d.params)).toContain(property)
    expect(words('zh-CN', d.hint, d.params)).toContain(property)
  })

  test('a missing SECRETS_KEY is a server setting, not the AI; a missing Gemini key is the AI', () => {
    const secrets = describeError(
      error(503, 'not_configured', { details: { variable: 'SECRETS_KEY' } })
    )
    expect([secrets.title, secrets.hint, secrets.retryable]).toEqual([
      'error.cause.setup',
      'error.why.setup',
      false,
    ])
    expect(words('en', secrets.hint, secrets.params)).toContain('SECRETS_KEY')
    expect(words('zh-CN', secrets.hint, secrets.params)).toContain('SECRETS_KEY')
    const gemini = describeError(
      error(503, 'not_configured', { details: { variable: 'GEMINI_API_KEY' } })
    )
    expect(gemini.title).toBe('error.cause.aiSetup')
  })
})

describe('the AI service failing, the server restarting', () => {
  test('an open circuit (503 upstream_unavailable) says Gemini is failing and offers a retry', () => {
    const d = describeError(error(503, 'upstream_unavailable', { retryAfterSeconds: 4 }))
    expect([d.title, d.hint, d.retryable, d.retryAfterSeconds]).toEqual([
      'error.cause.aiOutage',
      'error.why.aiOutage',
      true,
      4,
    ])
    expect(words('en', d.title)).toBe('Gemini is failing right now')
    expect(words('zh-CN', d.title)).toBe('Gemini 当前出现故障')
  })

  test('a stream ended by a restart (503 server_restarting) says so and offers a retry', () => {
    const d = describeError(error(503, 'server_restarting', { retryAfterSeconds: 1 }))
    expect([d.title, d.hint, d.retryable]).toEqual([
      'error.cause.restarting',
      'error.why.restarting',
      true,
    ])
    expect(words('zh-CN', d.title)).toBe('服务器正在重启')
  })
})
