/**
 * The spend guard as one suite, run over every store (local disk; Cloud Storage through the real
 * library and the fake JSON API): calls priced from what the service reported, dated prices,
 * paid jobs reserved, charged and released, budgets refused before anything is sent, the day
 * rolling over on the injected clock, workspaces kept apart, and instances that share a store
 * counting everything once.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'bun:test'
import { type FakeGemini, startFakeGemini } from '../support/fake-gemini'
import { createJob, json, settled, started, textJob } from '../video/support'
import { at, auth, instance, mp4Of, OUTLINE, outline, type StoreSite, usage } from './support'

/** 1 000 tokens in, 2 000 out and 500 of thinking (billed as output). */
const USED = { promptTokenCount: 1000, candidatesTokenCount: 2000, thoughtsTokenCount: 500 }
/** On Gemini 3.8 Flash: $0.75 in and $3.75 out per million tokens in 2026. */
const PRICE_2026 = (1000 * 0.75 + 2500 * 3.75) / 1e6
/** From 2027-01-01: $1.50 and $7.50. */
const PRICE_2027 = (1000 * 1.5 + 2500 * 7.5) / 1e6

export function ledgerContract(name: string, newSite: () => StoreSite) {
  describe(`spend guard: ${name}`, () => {
    let gemini: FakeGemini
    let site: StoreSite
    beforeAll(async () => {
      gemini = await startFakeGemini()
    })
    afterAll(() => gemini.stop())
    beforeEach(() => {
      gemini.reset()
      gemini.setHandler(() => ({ ...OUTLINE, usage: USED }))
      site = newSite()
    })

    test('a call is priced from its usageMetadata and shown by studio and by model', async () => {
      const { app } = instance(site, gemini, at('2026-12-10T09:00:00Z'))
      expect((await outline(app)).status).toBe(200)
      const report = await usage(app)
      expect(report.day.date).toBe('2026-12-10')
      expect(report.day.byStudio.seo).toMatchObject({ calls: 1, usd: PRICE_2026 })
      expect(report.day.byModel['gemini-3.8-flash']).toMatchObject({
        calls: 1,
        inputTokens: 1000,
        outputTokens: 2500,
        estimatedCalls: 0,
      })
      expect(report.day.calls[0]).toMatchObject({ studio: 'seo', model: 'gemini-3.8-flash' })
      expect(report.month).toMatchObject({ month: '2026-12', spentUsd: PRICE_2026 })
      expect(report.day.budgetUsd).toBeNull()
    })

    test('a price that changes on a date: Gemini 3.8 Flash doubles on 2027-01-01', async () => {
      const clock = at('2026-12-31T23:59:00Z')
      const { app } = instance(site, gemini, clock)
      await outline(app)
      expect((await usage(app)).day.spentUsd).toBe(PRICE_2026)
      clock.advance(2 * 60_000)
      await outline(app)
      const report = await usage(app)
      expect(report.day).toMatchObject({ date: '2027-01-01', spentUsd: PRICE_2027 })
      expect(report.month).toMatchObject({ month: '2027-01', spentUsd: PRICE_2027 })
    })

    test('a paid job reserves its estimate, then is charged for the seconds it delivered', async () => {
      const clock = at('2026-12-10T10:00:00Z')
      const { app } = instance(site, gemini, clock)
      gemini.video.script({ polls: 1, video: mp4Of(5) })
      const job = await started(app, { ...textJob, durationSeconds: 8 })
      let report = await usage(app)
      expect(report.day.reservedUsd).toBe(0.8)
      expect(report.day.jobs).toEqual([
        expect.objectContaining({ jobId: job.id, state: 'reserved', usd: 0.8, studio: 'video' }),
      ])
      expect((await settled(app, job.id)).status).toBe('succeeded')
      report = await usage(app)
      expect(report.day.reservedUsd).toBe(0)
      expect(report.day.spentUsd).toBe(0.5)
      expect(report.day.jobs).toEqual([
        expect.objectContaining({ jobId: job.id, state: 'charged', usd: 0.5, videoSeconds: 5 }),
      ])
      expect(report.day.byStudio.video).toMatchObject({ calls: 1, usd: 0.5, videoSeconds: 5 })
    })

    test('a failed, a filtered and an empty job are released, not charged, and say why', async () => {
      const { app } = instance(site, gemini, at('2026-12-10T10:00:00Z'))
      gemini.video.script({ outcome: 'fail' }, { outcome: 'filtered' }, { outcome: 'empty' })
      const jobs = [await started(app, textJob), await started(app, textJob)]
      jobs.push(await started(app, textJob))
      for (const job of jobs) expect((await settled(app, job.id)).status).toBe('failed')
      const report = await usage(app)
      expect(report.day.spentUsd).toBe(0)
      expect(report.day.reservedUsd).toBe(0)
      const reasons = report.day.jobs.map((j: { state: string; reason: string }) => j.reason)
      expect(report.day.jobs.every((j: { state: string }) => j.state === 'released')).toBe(true)
      // Gemini Omni answers a filtered video as an interaction completed without one.
      expect(reasons.sort()).toEqual(['video_failed', 'video_missing', 'video_missing'])
    })

    test('a job past the budget is refused with 402 before anything is sent upstream', async () => {
      const { app } = instance(site, gemini, at('2026-12-10T22:00:00Z'), {
        BUDGET_USD_PER_DAY: '0.5',
      })
      const estimate = await json(
        await app.request('/api/video/jobs?dryRun=1', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(textJob),
        })
      )
      expect(estimate.price.amountUsd).toBe(0.8)
      expect(estimate.budget.day).toMatchObject({ budgetUsd: 0.5, remainingUsd: 0.5 })
      expect(estimate.budget.covers).toBe(false)
      gemini.reset()
      const res = await createJob(app, textJob, { 'Idempotency-Key': 'k-1' })
      expect(res.status).toBe(402)
      const body = await json(res)
      expect(body.error.code).toBe('budget_exceeded')
      expect(body.error.details).toMatchObject({
        period: 'day',
        budgetUsd: 0.5,
        remainingUsd: 0.5,
        requiredUsd: 0.8,
        resetsAt: '2026-12-11T00:00:00.000Z',
      })
      expect(gemini.requests).toEqual([])
      expect(gemini.video.jobs).toEqual([])
    })

    test('text is counted after the fact and refused once the day is spent, before any call', async () => {
      const { app } = instance(site, gemini, at('2026-12-10T12:00:00Z'), {
        BUDGET_USD_PER_DAY: '0.015',
      })
      expect((await outline(app)).status).toBe(200)
      expect((await outline(app)).status).toBe(200)
      await usage(app)
      const sent = gemini.calls('generateContent').length
      const res = await outline(app)
      expect(res.status).toBe(402)
      expect((await json(res)).error.details).toMatchObject({ period: 'day', remainingUsd: 0 })
      expect(gemini.calls('generateContent').length).toBe(sent)
    })

    test('the day rolls over on the injected clock: yesterday’s spend no longer counts', async () => {
      const clock = at('2026-12-10T23:58:00Z')
      const { app } = instance(site, gemini, clock, { BUDGET_USD_PER_DAY: '0.01' })
      await outline(app)
      await usage(app)
      expect((await outline(app)).status).toBe(402)
      clock.advance(3 * 60_000)
      expect((await outline(app)).status).toBe(200)
      const report = await usage(app)
      expect(report.day).toMatchObject({ date: '2026-12-11', spentUsd: PRICE_2026 })
      expect(report.day.resetsAt).toBe('2026-12-12T00:00:00.000Z')
      expect(report.month.spentUsd).toBe(2 * PRICE_2026)
    })

    test('a monthly cap counts every day of the month', async () => {
      const clock = at('2026-12-10T08:00:00Z')
      const env = { BUDGET_USD_PER_DAY: '1', BUDGET_USD_PER_MONTH: '0.015' }
      const { app } = instance(site, gemini, clock, env)
      await outline(app)
      clock.advance(24 * 3600_000)
      await outline(app)
      await usage(app)
      const res = await outline(app)
      expect(res.status).toBe(402)
      expect((await json(res)).error.details).toMatchObject({
        period: 'month',
        budgetUsd: 0.015,
        resetsAt: '2027-01-01T00:00:00.000Z',
      })
    })

    test('workspaces are apart: usage, budgets; an admin key sees them all', async () => {
      const env = {
        API_KEYS: 'acme:ka,globex:kb,+ops:ko',
        WORKSPACE_BUDGETS: '{"acme":{"usdPerDay":0.01}}',
      }
      const { app } = instance(site, gemini, at('2026-12-10T09:00:00Z'), env)
      await outline(app, auth('ka'))
      await usage(app, auth('ka'))
      expect((await outline(app, auth('ka'))).status).toBe(402)
      expect((await outline(app, auth('kb'))).status).toBe(200)
      const acme = await usage(app, auth('ka'))
      const globex = await usage(app, auth('kb'))
      expect(acme).toMatchObject({
        workspace: 'acme',
        day: { spentUsd: PRICE_2026, budgetUsd: 0.01 },
      })
      expect(globex).toMatchObject({
        workspace: 'globex',
        day: { spentUsd: PRICE_2026, budgetUsd: null },
      })
      expect(acme.workspaces).toBeUndefined()
      const other = await app.request('/api/usage?workspace=acme', { headers: auth('kb') })
      expect(other.status).toBe(403)
      const admin = await usage(app, auth('ko'))
      expect(admin.workspace).toBe('ops')
      const overview = Object.fromEntries(
        admin.workspaces.map((w: { workspace: string; day: { spentUsd: number } }) => [
          w.workspace,
          w.day.spentUsd,
        ])
      )
      expect(overview).toEqual({ default: 0, acme: PRICE_2026, globex: PRICE_2026, ops: 0 })
      expect((await usage(app, auth('ko'), '?workspace=acme')).day.spentUsd).toBe(PRICE_2026)
    })

    test('two instances racing on one job charge it once', async () => {
      const clock = at('2026-12-10T10:00:00Z')
      const a = instance(site, gemini, clock)
      const b = instance(site, gemini, clock)
      gemini.video.script({ polls: 1 })
      const job = await started(a.app, textJob)
      const looks = await Promise.all(
        Array.from({ length: 6 }, (_, i) => settled(i % 2 ? a.app : b.app, job.id))
      )
      expect(looks.every((j) => j.status === 'succeeded')).toBe(true)
      for (const app of [a.app, b.app]) {
        const report = await usage(app)
        expect(report.day.spentUsd).toBe(0.8)
        expect(report.day.byStudio.video.calls).toBe(1)
      }
    })

    test('many concurrent calls on two instances are all counted, once', async () => {
      const clock = at('2026-12-10T10:00:00Z')
      const a = instance(site, gemini, clock)
      const b = instance(site, gemini, clock)
      const answers = await Promise.all(
        Array.from({ length: 24 }, (_, i) => outline(i % 2 ? a.app : b.app))
      )
      expect(answers.every((r) => r.status === 200)).toBe(true)
      await usage(a.app)
      const report = await usage(b.app)
      expect(report.day.byStudio.seo.calls).toBe(24)
      expect(report.day.spentUsd).toBeCloseTo(24 * PRICE_2026, 9)
    })

    test('a lost day summary is rebuilt from its entries', async () => {
      const clock = at('2026-12-10T10:00:00Z')
      const { app, store } = instance(site, gemini, clock)
      await outline(app)
      await outline(app)
      const job = await started(app, textJob)
      await settled(app, job.id)
      const before = await usage(app)
      expect(await store.delete('ledger/default/2026-12/10/_day.json')).toBe(true)
      const after = await usage(instance(site, gemini, clock).app)
      for (const field of ['spentUsd', 'reservedUsd', 'totals', 'byStudio', 'byModel', 'jobs']) {
        expect(after.day[field]).toEqual(before.day[field])
      }
    })

    test('a restart between reserve and settle: the deadline releases it, a late video is charged once', async () => {
      const clock = at('2026-12-10T10:00:00Z')
      const first = instance(site, gemini, clock)
      gemini.video.script({ polls: 0 })
      const job = await started(first.app, textJob)
      // The instance is gone; nobody looks at the job until well past its deadline.
      clock.advance(40 * 60_000)
      const second = instance(site, gemini, clock)
      let report = await usage(second.app)
      expect(report.day.reservedUsd).toBe(0)
      expect(report.day.jobs).toEqual([
        expect.objectContaining({ jobId: job.id, state: 'released', reason: 'expired' }),
      ])
      // The service did make it: the late look stores it and charges it, once.
      expect((await settled(second.app, job.id)).status).toBe('succeeded')
      await settled(second.app, job.id)
      report = await usage(second.app)
      expect(report.day.spentUsd).toBe(0.8)
      expect(report.day.jobs).toEqual([expect.objectContaining({ state: 'charged', usd: 0.8 })])
    })
  })
}
