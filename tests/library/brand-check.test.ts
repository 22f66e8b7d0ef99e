/**
 * Image-series items keep their brand check: saved and read back as sent, bounded and validated,
 * and documents saved before checks existed (or with a check missing its optional parts) load
 * with the defaults.
 */
import { describe, expect, test } from 'bun:test'
import { create, libraryApp, localStore } from './support'

const MEDIA = `${'c'.repeat(64)}.png`
const item = (extra: Record<string, unknown> = {}) => ({
  id: 'i-1',
  mediaId: MEDIA,
  x: 0,
  y: 0,
  width: 320,
  height: 240,
  createdAt: '2026-12-01T10:00:00.000Z',
  ...extra,
})

const check = {
  profileId: 'northwind',
  profileName: 'Northwind Coffee',
  profileVersion: '0123456789abcdef',
  score: 42.5,
  partial: false,
  parts: [{ part: 'paletteCoverage', weight: 25, value: 0.2, points: 5 }],
  issues: [
    {
      code: 'off_palette_color',
      params: { hex: '#dc1e28', percent: 20.5, deltaE: 44.1, nearest: '#f2c14e', role: 'accent' },
      fix: 'Replace #dc1e28 with the brand colour #f2c14e (accent).',
    },
  ],
  checkedAt: '2026-12-01T10:01:00.000Z',
}

describe('image-series items and their brand check', () => {
  test('a check is saved with its item and read back as sent', async () => {
    const { app } = libraryApp(localStore())
    const res = await create(app, 'image-series/s-1', {
      title: 'S',
      items: [item({ brandCheck: check })],
    })
    expect(res.status).toBe(201)
    const read = await (await app.request('/api/library/image-series/s-1')).json()
    expect(read.document.items[0].brandCheck).toEqual(check)
    const exported = await (await app.request('/api/library/image-series/s-1/export')).json()
    expect(exported.document.items[0].brandCheck.score).toBe(42.5)
  })

  test('an old item without a check, and a check without its optional parts, load with defaults', async () => {
    const { app } = libraryApp(localStore())
    const minimal = { profileVersion: '0123456789abcdef', score: null, checkedAt: check.checkedAt }
    const res = await create(app, 'image-series/s-2', {
      title: 'S',
      items: [item(), item({ id: 'i-2', brandCheck: minimal })],
    })
    expect(res.status).toBe(201)
    const { document } = await res.json()
    expect(document.items[0].brandCheck).toBeUndefined()
    expect(document.items[1].brandCheck).toEqual({
      ...minimal,
      profileName: '',
      partial: false,
      parts: [],
      issues: [],
    })
  })

  test('a malformed check is refused naming the field', async () => {
    const { app } = libraryApp(localStore())
    const res = await create(app, 'image-series/s-3', {
      title: 'S',
      items: [item({ brandCheck: { ...check, profileVersion: 'not-hex', score: 140 } })],
    })
    expect(res.status).toBe(400)
    const fields = (await res.json()).error.details.issues.map((i: any) => i.field)
    expect(fields).toEqual(
      expect.arrayContaining(['items.0.brandCheck.profileVersion', 'items.0.brandCheck.score'])
    )
  })
})
