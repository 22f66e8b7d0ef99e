/**
 * Credentials at rest: AES-GCM under SECRETS_KEY. What is sealed opens with the same key and
 * context only; the sealed form carries no plain text; a key of the wrong size is refused at
 * start; secrets learnt at run time are masked in every logger of the family.
 */
import { describe, expect, test } from 'bun:test'
import { loadConfig } from '../../server/config'
import { createLogger } from '../../server/core/logger'
import { createSecretBox } from '../../server/core/secrets'

const key = (n: number) => Buffer.alloc(32, n).toString('base64')

describe('the secret box', () => {
  test('opens what it sealed, with the same context only', async () => {
    const box = createSecretBox(key(1))
    const sealed = await box.seal('abcd efgh ijkl mnop', 'wordpress:acme')
    expect(JSON.stringify(sealed)).not.toContain('abcd')
    expect(await box.open(sealed, 'wordpress:acme')).toBe('abcd efgh ijkl mnop')
    await expect(box.open(sealed, 'wordpress:other')).rejects.toThrow()
    await expect(createSecretBox(key(2)).open(sealed, 'wordpress:acme')).rejects.toThrow()
    const again = await box.seal('abcd efgh ijkl mnop', 'wordpress:acme')
    expect(again.iv).not.toBe(sealed.iv)
  })

  test('SECRETS_KEY must be 32 bytes in base64, and is never echoed', () => {
    expect(loadConfig({ SECRETS_KEY: key(3) }).secretsKey).toBe(key(3))
    const short = Buffer.alloc(16, 1).toString('base64')
    expect(() => loadConfig({ SECRETS_KEY: short })).toThrow(/SECRETS_KEY must be 32 random bytes/)
    try {
      loadConfig({ SECRETS_KEY: short })
    } catch (error) {
      expect(String(error)).not.toContain(short)
    }
  })
})

describe('secrets learnt at run time', () => {
  test('are masked in the logger that learnt them and in its family', () => {
    const lines: string[] = []
    const root = createLogger({ write: (l) => lines.push(l) })
    const child = root.child({ requestId: 'r1' })
    child.redact('app-password-123')
    root.info('sending app-password-123')
    child.warn('failed', { header: 'Basic app-password-123' })
    expect(lines.join('\n')).not.toContain('app-password-123')
    expect(lines.join('\n')).toContain('[redacted]')
  })
})
