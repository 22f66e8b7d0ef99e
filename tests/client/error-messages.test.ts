/**
 * What a person is told about each kind of failed call: heading and explanation keys by status,
 * field names of a 400, the wait of a 429, and whether a retry is offered.
 */
import { describe, expect, test } from 'bun:test'
import { describeError, serverDetail } from '../../client/src/api/error-messages'
import { ApiError } from '../../client/src/api/errors'
import { translate } from '../../client/src/i18n/translate'

const error = (status: number, code: string, extra = {}) =>
  new ApiError(status, code, `server says ${code}`, extra)

describe('describeError', () => {
  test('a quota or rate limit (429) says to wait, with the seconds, and offers a retry', () => {
    const d = describeError(error(429, 'rate_limited', { retryAfterSeconds: 30 }))
    expect(d.title).toBe('error.status.429')
    expect(d.hint).toBe('error.hint.429')
    expect(d.retryable).toBe(true)
    expect(d.retryAfterSeconds).toBe(30)
    expect(translate('zh-CN', d.title)).toBe('请求过于频繁')
  })

  test('not configured (503) explains it and offers no retry', () => {
    const d = describeError(error(503, 'not_configured'))
    expect(d.title).toBe('error.status.503')
    expect(d.retryable).toBe(false)
  })

  test('invalid input (400) lists the fields and offers no retry', () => {
    const d = describeError(
      error(400, 'invalid_input', {
        details: { issues: [{ field: 'competitors.0.url', message: 'Is your own site' }] },
      })
    )
    expect(d.title).toBe('error.status.400')
    expect(d.fields).toEqual([{ field: 'competitors.0.url', message: 'Is your own site' }])
    expect(d.retryable).toBe(false)
  })

  test('upstream down (502), timeout (504), network (0) and a cut stream can be retried', () => {
    expect(describeError(error(502, 'upstream_error')).hint).toBe('error.hint.502')
    expect(describeError(error(504, 'upstream_timeout')).hint).toBe('error.hint.504')
    expect(describeError(error(0, 'network')).hint).toBe('error.hint.network')
    expect(describeError(error(502, 'stream_incomplete')).hint).toBe('error.hint.streamCut')
    for (const status of [502, 504, 0])
      expect(describeError(error(status, 'x')).retryable).toBe(true)
  })

  test('the server message is shown as detail, except for failures seen only here', () => {
    expect(serverDetail(error(503, 'not_configured'))).toBe('server says not_configured')
    expect(serverDetail(error(0, 'network'))).toBeUndefined()
    expect(serverDetail(error(502, 'bad_response'))).toBeUndefined()
  })
})

describe('the AI service failing, the server restarting', () => {
  test('an open circuit (503 upstream_unavailable) says Gemini is failing and offers a retry', () => {
    const d = describeError(error(503, 'upstream_unavailable', { retryAfterSeconds: 4 }))
    expect([d.title, d.hint, d.retryable, d.retryAfterSeconds]).toEqual([
      'error.aiFailing',
      'error.hint.aiFailing',
      true,
      4,
    ])
    expect(translate('en', d.title)).toBe('Gemini is failing right now')
    expect(translate('zh-CN', d.title)).toBe('Gemini 当前出现故障')
  })

  test('a stream ended by a restart (503 server_restarting) says so and offers a retry', () => {
    const d = describeError(error(503, 'server_restarting', { retryAfterSeconds: 1 }))
    expect([d.title, d.hint, d.retryable]).toEqual([
      'error.restarting',
      'error.hint.restarting',
      true,
    ])
    expect(translate('zh-CN', d.title)).toBe('服务器正在重启')
  })
})
