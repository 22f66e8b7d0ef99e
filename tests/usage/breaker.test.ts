/**
 * The spend meter and the circuit breaker both wrap model calls (issue 20's breaker, this
 * issue's meter): a budget refusal (402) is ours, not the service's, so it never counts towards
 * opening a model's circuit; and a call the open circuit answers at once was never sent, so it
 * is never charged; deleting an uploaded file (free) is never refused. Through the real app,
 * gateway and SDK against the fake Gemini.
 */
import { afterAll, beforeEach, expect, test } from 'bun:test'
import { type SpendMeter, withSpendMeter } from '../../server/ai/spend'
import { AppError } from '../../server/core/errors'
import { failure, gatewayFor } from '../ai/support'
import { postJson } from '../support/app'
import { fakeMp4, startFakeGemini } from '../support/fake-gemini'
import { at, instance, localSite, OUTLINE, outline, usage } from './support'

const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
beforeEach(() => gemini.reset())

test('budget refusals never open a circuit: the model is still called once money is there', async () => {
  const { app, deps } = instance(localSite(), gemini, at('2026-12-10T09:00:00Z'), {
    BUDGET_USD_PER_DAY: '0.03',
    GEMINI_MAX_RETRIES: '0',
  })
  // An image needs $0.05 of the $0.03 left: refused before it is sent, eight times over.
  for (let i = 0; i < 8; i++) {
    const res = await postJson(app, '/api/image/generate', { prompt: 'a red ball' })
    expect(res.status).toBe(402)
    expect((await res.json()).error.code).toBe('budget_exceeded')
  }
  expect(gemini.requests).toEqual([])
  expect(deps.ai.circuits()).toEqual([])
  // A text call fits the budget and reaches the service (its circuit, and the image's, closed).
  gemini.enqueue(OUTLINE)
  expect((await outline(app)).status).toBe(200)
  expect(gemini.requests).toHaveLength(1)
  expect(deps.ai.circuits()).toEqual([])
})

test('calls the open circuit refuses are not sent and not charged', async () => {
  const { app, deps } = instance(localSite(), gemini, at('2026-12-10T09:00:00Z'), {
    GEMINI_MAX_RETRIES: '0',
  })
  gemini.setHandler(() => ({ status: 503 }))
  // Five outages in a row open the text model's circuit.
  for (let i = 0; i < 5; i++) expect((await outline(app)).status).toBe(502)
  const sent = gemini.requests.length
  expect(sent).toBe(5)
  for (let i = 0; i < 4; i++) {
    const res = await outline(app)
    expect(res.status).toBe(503)
    expect((await res.json()).error.code).toBe('upstream_unavailable')
  }
  expect(gemini.requests).toHaveLength(sent)
  expect(deps.ai.circuits()).toEqual([expect.objectContaining({ state: 'open' })])
  await deps.ledger.flush()
  const report = await usage(app)
  expect(report.day.spentUsd).toBe(0)
  expect(report.day.calls).toEqual([])
})

test('a file the brand check uploaded is deleted even once the budget is spent', async () => {
  const ai = gatewayFor(gemini)
  gemini.files.script({ processingPolls: 0 })
  const file = await ai.uploadFile({ bytes: fakeMp4(), mimeType: 'video/mp4' })
  const refuses: SpendMeter = {
    admit: async () => {
      throw new AppError(402, 'budget_exceeded', 'spent')
    },
    record: () => {},
  }
  // Any other call is refused; the delete (Google bills nothing for it) goes out.
  expect((await failure(withSpendMeter(refuses, () => ai.text({ prompt: 'x' })))).status).toBe(402)
  await withSpendMeter(refuses, () => ai.deleteFile(file.name))
  expect(gemini.calls('deleteFile')).toHaveLength(1)
})
