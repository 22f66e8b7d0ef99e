/**
 * `API_KEYS` with workspaces: `name:key` entries name the key's workspace, bare keys and no keys
 * at all mean the default one; the middleware gives each request its key's workspace.
 */
import { describe, expect, test } from 'bun:test'
import { Hono } from 'hono'
import { ConfigError, DEFAULT_WORKSPACE, loadConfig } from '../../server/config'
import { requireApiKey } from '../../server/core/auth'
import type { AppEnv } from '../../server/core/context'
import { onError } from '../../server/core/error-handler'
import { silentLogger } from '../../server/core/logger'
import { runFresh } from '../support/fresh-process'

const configError = (API_KEYS: string) => {
  try {
    loadConfig({ API_KEYS })
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    return (error as Error).message
  }
  throw new Error('expected loadConfig to fail')
}

describe('API_KEYS parsing', () => {
  test('named entries carry their workspace; bare keys belong to the default workspace', () => {
    expect(loadConfig({ API_KEYS: 'acme:key-a, key-b ,beta-2:key:with:colons' }).apiKeys).toEqual([
      { workspace: 'acme', key: 'key-a' },
      { workspace: DEFAULT_WORKSPACE, key: 'key-b' },
      { workspace: 'beta-2', key: 'key:with:colons' },
    ])
  })

  test.each([
    ['a name with capitals', 'Acme:secret-value-1'],
    ['a name that is too long', `${'a'.repeat(33)}:secret-value-1`],
    ['an empty key', 'acme:'],
    ['an empty name', ':secret-value-1'],
  ])('%s stops start-up without echoing the key', (_, value) => {
    const message = configError(value)
    expect(message).toContain('API_KEYS')
    expect(message).not.toContain('secret-value-1')
  })

  test('one key listed twice (even under two names) stops start-up', () => {
    expect(configError('a:secret-value-1,b:secret-value-1')).toContain('API_KEYS')
  })

  test('the app logger masks every key, named or not, on the real stdout', async () => {
    const line = await runFresh<{ message: string }>(`
      const { loadConfig } = await import(process.env.ROOT + '/server/config.ts')
      const { createDeps } = await import(process.env.ROOT + '/server/deps.ts')
      const config = loadConfig({ API_KEYS: 'acme:named-key-123,bare-key-456', LOG_FORMAT: 'json' })
      const log = createDeps(config).log
      log.info('keys named-key-123 and bare-key-456')
      await log.flush()
    `)
    expect(line.message).toBe('keys [redacted] and [redacted]')
  })
})

describe('the workspace of a request', () => {
  const appWith = (keys: Parameters<typeof requireApiKey>[0]) => {
    const app = new Hono<AppEnv>()
    app.onError(onError(silentLogger))
    app.use('*', requireApiKey(keys))
    app.get('/whoami', (c) => c.text(c.get('workspace')))
    return app
  }
  const whoami = async (app: Hono<AppEnv>, key?: string) => {
    const res = await app.request('/whoami', key ? { headers: { 'X-Api-Key': key } } : {})
    return res.status === 200 ? await res.text() : res.status
  }

  test('without keys every request is in the default workspace', async () => {
    expect(await whoami(appWith([]))).toBe(DEFAULT_WORKSPACE)
  })

  test('each key gives its own workspace; a wrong key is 401', async () => {
    const app = appWith(
      loadConfig({ API_KEYS: 'acme:key-acme-1,beta:key-beta-1,key-shared-1' }).apiKeys
    )
    expect(await whoami(app, 'key-acme-1')).toBe('acme')
    expect(await whoami(app, 'key-beta-1')).toBe('beta')
    expect(await whoami(app, 'key-shared-1')).toBe(DEFAULT_WORKSPACE)
    expect(await whoami(app, 'key-acme-')).toBe(401)
    expect(await whoami(app)).toBe(401)
  })

  test('behind Cloud Run IAM: X-Api-Key is read even when Authorization carries an identity token', async () => {
    const app = appWith(loadConfig({ API_KEYS: 'acme:key-acme-1' }).apiKeys)
    const call = async (headers: Record<string, string>) => {
      const res = await app.request('/whoami', { headers })
      return res.ok ? res.text() : res.status
    }
    const identity = { Authorization: 'Bearer eyJhbGciOiJSUzI1NiJ9.identity.token' }
    expect(await call({ ...identity, 'X-Api-Key': 'key-acme-1' })).toBe('acme')
    expect(await call(identity)).toBe(401)
    expect(await call({ Authorization: 'Bearer key-acme-1' })).toBe('acme')
  })
})
