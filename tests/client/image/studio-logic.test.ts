/**
 * The image studio's small rules, checked against the server's own: uploads are refused before
 * sending when there are too many, when the bytes are not an image type the models read, or when
 * too large; downloads are named with the real type's extension; the model, ratio and size
 * offered come from the capabilities the server reports; the upscale factors offered are ones
 * the server accepts; the saved series document is valid for the library; operations run side by
 * side, keep their error with a retry, and leave nothing behind when aborted.
 */
import { describe, expect, test } from 'bun:test'
import * as v from 'valibot'
import { ApiError } from '../../../client/src/api/errors'
import { addImage } from '../../../client/src/features/image/canvas/items'
import {
  downloadName,
  extensionFor,
  mimeTypeOfId,
} from '../../../client/src/features/image/download'
import {
  keepSupported,
  offersSizes,
  sizesOf,
} from '../../../client/src/features/image/model-choice'
import { createOperations } from '../../../client/src/features/image/operations'
import {
  asExtras,
  newSeriesId,
  seriesTitle,
  toDocument,
} from '../../../client/src/features/image/series-document'
import {
  ACCEPTED_TYPES,
  checkUpload,
  MAX_INPUT_IMAGE_BYTES,
  MAX_INPUT_IMAGES,
  sniffType,
  toBase64,
} from '../../../client/src/features/image/uploads'
import { upscaledSize, upscaleFactors } from '../../../client/src/features/image/upscale-options'
import { imageCapabilities } from '../../../server/features/image/capabilities'
import { INPUT_IMAGE_TYPES } from '../../../server/features/image/schemas'
import { rerenderSize } from '../../../server/features/image/upscale'
import { DOCUMENT_ID, ImageSeriesDocument } from '../../../server/features/library/schemas'
import { testConfig } from '../../support/app'
import { jpeg, png } from '../../support/fake-site'

const head = (bytes: Uint8Array) => bytes.subarray(0, 16)
const WEBP = new Uint8Array([
  ...new TextEncoder().encode('RIFF'),
  0,
  0,
  0,
  0,
  ...new TextEncoder().encode('WEBPVP8 '),
])

describe('uploads', () => {
  test('the studio takes exactly the types and count the server takes', () => {
    expect([...ACCEPTED_TYPES].sort()).toEqual([...INPUT_IMAGE_TYPES].sort())
    expect(MAX_INPUT_IMAGES).toBe(3)
  })

  test('the type comes from the bytes, not the name', () => {
    expect(sniffType(head(png(2, 2, 's')))).toBe('image/png')
    expect(sniffType(head(jpeg('s')))).toBe('image/jpeg')
    expect(sniffType(WEBP)).toBe('image/webp')
    expect(sniffType(new TextEncoder().encode('GIF89a....'))).toBeUndefined()
    const check = checkUpload({ name: 'photo.png', size: 10 }, new TextEncoder().encode('hello'), 0)
    expect(check).toMatchObject({ ok: false, problem: 'type' })
  })

  test('a fourth image, an empty file or one over the limit is refused before sending', () => {
    const bytes = head(png(2, 2, 's'))
    expect(checkUpload({ name: 'a', size: 10 }, bytes, MAX_INPUT_IMAGES).problem).toBe('tooMany')
    expect(checkUpload({ name: 'a', size: 0 }, bytes, 0).problem).toBe('empty')
    expect(checkUpload({ name: 'a', size: MAX_INPUT_IMAGE_BYTES + 1 }, bytes, 0).problem).toBe(
      'size'
    )
    expect(checkUpload({ name: 'a', size: MAX_INPUT_IMAGE_BYTES }, bytes, 2)).toMatchObject({
      ok: true,
      mimeType: 'image/png',
    })
  })

  test('base64 of a large file matches the platform’s encoding', () => {
    const bytes = new Uint8Array(300_001).map((_, i) => (i * 7) % 256)
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'))
  })
})

describe('download names', () => {
  test('the extension is the real type’s: a PNG cut-out is never .jpg', () => {
    expect(extensionFor('image/png')).toBe('png')
    expect(extensionFor('image/jpeg')).toBe('jpg')
    expect(extensionFor('IMAGE/WEBP; q=1')).toBe('webp')
    expect(downloadName('Cut-out', mimeTypeOfId(`${'a'.repeat(64)}.png`))).toBe('cut-out.png')
  })

  test('the name keeps words in any script and drops the rest', () => {
    expect(downloadName('Warm café, at dawn!', 'image/jpeg')).toBe('warm-café-at-dawn.jpg')
    expect(downloadName('清晨的咖啡馆 海报', 'image/png')).toBe('清晨的咖啡馆-海报.png')
    expect(downloadName('***', 'image/webp')).toBe('image.webp')
  })

  test('the type of a stored media id comes from its extension', () => {
    expect(mimeTypeOfId(`${'b'.repeat(64)}.jpg`)).toBe('image/jpeg')
    expect(mimeTypeOfId('nothing')).toBe('application/octet-stream')
  })
})

const ids = testConfig({ geminiUrl: 'http://127.0.0.1:9' }).ai.models
const developer = imageCapabilities('developer', ids)
const vertex = imageCapabilities('vertex', ids)

describe('model, ratio and size from the capabilities', () => {
  test('a ratio or size the chosen model does not take is dropped', () => {
    const models = developer?.models
    const pro = models?.banana_pro
    const onlyFlash = models?.banana.ratios.find((r) => !pro?.ratios.includes(r))
    expect(onlyFlash).toBeDefined()
    const kept = keepSupported(
      { model: 'banana_pro', aspectRatio: onlyFlash, imageSize: '512' },
      models
    )
    expect(kept).toEqual({ model: 'banana_pro' })
    expect(
      keepSupported({ model: 'banana', aspectRatio: '16:9', imageSize: '2K' }, models)
    ).toEqual({
      model: 'banana',
      aspectRatio: '16:9',
      imageSize: '2K',
    })
  })

  test('sizes are offered only when the model has a choice of them', () => {
    expect(sizesOf(developer?.models, 'banana')).toEqual(developer?.models.banana.sizes ?? [])
    expect(offersSizes(developer?.models, 'banana')).toBe(true)
    expect(offersSizes(undefined, 'banana')).toBe(false)
  })
})

describe('upscale factors', () => {
  test('on the Developer API every factor offered for an image is one the server accepts', () => {
    const support = developer?.upscale
    expect(support?.method).toBe('rerender')
    if (support?.method !== 'rerender') return
    for (const longSide of [512, 640, 1024, 1365, 2048]) {
      for (const factor of upscaleFactors(support, longSide)) {
        expect(() => rerenderSize(support.sizes, longSide, factor)).not.toThrow()
      }
    }
    expect(upscaleFactors(support, 4096)).toEqual([])
  })

  test('on Vertex AI the Imagen upscaler’s factors are offered', () => {
    const support = vertex?.upscale
    expect(support?.method).toBe('imagen')
    expect(upscaleFactors(support, 640)).toEqual(
      support?.method === 'imagen' ? support.factors : []
    )
  })

  test('the new size is the old one times the factor', () => {
    expect(upscaledSize(640, 360, 2)).toEqual({ width: 1280, height: 720 })
    expect(upscaleFactors(undefined, 640)).toEqual([])
  })
})

describe('the saved series document', () => {
  const items = addImage([], {
    mediaId: `${'c'.repeat(64)}.png`,
    width: 10,
    height: 10,
    prompt: '  A red bicycle leaning on a white wall in the late afternoon sun  ',
  })

  test('it is valid for the library, with an id the library takes', () => {
    expect(v.safeParse(ImageSeriesDocument, toDocument('', items, 'Untitled')).success).toBe(true)
    expect(newSeriesId()).toMatch(DOCUMENT_ID)
  })

  test('without a title it is named from its first prompt, shortened; else the fallback', () => {
    const title = seriesTitle('', items, 'Untitled')
    expect(title.length).toBeLessThanOrEqual(60)
    expect(title).toStartWith('A red bicycle')
    expect(seriesTitle('  Mine ', items, 'Untitled')).toBe('Mine')
    expect(seriesTitle('', [], 'Untitled')).toBe('Untitled')
  })

  test('device extras of another shape read as empty', () => {
    expect(asExtras(undefined)).toEqual({ chat: [], staged: [] })
    expect(asExtras({ chat: 'x', staged: [1] })).toEqual({ chat: [], staged: [1] as never })
  })
})

describe('operations', () => {
  test('two run side by side; each is listed while it runs', async () => {
    const ops = createOperations()
    let release: () => void = () => undefined
    const slow = new Promise<string>((resolve) => {
      release = () => resolve('slow')
    })
    const a = ops.run('a', () => slow, { itemId: 'item-1' })
    const b = ops.run('b', async () => 'fast')
    expect(ops.running.value.map((o) => o.label)).toEqual(['a', 'b'])
    expect(ops.busyWith('item-1')).toBe(true)
    expect(await b).toBe('fast')
    release()
    expect(await a).toBe('slow')
    expect(ops.list.value).toEqual([])
  })

  test('a failure stays listed with its error; its retry runs it again in place', async () => {
    const ops = createOperations()
    let calls = 0
    const result = await ops.run('gen', async () => {
      calls++
      if (calls === 1) throw new ApiError(502, 'upstream_failed', 'x')
      return 'ok'
    })
    expect(result).toBeUndefined()
    const failed = ops.failed.value[0]
    expect(failed?.error?.status).toBe(502)
    failed?.retry?.()
    await Bun.sleep(0)
    expect(calls).toBe(2)
    expect(ops.list.value).toEqual([])
  })

  test('an aborted operation leaves no error behind', async () => {
    const ops = createOperations()
    const pending = ops.run(
      'gen',
      (signal) =>
        new Promise((_, reject) =>
          signal.addEventListener('abort', () => reject(new DOMException('stop', 'AbortError')))
        )
    )
    ops.abortAll()
    expect(await pending).toBeUndefined()
    expect(ops.list.value).toEqual([])
  })
})
