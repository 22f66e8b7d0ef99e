/**
 * Every code the server can put in front of a person has words in both languages, the way
 * tests/ai/models.test.ts guards the model catalogue. The codes come from the server's own
 * tables: every module under server/ that calls `defineCodes(` is imported and its tables read,
 * so a new table or a new code is covered without touching this file. Error codes need a rule
 * (title, hint, retry) whose words exist; notices and reasons their own template; video job
 * failures a message in the video studio's tables; field rules their words; pre-flight checks
 * their label, finding and fix in both languages.
 */
import { describe, expect, test } from 'bun:test'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { usageMessages } from '../../client/src/features/usage/i18n'
import { videoMessages } from '../../client/src/features/video/i18n'
import { serverCodeMessages } from '../../client/src/i18n/server-codes'
import { ERROR_RULES } from '../../client/src/i18n/server-codes/rules'
import type { Locale } from '../../client/src/i18n/translate'
import type { CodeKind, CodeTable } from '../../server/core/codes'
import { messagesFor } from '../../server/features/seo/writing/preflight/messages'
import { ALL_CHECKS } from '../../server/features/seo/writing/preflight/score'

const SERVER = resolve(import.meta.dir, '../../server')
const LOCALES: Locale[] = ['zh-CN', 'en']

const isTable = (value: unknown): value is CodeTable<string> =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as CodeTable<string>).kind === 'string' &&
  typeof (value as CodeTable<string>).texts === 'object'

/** Every table any server module defines, found by its `defineCodes(` call. */
async function serverTables(): Promise<{ module: string; table: CodeTable<string> }[]> {
  const files = [...new Bun.Glob('**/*.ts').scanSync({ cwd: SERVER })].filter((file) => {
    if (file.endsWith('.d.ts') || file === 'core/codes.ts') return false
    return readFileSync(join(SERVER, file), 'utf8').includes('defineCodes(')
  })
  const found: { module: string; table: CodeTable<string> }[] = []
  for (const file of files) {
    const exports = (await import(join(SERVER, file))) as Record<string, unknown>
    for (const value of Object.values(exports))
      if (isTable(value)) found.push({ module: file, table: value })
  }
  return found
}

const tables = await serverTables()
const codesOf = (kind: CodeKind) =>
  tables.filter((t) => t.table.kind === kind).flatMap((t) => Object.keys(t.table.texts))

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string)
const words = (locale: Locale, key: string) =>
  (serverCodeMessages[locale] as Record<string, string>)[key]

describe('the server’s code tables', () => {
  test('are found where the server defines them', () => {
    const modules = tables.map((t) => t.module)
    expect(modules).toContain('core/error-codes.ts')
    expect(modules).toContain('core/safe-fetch/reasons.ts')
    expect(modules).toContain('features/brand/notices.ts')
    expect(modules).toContain('features/video/failures.ts')
    expect(modules).toContain('core/field-rules.ts')
    for (const kind of ['error', 'notice', 'reason', 'job-failure', 'field-rule'] as const)
      expect(codesOf(kind).length).toBeGreaterThan(0)
  })

  test('no code is defined twice within a kind (the UI keys them by code)', () => {
    for (const kind of ['error', 'notice', 'reason', 'job-failure', 'field-rule'] as const) {
      const codes = codesOf(kind)
      expect(codes.filter((c, i) => codes.indexOf(c) !== i)).toEqual([])
    }
  })
})

describe('every server code has words in both languages', () => {
  test('error codes: a rule, and its title and hint', () => {
    const missing: string[] = []
    for (const code of codesOf('error')) {
      const rule = ERROR_RULES[code as keyof typeof ERROR_RULES]
      if (!rule) missing.push(`${code}: no rule`)
      else
        for (const locale of LOCALES)
          for (const key of [`error.cause.${rule.cause}`, `error.why.${rule.hint}`])
            if (!words(locale, key)?.trim()) missing.push(`${code}: ${locale} ${key}`)
    }
    expect(missing).toEqual([])
  })

  test('notices, reasons and field rules: a template per language, with only the parameters the server gives', () => {
    const prefixes: Partial<Record<CodeKind, string>> = {
      notice: 'notice',
      reason: 'reason',
      'field-rule': 'field',
    }
    const missing: string[] = []
    for (const { table } of tables.filter((t) => prefixes[t.table.kind])) {
      const prefix = prefixes[table.kind] as string
      for (const [code, english] of Object.entries(table.texts)) {
        for (const locale of LOCALES) {
          const template = words(locale, `${prefix}.${code}`)
          if (!template?.trim()) missing.push(`${prefix}.${code} (${locale})`)
          else {
            const extra = placeholders(template).filter((p) => !placeholders(english).includes(p))
            if (extra.length) missing.push(`${prefix}.${code} (${locale}) uses ${extra.join(', ')}`)
          }
        }
      }
    }
    expect(missing).toEqual([])
  })

  test('video job failures: a message in the video studio', () => {
    const missing = codesOf('job-failure').flatMap((code) =>
      LOCALES.filter(
        (locale) =>
          !(videoMessages[locale] as Record<string, string>)[`video.failure.${code}`]?.trim()
      ).map((locale) => `${code} (${locale})`)
    )
    expect(missing).toEqual([])
  })

  test('released reservations: the usage page words each reason and each job failure', () => {
    const codes = [...codesOf('release'), ...codesOf('job-failure')]
    expect(codesOf('release').length).toBeGreaterThan(0)
    const missing = codes.flatMap((code) =>
      LOCALES.filter(
        (locale) =>
          !(usageMessages[locale] as Record<string, string>)[`usage.reason.${code}`]?.trim()
      ).map((locale) => `${code} (${locale})`)
    )
    expect(missing).toEqual([])
  })

  test('pre-flight checks: a label, a finding and a fix in both languages', () => {
    for (const locale of LOCALES) {
      const m = messagesFor(locale)
      for (const id of ALL_CHECKS) {
        const finding = { id, passed: false, facts: { keyword: 'k', list: ['x'], count: 1 } }
        expect(m.label[id]?.trim().length, `${locale} ${id}`).toBeGreaterThan(0)
        expect(m.detail(finding).trim().length, `${locale} ${id}`).toBeGreaterThan(0)
        expect(m.suggestion(finding).trim().length, `${locale} ${id}`).toBeGreaterThan(0)
      }
    }
  })

  test('the client has no words for codes the server no longer has', () => {
    const known = new Set([
      ...codesOf('notice').map((c) => `notice.${c}`),
      ...codesOf('reason').map((c) => `reason.${c}`),
      ...codesOf('field-rule').map((c) => `field.${c}`),
    ])
    const stale = Object.keys(serverCodeMessages.en).filter(
      (key) => /^(notice|reason|field)\./.test(key) && !known.has(key)
    )
    const errorCodes = new Set([
      ...codesOf('error'),
      'network',
      'bad_response',
      'stream_incomplete',
    ])
    const staleRules = Object.keys(ERROR_RULES).filter((code) => !errorCodes.has(code))
    expect([...stale, ...staleRules]).toEqual([])
  })

  test('the count of server codes worded in both languages', () => {
    const counts = {
      errors: codesOf('error').length,
      notices: codesOf('notice').length,
      reasons: codesOf('reason').length,
      videoFailures: codesOf('job-failure').length,
      fieldRules: codesOf('field-rule').length,
      preflightChecks: ALL_CHECKS.length,
    }
    const total = Object.values(counts).reduce((a, b) => a + b, 0)
    console.log(`server codes with messages in zh-CN and en: ${total}`, counts)
    expect(total).toBeGreaterThan(100)
  })
})
