/**
 * Builds the real app in-process for tests: real config parsing, the real gateway and SDK
 * pointed at the fake Gemini, fast retries, a captured log.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createAiGateway } from '../../server/ai/gateway'
import { createApp } from '../../server/app'
import { type Env, loadConfig } from '../../server/config'
import { createLogger } from '../../server/core/logger'
import { type AppDeps, createDeps } from '../../server/deps'

export const TEST_API_KEY = 'test-gemini-key-0123456789'

export interface TestAppOptions {
  env?: Env
  /** Fake Gemini URL; with it the Developer API backend is configured. */
  geminiUrl?: string
  deps?: Partial<AppDeps>
  /** Vertex mode: authenticate with a fixed bearer token instead of ADC. */
  vertex?: boolean
}

export function testConfig(options: TestAppOptions = {}) {
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
          GOOGLE_CLOUD_LOCATION: 'us-central1',
          GEMINI_BASE_URL: options.geminiUrl,
        }
      : {}),
    ...options.env,
  }
  return loadConfig(env)
}

export function buildTestApp(options: TestAppOptions = {}) {
  const config = testConfig(options)
  const lines: string[] = []
  const log = createLogger({ level: 'debug', format: 'json', write: (l) => lines.push(l) })
  const ai =
    options.deps?.ai ??
    createAiGateway({
      ai: config.ai,
      log,
      retry: { minDelayMs: 5, maxDelayMs: 20, maxWaitMs: 2_000 },
      sdk: options.vertex
        ? {
            googleAuthOptions: {
              authClient: {
                getRequestHeaders: async () => new Headers({ authorization: 'Bearer fake-token' }),
              } as never,
            },
          }
        : undefined,
    })
  const deps = createDeps(config, { log, ai, ...options.deps })
  const app = createApp(deps)
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
