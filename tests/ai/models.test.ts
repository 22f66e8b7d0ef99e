import { describe, expect, test } from 'bun:test'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  catalogueWarnings,
  familyOf,
  isRetired,
  KNOWN_MODELS,
  MODEL_ROLES,
  ROLES,
  rulesOf,
} from '../../server/ai/models'
import { loadConfig } from '../../server/config'
import { RETIRED_MODELS as SERVICE_RETIRED } from '../support/fake-gemini/catalogue'

/** Google's retired-model list (shared/reference/models.md), when this checkout has it beside it. */
function retiredIdsInReference(): string[] {
  const file = join(import.meta.dir, '../../../shared/reference/models.md')
  if (!existsSync(file)) return []
  const section = readFileSync(file, 'utf8').split('## Retired')[1]?.split('\n## ')[0] ?? ''
  return [...section.matchAll(/`([a-z0-9.-]+)`/g)]
    .map((m) => m[1] as string)
    .filter((id) => !id.includes('*'))
}

const defaults = MODEL_ROLES.map((role) => ROLES[role].defaultId)

describe('the model catalogue', () => {
  test('no default is a retired model (the server’s list)', () => {
    expect(defaults.filter(isRetired)).toEqual([])
  })

  test('no default is retired by the fake service’s own list', () => {
    const retired = (id: string) =>
      SERVICE_RETIRED.some((r) => (typeof r === 'string' ? r === id : r.test(id)))
    expect(defaults.filter(retired)).toEqual([])
  })

  test('no default is on the retired list of the reference document', () => {
    const listed = retiredIdsInReference().filter((id) => id !== 'gemini-2.5-flash-lite')
    expect(defaults.filter((id) => listed.includes(id))).toEqual([])
  })

  test('every default is in the catalogue, and only upscale defaults to a preview', () => {
    for (const id of defaults) expect(KNOWN_MODELS[id]).toBeDefined()
    const previews = MODEL_ROLES.filter(
      (role) => KNOWN_MODELS[ROLES[role].defaultId]?.status === 'preview'
    )
    expect(previews).toEqual(['upscale'])
  })

  test('every role has an overriding variable that config reads', () => {
    for (const role of MODEL_ROLES) {
      const variable = ROLES[role].env[0]
      expect(loadConfig({ [variable]: 'gemini-9.9-flash' }).ai.models[role]).toBe(
        'gemini-9.9-flash'
      )
    }
  })

  test('families: Gemini 3 allows Search with JSON and needs signatures; 2.5 does not', () => {
    expect(rulesOf('gemini-3.8-flash')).toMatchObject({
      searchWithJson: true,
      thoughtSignatures: true,
      thinking: 'level',
    })
    expect(rulesOf('gemini-2.5-flash-lite')).toMatchObject({
      searchWithJson: false,
      thinking: 'budget',
    })
    expect(rulesOf(ROLES.veo.defaultId).vertexLocation).toBe('regional')
    expect(rulesOf(ROLES.text.defaultId).vertexLocation).toBe('global')
  })

  test('an unknown id gets its family from its name', () => {
    expect(familyOf('gemini-4.0-flash')).toBe('gemini-3')
    expect(familyOf('gemini-4.0-flash-image')).toBe('gemini-3-image')
    expect(familyOf('gemini-omni-2.0-flash')).toBe('gemini-omni')
    expect(familyOf('veo-4.0-generate-001')).toBe('veo-3.1')
  })

  test('ids from the environment outside the catalogue, or retired, are reported once at start', () => {
    const ids = { ...loadConfig({}).ai.models, text: 'gemini-4.0-flash', writing: 'gemini-2.5-pro' }
    expect(catalogueWarnings(ids)).toEqual([
      'GEMINI_MODEL_TEXT=gemini-4.0-flash is not in the catalogue; using the gemini-3 family rules.',
      'GEMINI_MODEL_WRITING=gemini-2.5-pro names a model Google has retired; calls will fail.',
    ])
    expect(catalogueWarnings(loadConfig({}).ai.models)).toEqual([])
  })
})

describe('the documented defaults', () => {
  const envExample = readFileSync(join(import.meta.dir, '../../.env.example'), 'utf8')
  const readme = readFileSync(join(import.meta.dir, '../../README.md'), 'utf8')

  test('.env.example lists every role variable with its catalogue default', () => {
    for (const role of MODEL_ROLES) {
      expect(envExample).toContain(`# ${ROLES[role].env[0]}=${ROLES[role].defaultId}`)
    }
  })

  test('the README names every default id', () => {
    for (const id of defaults) expect(readme).toContain(`\`${id}\``)
  })
})
