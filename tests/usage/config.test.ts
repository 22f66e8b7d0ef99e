/**
 * The spend variables: budgets per day and month, per-workspace budgets, admin keys, prices;
 * a bad value stops the server with one message naming the variable, never its value.
 */
import { describe, expect, test } from 'bun:test'
import { ConfigError, loadConfig } from '../../server/config'
import { budgetOf } from '../../server/core/budgets'

const load = (env: Record<string, string>) => loadConfig({ NODE_ENV: 'test', ...env })

describe('budgets', () => {
  test('none by default: every workspace may spend without limit', () => {
    const config = load({})
    expect(budgetOf(config.spend.budgets, 'default')).toEqual({})
  })

  test('per day and month for every workspace, and a workspace’s own (null: no limit)', () => {
    const config = load({
      BUDGET_USD_PER_DAY: '25',
      BUDGET_USD_PER_MONTH: '400.50',
      WORKSPACE_BUDGETS: '{"acme":{"usdPerDay":5},"ops":{"usdPerDay":null,"usdPerMonth":null}}',
    })
    const { budgets } = config.spend
    expect(budgetOf(budgets, 'default')).toEqual({ usdPerDay: 25, usdPerMonth: 400.5 })
    expect(budgetOf(budgets, 'acme')).toEqual({ usdPerDay: 5, usdPerMonth: 400.5 })
    expect(budgetOf(budgets, 'ops')).toEqual({})
    expect(budgetOf(budgets, 'constructor')).toEqual({ usdPerDay: 25, usdPerMonth: 400.5 })
  })

  test.each([
    ['BUDGET_USD_PER_DAY', '-1', 'BUDGET_USD_PER_DAY must be an amount in US dollars'],
    ['BUDGET_USD_PER_MONTH', 'lots', 'BUDGET_USD_PER_MONTH must be an amount in US dollars'],
    ['WORKSPACE_BUDGETS', '{"acme":{"perDay":5}}', 'WORKSPACE_BUDGETS must be JSON such as'],
    ['WORKSPACE_BUDGETS', '{"Acme!":{"usdPerDay":5}}', 'WORKSPACE_BUDGETS must be JSON such as'],
    ['AI_PRICES', '{"gemini-3.8-flash":{"input":1}}', 'AI_PRICES must be JSON such as'],
  ])('%s=%s is refused, naming the variable', (name, value, message) => {
    expect(() => load({ [name]: value })).toThrow(ConfigError)
    expect(() => load({ [name]: value })).toThrow(message)
    try {
      load({ [name]: value })
    } catch (error) {
      expect(String(error)).not.toContain(value)
    }
  })
})

describe('admin keys', () => {
  test('+name:key is an admin key of its own workspace', () => {
    const { apiKeys } = load({ API_KEYS: 'acme:k1,+ops:k2,k3' })
    expect(apiKeys).toEqual([
      { workspace: 'acme', key: 'k1' },
      { workspace: 'ops', key: 'k2', admin: true },
      { workspace: 'default', key: 'k3' },
    ])
  })

  test('a + without a name is refused', () => {
    expect(() => load({ API_KEYS: '+:k1' })).toThrow('API_KEYS must be a comma-separated list')
  })
})
