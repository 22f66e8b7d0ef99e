/**
 * Builds the real app in-process for tests: real config parsing, the real gateway and SDK
 * pointed at the fake Gemini, fast retries, a captured log.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createAiGateway } from '../../server/ai/gateway'
import type { GeminiGatewayOptions } from '../../server/ai/gemini'
import type { SdkClientOptions } from '../../server/ai/sdk-client'
import { createApp } from '../../server/app'
import { type Env, loadConfig } from '../../server/config'
import { createLogger } from '../../server/core/logger'
import { type AppDeps, createDeps } from '../../server/deps'
import { withContract } from './contract'
import type { FakeGemini } from './fake-gemini'
import { writeVertexCredentials } from './vertex-credentials'

export const TEST_API_KEY = 'test-gemini-key-0123456789'

export interface TestAppOptions {
  env?: Env
  /** Fake Gemini URL; with it the Developer API backend is configured. */
  geminiUrl?: string
  deps?: Partial<AppDeps>
  /**
   * Vertex AI mode, authenticated with real Application Default Credentials whose token comes
   * from the fake's STS endpoint (pass the fake; `geminiUrl` is then its URL).
   */
  vertex?: boolean
  gemini?: Pick<FakeGemini, 'url' | 'tokenUrl' | 'trustSubjectToken'>
  /** The circuit breaker's settings (production's unless a test says otherwise). */
  circuits?: GeminiGatewayOptions['circuits']
  /**
   * Check every answer against the API document (tests/support/contract.ts); false only for a
   * test that sends what no client would.
   */
  contract?: boolean
}

export function testConfig(options: TestAppOptions = {}) {
  if (options.gemini) options = { ...options, geminiUrl: options.gemini.url }
  const env: Env = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'debug',
    RATE_LIMIT_PER_MINUTE: '0',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'ais-data-')),
    ...(options.geminiUrl && !options.vertex
      ? { GEMINI_API_KEY: TEST_API_KEY, GEMINI_BASE_URL: options.geminiUrl }
      : {}),
    ...(options.geminiUrl && options.vertex
      ? {
          GOOGLE_GENAI_USE_VERTEXAI: 'true',
          GOOGLE_CLOUD_PROJECT: 'test-project',
          GEMINI_BASE_URL: options.geminiUrl,
        }
      : {}),
    ...options.env,
  }
  return loadConfig(env)
}

/** SDK options for the test gateway: real ADC against the fake in Vertex AI mode. */
export function testSdkOptions(options: TestAppOptions): SdkClientOptions | undefined {
  if (!options.vertex) return undefined
  if (!options.gemini)
    throw new Error('Vertex AI tests pass the fake as `gemini` (for its token URL)')
  return { googleAuthOptions: writeVertexCredentials(options.gemini).googleAuthOptions }
}

export function buildTestApp(options: TestAppOptions = {}) {
  const config = testConfig(options)
  const lines: string[] = []
  // The same secrets are masked as in production (`server/deps.ts`).
  const log = createLogger({
    level: 'debug',
    format: 'json',
    write: (l) => lines.push(l),
    secrets: [
      config.ai.apiKey,
      config.jinaApiKey,
      config.cse?.apiKey,
      config.secretsKey,
      ...config.apiKeys.map((k) => k.key),
    ],
  })
  const ai =
    options.deps?.ai ??
    createAiGateway({
      ai: config.ai,
      log,
      retry: { minDelayMs: 5, maxDelayMs: 20, maxWaitMs: 2_000 },
      sdk: testSdkOptions(options),
      circuits: options.circuits,
    })
  // The gateway it made is the one the app uses: typed as present for the tests that read it.
  const deps = { ...createDeps(config, { log, ai, ...options.deps }), ai }
  const built = createApp(deps)
  const app = options.contract === false ? built : withContract(built, config)
  return { app, deps, config, logLines: lines }
}

/** POSTs JSON to the in-process app. */
export function postJson(
  app: { request: (path: string, init?: RequestInit) => Response | Promise<Response> },
  path: string,
  body: unknown,
  headers: Record<string, string> = {}
) {
  return app.request(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })
}
