/**
 * What the video composer keeps and checks before sending: input images of the types and
 * within the size the server takes (its own constants), and the draft restored from storage
 * field by field, so a tampered or old draft never reaches a request as it was stored.
 */
import { describe, expect, test } from 'bun:test'
import { asDraft } from '../../client/src/features/video/draft'
import {
  base64Of,
  fileProblem,
  INPUT_IMAGE_TYPES,
  MAX_IMAGE_BASE64,
  MAX_IMAGE_BYTES,
} from '../../client/src/features/video/input-images'
import * as server from '../../server/features/video/schemas'

describe('input images', () => {
  test('the client checks against the server’s types and base64 bound', () => {
    expect([...INPUT_IMAGE_TYPES]).toEqual([...server.INPUT_IMAGE_TYPES])
    expect(MAX_IMAGE_BASE64).toBe(server.MAX_IMAGE_BASE64)
  })

  test('a PNG, JPEG or WebP within the bound passes', () => {
    for (const type of INPUT_IMAGE_TYPES) {
      expect(fileProblem({ name: 'a', type, size: MAX_IMAGE_BYTES })).toBeUndefined()
    }
  })

  test('another type, or a file whose base64 would pass the bound, is refused by name', () => {
    expect(fileProblem({ name: 'logo.gif', type: 'image/gif', size: 10 })).toEqual({
      kind: 'badType',
      name: 'logo.gif',
    })
    expect(fileProblem({ name: 'big.png', type: 'image/png', size: MAX_IMAGE_BYTES + 1 })).toEqual({
      kind: 'tooLarge',
      name: 'big.png',
    })
    expect(Math.ceil((MAX_IMAGE_BYTES + 3) / 3) * 4).toBeGreaterThan(MAX_IMAGE_BASE64)
  })

  test('base64 of a blob is the bytes’ standard base64', async () => {
    const bytes = new Uint8Array(100_000).map((_, i) => i % 251)
    expect(await base64Of(new Blob([bytes]))).toBe(Buffer.from(bytes).toString('base64'))
  })
})

describe('the composer draft', () => {
  test('a stored draft comes back as it was saved', () => {
    const draft = {
      prompt: 'A lighthouse',
      negativePrompt: 'text',
      role: 'veo',
      chosen: { aspectRatio: '9:16', durationSeconds: 6, resolution: '1080p', audio: false },
    }
    expect(asDraft(JSON.parse(JSON.stringify(draft)))).toEqual(draft as never)
  })

  test('fields of the wrong kind are dropped, texts are bounded', () => {
    const draft = asDraft({
      prompt: 'x'.repeat(5000),
      negativePrompt: 7,
      chosen: { aspectRatio: '1:1', durationSeconds: 2.5, resolution: '8k', audio: 'yes' },
    })
    expect(draft.prompt).toHaveLength(4000)
    expect(draft.negativePrompt).toBe('')
    expect(draft.chosen).toEqual({})
    expect(draft.role).toBeUndefined()
  })

  test('nothing stored is an empty draft', () => {
    expect(asDraft(null)).toEqual({ prompt: '', negativePrompt: '', chosen: {} })
  })
})
