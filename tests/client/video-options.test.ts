/**
 * The video composer's rules, against the models the server really lists: the mode follows
 * the inputs, only models offering that mode (and that source) are offered, and each selector
 * offers what the model takes in that mode, with choices it does not take moved onto ones it does.
 */
import { describe, expect, test } from 'bun:test'
import {
  defaultSelection,
  type ModelInfo,
  modelsFor,
  optionsFor,
  resolveMode,
  settle,
  whyUnavailable,
} from '../../client/src/features/video/options'
import { loadConfig } from '../../server/config'
import { videoCapabilities } from '../../server/features/video/capabilities'

const ids = loadConfig({ NODE_ENV: 'test' }).ai.models
const vertex = videoCapabilities('vertex', ids)
const developer = videoCapabilities('developer', ids)
const model = (role: string): ModelInfo => {
  const found = vertex?.models.find((m) => m.role === role)
  if (!found) throw new Error(`no ${role} model`)
  return found
}
const veo = model('veo')
const omni = model('video')
const none = { firstFrame: false, lastFrame: false, referenceImages: 0 }
const source = (api: string, resolution = '720p') =>
  ({
    id: 'vsource',
    api,
    params: { aspectRatio: '9:16', durationSeconds: 6, resolution, audio: true },
  }) as never

describe('the mode follows what is given', () => {
  test('a prompt only is text, a first frame is image, both frames are firstLast', () => {
    expect(resolveMode(none)).toBe('text')
    expect(resolveMode({ ...none, firstFrame: true })).toBe('image')
    expect(resolveMode({ ...none, firstFrame: true, lastFrame: true })).toBe('firstLast')
  })

  test('a last frame without a first frame makes no frame mode', () => {
    expect(resolveMode({ ...none, lastFrame: true })).toBe('text')
  })

  test('reference images make reference mode; a source video makes extend, or edit when asked', () => {
    expect(resolveMode({ ...none, referenceImages: 2 })).toBe('reference')
    expect(resolveMode({ ...none, source: source('interactions') })).toBe('extend')
    expect(resolveMode({ ...none, source: source('interactions'), edit: true })).toBe('edit')
  })
})

describe('which models can make the job', () => {
  test('the Developer API lists only Gemini Omni, which offers every mode', () => {
    expect(developer?.models.map((m) => m.role)).toEqual(['video'])
  })

  test('editing is offered by Omni and not by Veo', () => {
    expect(modelsFor(vertex?.models ?? [], 'edit', none).map((m) => m.role)).toEqual(['video'])
    expect(whyUnavailable(veo, 'edit', none)).toBe('mode')
  })

  test('a video extends only with a model of the API that made it', () => {
    const omniVideo = { ...none, source: source('interactions') }
    expect(modelsFor(vertex?.models ?? [], 'extend', omniVideo).map((m) => m.role)).toEqual([
      'video',
    ])
    expect(whyUnavailable(veo, 'extend', omniVideo)).toBe('sourceFamily')
  })

  test('Veo extends only a video of the resolution its extension takes', () => {
    const hd = { ...none, source: source('predictLongRunning', '1080p') }
    expect(whyUnavailable(veo, 'extend', hd)).toBe('sourceResolution')
    expect(whyUnavailable(veo, 'extend', { ...hd, source: source('predictLongRunning') })).toBe(
      undefined
    )
  })

  test('more reference images than a model takes rule it out', () => {
    const many = { ...none, referenceImages: veo.maxReferenceImages + 1 }
    expect(whyUnavailable(veo, 'reference', many)).toBe('tooManyReferences')
  })
})

describe('the options of a model in a mode', () => {
  test('the selectors offer the model’s own lists', () => {
    const options = optionsFor(veo, 'text')
    expect(options.durations).toEqual(veo.durations)
    expect(options.ratios).toEqual(veo.ratios)
    expect(options.resolutions).toEqual(veo.resolutions)
    expect(options.audioSwitch).toBe(true)
    expect(options.negativePrompt).toBe(true)
  })

  test('a mode’s tighter limits replace the model’s lists (Veo reference images)', () => {
    const limits = veo.modeLimits.reference
    expect(limits).toBeDefined()
    const options = optionsFor(veo, 'reference')
    expect(options.durations).toEqual(limits?.durations ?? [])
    expect(options.ratios).toEqual(limits?.ratios ?? [])
  })

  test('a model that always makes sound offers no sound switch; Omni offers a negative prompt', () => {
    expect(omni.audio).toBe('always')
    const options = optionsFor(omni, 'text')
    expect(options.audioSwitch).toBe(false)
    expect(options.negativePrompt).toBe(true)
  })

  test('extend and edit keep the source’s ratio, an edit its length', () => {
    expect(optionsFor(omni, 'extend', source('interactions')).fixedRatio).toBe('9:16')
    expect(optionsFor(omni, 'extend', source('interactions')).fixedDuration).toBeUndefined()
    expect(optionsFor(omni, 'edit', source('interactions')).fixedDuration).toBe(6)
  })
})

describe('settling the selection', () => {
  test('a duration the mode does not take moves to the model’s default or the longest', () => {
    const chosen = { ...defaultSelection(veo), durationSeconds: 4, aspectRatio: '9:16' as const }
    const settled = settle(chosen, veo, optionsFor(veo, 'reference'))
    expect(veo.modeLimits.reference?.durations).toContain(settled.durationSeconds)
    expect(veo.modeLimits.reference?.ratios).toContain(settled.aspectRatio)
  })

  test('a value the model takes is kept', () => {
    const chosen = { ...defaultSelection(veo), durationSeconds: 4 }
    expect(settle(chosen, veo, optionsFor(veo, 'text')).durationSeconds).toBe(4)
  })

  test('a resolution another model offered falls back to this model’s default', () => {
    const chosen = { ...defaultSelection(omni), resolution: '4k' as const }
    expect(settle(chosen, veo, optionsFor(veo, 'text')).resolution).toBe(veo.defaults.resolution)
  })

  test('sound stays on where the model cannot switch it off', () => {
    const chosen = { ...defaultSelection(omni), audio: false }
    expect(settle(chosen, omni, optionsFor(omni, 'text')).audio).toBe(true)
    expect(settle(chosen, veo, optionsFor(veo, 'text')).audio).toBe(false)
  })

  test('extend takes the source’s ratio whatever was chosen', () => {
    const chosen = { ...defaultSelection(omni), aspectRatio: '16:9' as const }
    const options = optionsFor(omni, 'extend', source('interactions'))
    expect(settle(chosen, omni, options).aspectRatio).toBe('9:16')
  })
})
