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
import { LIVE_MODELS, RETIRED_MODELS as SERVICE_RETIRED } from '../support/fake-gemini/catalogue'

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

  test('the catalogue’s thinking levels are the ones the service takes (the fake’s)', () => {
    const disagree = Object.entries(LIVE_MODELS).flatMap(([id, served]) => {
      const ours = [...(KNOWN_MODELS[id]?.thinkingLevels ?? [])].sort()
      const theirs = [...(served.levels ?? [])].sort()
      return Bun.deepEquals(ours, theirs) ? [] : [`${id}: ours ${ours}, the service's ${theirs}`]
    })
    expect(disagree).toEqual([])
  })

  test('3.7 and 3.8 Flash refuse minimal; Flash-Lite takes all four; Flash Image two', () => {
    const levels = (id: string) => KNOWN_MODELS[id]?.thinkingLevels
    expect(levels('gemini-3.8-flash')).toEqual(['low', 'medium', 'high'])
    expect(levels('gemini-3.7-flash')).toEqual(['low', 'medium', 'high'])
    expect(levels('gemini-3.5-flash-lite')).toEqual(['minimal', 'low', 'medium', 'high'])
    expect(levels('gemini-3.1-flash-lite')).toEqual(['minimal', 'low', 'medium', 'high'])
    expect(levels('gemini-3.1-flash-image')).toEqual(['minimal', 'high'])
    expect(levels('gemini-3.1-flash-lite-image')).toEqual(['minimal', 'high'])
    expect(levels('gemini-3.1-pro-preview')).toEqual(['low', 'medium', 'high'])
  })

  test('candidates: each role’s default among them, none retired or deprecated, previews last', () => {
    for (const role of MODEL_ROLES) {
      const { candidates, defaultId } = ROLES[role]
      expect(candidates).toContain(defaultId)
      for (const id of candidates) {
        expect(isRetired(id)).toBe(false)
        expect(KNOWN_MODELS[id]?.status).toBeOneOf(['ga', 'preview'])
        expect(rulesOf(id).api).toBe(rulesOf(defaultId).api)
      }
      const stages = candidates.map((id) => KNOWN_MODELS[id]?.status)
      const firstPreview = stages.indexOf('preview')
      if (firstPreview >= 0)
        expect(stages.slice(firstPreview).every((s) => s === 'preview')).toBe(true)
    }
  })

  test('3.7 and 3.5 Flash are deprecated: no default, no candidate, a warning when set', () => {
    expect(KNOWN_MODELS['gemini-3.7-flash']).toMatchObject({
      status: 'deprecated',
      replacedBy: 'gemini-3.8-flash',
    })
    expect(KNOWN_MODELS['gemini-3.5-flash']).toMatchObject({
      status: 'deprecated',
      replacedBy: 'gemini-3.6-flash',
    })
    const offered = MODEL_ROLES.flatMap((role) => ROLES[role].candidates)
    expect(offered).not.toContain('gemini-3.7-flash')
    expect(offered).not.toContain('gemini-3.5-flash')
    expect(catalogueWarnings({ ...loadConfig({}).ai.models, text: 'gemini-3.7-flash' })).toEqual([
      'GEMINI_MODEL_TEXT=gemini-3.7-flash is deprecated; Google answers it with gemini-3.8-flash.',
    ])
  })

  test('Gemini Omni 1.2 is offered within 1.1’s limits until Google’s pages confirm wider ones', () => {
    expect(KNOWN_MODELS['gemini-omni-1.2-flash']?.video?.durations).toEqual(
      KNOWN_MODELS['gemini-omni-1.1-flash']?.video?.durations
    )
    expect(KNOWN_MODELS['gemini-omni-1.2-flash']?.video?.maxReferenceImages).toBe(3)
  })

  test('every role has an overriding variable that config reads', () => {
    for (const role of MODEL_ROLES) {
      const variable = ROLES[role].env[0]
      const config = loadConfig({ [variable]: 'gemini-9.9-flash' })
      expect(config.ai.models[role]).toBe('gemini-9.9-flash')
      expect(config.ai.explicitModels).toEqual([role])
    }
    expect(loadConfig({}).ai.explicitModels).toEqual([])
    expect(loadConfig({}).ai.substituteExplicitModels).toBe(false)
    expect(loadConfig({ GEMINI_MODEL_SUBSTITUTE: 'true' }).ai.substituteExplicitModels).toBe(true)
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
