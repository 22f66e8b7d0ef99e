/**
 * A video job as the studio follows it: updates from the stream, polls and the list merge
 * without ever moving a job back, progress only grows while it runs, the elapsed time reads
 * as a clock, and a failure's reason has a message of its own in both languages.
 */
import { describe, expect, test } from 'bun:test'
import type { VideoJob } from '../../client/src/api/video'
import { en } from '../../client/src/features/video/i18n/en'
import { zhCN } from '../../client/src/features/video/i18n/zh-CN'
import {
  elapsedSeconds,
  FAILURE_CODES,
  failureOf,
  formatElapsed,
  mergeJob,
  newestFirst,
  withProgress,
} from '../../client/src/features/video/job-state'
import { newJobId } from '../../server/features/video/job-ids'

const job = (over: Partial<VideoJob> = {}): VideoJob =>
  ({
    id: 'v1',
    status: 'running',
    mode: 'text',
    prompt: 'A lighthouse',
    progress: { percent: 10, estimated: true },
    createdAt: '2026-12-01T10:00:00.000Z',
    startedAt: '2026-12-01T10:00:01.000Z',
    updatedAt: '2026-12-01T10:00:05.000Z',
    ...over,
  }) as VideoJob

describe('merging job updates', () => {
  test('a newer record replaces an older one', () => {
    const next = job({ status: 'succeeded', updatedAt: '2026-12-01T10:01:00.000Z' })
    expect(mergeJob(job(), next).status).toBe('succeeded')
  })

  test('a final job is never moved back by a late running update', () => {
    const done = job({ status: 'succeeded', updatedAt: '2026-12-01T10:01:00.000Z' })
    expect(mergeJob(done, job({ updatedAt: '2026-12-01T10:02:00.000Z' })).status).toBe('succeeded')
  })

  test('a running job does not fall back to queued', () => {
    const queued = job({ status: 'queued', updatedAt: '2026-12-01T10:03:00.000Z' })
    expect(mergeJob(job(), queued).status).toBe('running')
  })

  test('progress shown does not shrink when a poll reports less', () => {
    const ahead = job({ progress: { percent: 40, estimated: true } })
    const behind = job({ progress: { percent: 30, estimated: true } })
    expect(mergeJob(ahead, behind).progress.percent).toBe(40)
  })

  test('a progress event moves a running job forward only', () => {
    const running = job()
    expect(withProgress(running, { id: 'v1', percent: 25, estimated: false }).progress).toEqual({
      percent: 25,
      estimated: false,
    })
    expect(withProgress(running, { id: 'v1', percent: 5, estimated: true })).toBe(running)
    expect(withProgress(running, { id: 'other', percent: 50, estimated: true })).toBe(running)
    const done = job({ status: 'succeeded' })
    expect(withProgress(done, { id: 'v1', percent: 50, estimated: true })).toBe(done)
  })
})

describe('elapsed time', () => {
  test('runs from the start to now while active, to the end once finished', () => {
    const now = Date.parse('2026-12-01T10:01:06.000Z')
    expect(elapsedSeconds(job(), now)).toBe(65)
    expect(elapsedSeconds(job({ finishedAt: '2026-12-01T10:00:31.000Z' }), now)).toBe(30)
  })

  test('reads as minutes and seconds, with hours past an hour', () => {
    expect(formatElapsed(65)).toBe('1:05')
    expect(formatElapsed(0)).toBe('0:00')
    expect(formatElapsed(3725)).toBe('1:02:05')
  })
})

describe('why a job did not finish', () => {
  test('a known code names its own reason; an unknown one the generic reason', () => {
    expect(
      failureOf(job({ status: 'failed', error: { code: 'video_blocked', message: 'x' } }))
    ).toBe('video_blocked')
    expect(failureOf({ status: 'failed', error: { code: 'something_new' } })).toBe('unknown')
    expect(failureOf(job({ status: 'cancelled' }))).toBe('cancelled')
  })

  test('every reason reads in Chinese and in English', () => {
    for (const code of [...FAILURE_CODES, 'unknown']) {
      const key = `video.failure.${code}` as keyof typeof en
      expect(en[key]).toBeString()
      expect(zhCN[key]).toBeString()
    }
  })
})

test('jobs sort newest first, as the server lists them', () => {
  const older = newJobId(new Date('2026-12-01T10:00:00Z'))
  const newer = newJobId(new Date('2026-12-01T11:00:00Z'))
  expect([{ id: older }, { id: newer }].sort(newestFirst).map((j) => j.id)).toEqual([newer, older])
})
