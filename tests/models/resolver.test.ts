/**
 * The resolver's timing, with its list reader standing in for the service (the wire is covered
 * by substitution.test.ts): the first read is waited for, briefly; a list is kept for its time and
 * then refreshed in the background while requests go on; an empty or hanging list never holds a
 * request; a failed read is tried again a minute later, not on every request.
 */
import { describe, expect, test } from 'bun:test'
import type { ListedModel, ModelList } from '../../server/ai/model-list'
import { createModelResolver } from '../../server/ai/model-resolver'
import { KNOWN_MODELS } from '../../server/ai/models'
import { loadConfig } from '../../server/config'
import { silentLogger } from '../../server/core/logger'

const ai = loadConfig({ GEMINI_API_KEY: 'k' }).ai
const listOf = (...ids: string[]): ModelList =>
  new Map(ids.map((id): [string, ListedModel] => [id, { id }]))
const EVERYTHING = listOf(...Object.keys(KNOWN_MODELS))
const WITHOUT_LITE = listOf(
  ...Object.values(ai.models).filter((id) => id !== ai.models.fast),
  'gemini-3.1-flash-lite'
)

function harness(answers: (() => Promise<ModelList>)[], waitMs = 200) {
  let at = 1_000_000
  let reads = 0
  const resolver = createModelResolver({
    ai,
    log: silentLogger,
    now: () => at,
    waitMs,
    readList: () => {
      const answer = answers[Math.min(reads, answers.length - 1)] as () => Promise<ModelList>
      reads++
      return answer()
    },
  })
  return {
    resolver,
    reads: () => reads,
    advance: (ms: number) => {
      at += ms
    },
  }
}

describe('the model resolver', () => {
  test('reads once, keeps the list for an hour, then refreshes it without making anyone wait', async () => {
    let release: (list: ModelList) => void = () => {}
    const slow = () => new Promise<ModelList>((resolve) => (release = resolve))
    // A wait on the refresh would hold the test for a minute: it ends at once instead.
    const h = harness([async () => EVERYTHING, slow], 60_000)
    await h.resolver.ready()
    await h.resolver.ready()
    expect(h.reads()).toBe(1)
    expect(h.resolver.idOf('fast')).toBe(ai.models.fast)

    h.advance(3_600_001)
    await h.resolver.ready()
    expect(h.reads()).toBe(2)
    expect(h.resolver.idOf('fast')).toBe(ai.models.fast)
    release(WITHOUT_LITE)
    await Bun.sleep(0)
    expect(h.resolver.idOf('fast')).toBe('gemini-3.1-flash-lite')
    expect(h.resolver.report().revision).toBe(1)
  })

  test('a first read that hangs holds the first request for waitMs only, the next not at all', async () => {
    const h = harness([() => new Promise<ModelList>(() => {})], 50)
    await h.resolver.ready()
    await h.resolver.ready()
    expect(h.reads()).toBe(1)
    expect(h.resolver.report().list).toEqual({ state: 'unread', readAt: null })
    expect(h.resolver.idOf('fast')).toBe(ai.models.fast)
  })

  test('an empty list is a failed read: the catalogue ids stay', async () => {
    const h = harness([async () => listOf()])
    await h.resolver.ready()
    expect(h.resolver.report().list).toEqual({ state: 'failed', readAt: null, failure: 'empty' })
    expect(h.resolver.idOf('text')).toBe(ai.models.text)
  })

  test('a failed read is tried again after a minute, not on every request', async () => {
    const h = harness([
      () => Promise.reject(new TypeError('fetch failed')),
      async () => WITHOUT_LITE,
    ])
    await h.resolver.ready()
    await h.resolver.ready()
    expect(h.reads()).toBe(1)
    expect(h.resolver.report().list.failure).toBe('unreachable')
    h.advance(60_000)
    await h.resolver.ready()
    await Bun.sleep(0)
    expect(h.reads()).toBe(2)
    expect(h.resolver.report().list.state).toBe('read')
    expect(h.resolver.idOf('fast')).toBe('gemini-3.1-flash-lite')
  })

  test('a 404 takes an id out for good, even when a later list still names it', async () => {
    const h = harness([async () => EVERYTHING])
    await h.resolver.ready()
    expect(h.resolver.notFound('text', ai.models.text)).toBe('gemini-3.6-flash')
    h.advance(3_600_001)
    await h.resolver.ready()
    await Bun.sleep(0)
    expect(h.resolver.idOf('text')).toBe('gemini-3.6-flash')
    expect(h.resolver.isNotFound(ai.models.text)).toBe(true)
  })
})
