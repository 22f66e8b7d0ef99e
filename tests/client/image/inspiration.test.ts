/**
 * The launch page's inspiration gallery: every workflow has cards, each request is written in
 * both languages and each thumbnail prompt fits the server's limit; thumbnails are asked for
 * once per card, at most two at a time, and a card whose thumbnail fails keeps its placeholder.
 */
import { describe, expect, test } from 'bun:test'
import { launchMessages } from '../../../client/src/features/launch/i18n'
import {
  CATEGORIES,
  cardsIn,
  INSPIRATION_CARDS,
  THUMBNAIL_RATIO,
} from '../../../client/src/features/launch/inspiration-cards'
import { createThumbnails } from '../../../client/src/features/launch/thumbnails'
import { IMAGE_RATIOS } from '../../../server/ai/models'

describe('cards', () => {
  test('each workflow has cards, and "all" shows every one', () => {
    for (const category of CATEGORIES.filter((c) => c !== 'all')) {
      expect(cardsIn(category).length).toBeGreaterThan(0)
    }
    expect(cardsIn('all')).toHaveLength(INSPIRATION_CARDS.length)
  })

  test('every request is in both languages; ids are unique; thumbnails fit the server', () => {
    expect(new Set(INSPIRATION_CARDS.map((c) => c.id)).size).toBe(INSPIRATION_CARDS.length)
    for (const card of INSPIRATION_CARDS) {
      expect(card.request.en.trim()).not.toBe('')
      expect(card.request['zh-CN']).toMatch(/[\u3400-\u9fff]/)
      expect(card.thumbnail.length).toBeLessThanOrEqual(1_000)
    }
    expect(IMAGE_RATIOS as readonly string[]).toContain(THUMBNAIL_RATIO)
  })

  test('the gallery messages have the same keys and placeholders in both languages', () => {
    expect(Object.keys(launchMessages.en).sort()).toEqual(
      Object.keys(launchMessages['zh-CN']).sort()
    )
  })
})

describe('thumbnails', () => {
  const image = (id: string) => ({ image: { id, url: `/media/${id}`, mimeType: 'image/png' } })

  test('each card is asked for once, at most two at a time', async () => {
    let inFlight = 0
    let most = 0
    const asked: string[] = []
    const thumbnails = createThumbnails(async (prompt) => {
      asked.push(prompt)
      most = Math.max(most, ++inFlight)
      await Bun.sleep(5)
      inFlight--
      return image(prompt) as never
    })
    for (const id of ['a', 'b', 'c', 'd', 'a', 'b']) thumbnails.want(id, id, '4:3')
    while (Object.values(thumbnails.states.value).some((s) => s === 'loading')) await Bun.sleep(5)
    expect(asked).toEqual(['a', 'b', 'c', 'd'])
    expect(most).toBe(2)
    expect(thumbnails.states.value.c).toEqual({ url: '/media/c' })
  })

  test('a failure leaves the card on its placeholder and is not asked again', async () => {
    let calls = 0
    const thumbnails = createThumbnails(async () => {
      calls++
      throw new Error('503')
    })
    thumbnails.want('a', 'a', '4:3')
    while (thumbnails.states.value.a === 'loading') await Bun.sleep(2)
    thumbnails.want('a', 'a', '4:3')
    expect(thumbnails.states.value.a).toBe('failed')
    expect(calls).toBe(1)
  })
})
