/**
 * Notes from the server in the user's language: a coded note from the client's tables (its
 * reason too, region and language names through Intl), the English it came with for a code this
 * client does not know, and plain-text notes of documents saved before notes were coded.
 */
import { describe, expect, test } from 'bun:test'
import { noteText, reasonText } from '../../client/src/i18n/server-codes/notes'
import { brandNotice, httpStatusReason } from '../../server/features/brand/notices'

const CJK = /[\u3400-\u9fff]/g
const skipped = brandNotice(
  'page_skipped',
  { url: 'https://a.example/about' },
  httpStatusReason(404)
)

describe('noteText', () => {
  test('a coded note reads in Chinese, its reason included; only the URL stays as it is', () => {
    const text = noteText('zh-CN', skipped)
    expect(text).toBe('已跳过页面 https://a.example/about：网站返回 HTTP 404（页面不存在）。')
    const rest = text.replace('https://a.example/about', '').replace(/HTTP \d+/, '')
    expect(rest).not.toMatch(/[A-Za-z]{3,}/)
  })

  test('and in English, the same words the server sent', () => {
    expect(noteText('en', skipped)).toBe(skipped.message)
  })

  test('the region and language a project falls back on are named in the user’s language', () => {
    const region = brandNotice('region_not_declared', { region: 'United States', regionCode: 'US' })
    const language = brandNotice('language_not_declared', {
      language: 'English',
      languageCode: 'en',
    })
    expect(noteText('zh-CN', region)).toContain('“美国”')
    expect(noteText('zh-CN', language)).toContain('“英语”')
    expect(noteText('en', region)).toContain('United States')
  })

  test('a code this client does not know shows the server’s English', () => {
    expect(noteText('zh-CN', { code: 'from_a_newer_server', params: {}, message: 'New.' })).toBe(
      'New.'
    )
    const unknownReason = {
      code: 'page_skipped',
      params: { url: 'u', reason: 'new' },
      message: 'M',
    }
    expect(noteText('zh-CN', unknownReason)).toBe('M')
  })

  test('a plain-text note of an older saved document shows as it was saved', () => {
    expect(noteText('zh-CN', 'Skipped the page x: too large.')).toBe(
      'Skipped the page x: too large.'
    )
  })

  test('reasons are worded on their own too (the error card uses them)', () => {
    expect(reasonText('zh-CN', 'host_not_found')).toMatch(CJK)
    expect(reasonText('en', 'timed_out', { seconds: 5 })).toBe('no complete answer within 5 s')
    expect(reasonText('en', 'no_such_reason')).toBeUndefined()
  })
})
