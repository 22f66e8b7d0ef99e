/**
 * The gateway under test: the real gateway and SDK pointed at the fake Gemini, with fast retries,
 * a captured log, and real Application Default Credentials in Vertex AI mode.
 */
import { expect } from 'bun:test'
import { createAiGateway } from '../../server/ai/gateway'
import type { AiGateway } from '../../server/ai/types'
import { AppError } from '../../server/core/errors'
import { createLogger } from '../../server/core/logger'
import { testConfig, testSdkOptions } from '../support/app'
import type { FakeGemini } from '../support/fake-gemini'

export const logLines: string[] = []
export const log = createLogger({ level: 'debug', write: (l) => logLines.push(l) })

export function gatewayFor(
  gemini: FakeGemini,
  env: Record<string, string> = {},
  vertex = false
): AiGateway {
  const options = { gemini, vertex, env }
  const config = testConfig(options)
  return createAiGateway({
    ai: config.ai,
    log,
    retry: { minDelayMs: 5, maxDelayMs: 20, maxWaitMs: 3_000 },
    sdk: testSdkOptions(options),
  })
}

export async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(AppError)
    return error as AppError
  }
  throw new Error('expected the call to fail')
}

export async function collect<T>(events: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const e of events) out.push(e)
  return out
}
