import { describe, expect, test } from 'bun:test'
import { MODEL_ROLES, ROLES } from '../../server/ai/models'
import { ConfigError, loadConfig } from '../../server/config'

const fails = (env: Record<string, string>) => {
  try {
    loadConfig(env)
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    return (error as Error).message
  }
  throw new Error('expected loadConfig to fail')
}

describe('defaults with an empty environment', () => {
  const config = loadConfig({})

  test('serves on 8080 with local storage and no AI', () => {
    expect(config.port).toBe(8080)
    expect(config.ai.backend).toBe('none')
    expect(config.storage.bucket).toBeUndefined()
    expect(config.storage.dataDir).toBe('./data')
  })

  test('every model role has the catalogue default', () => {
    for (const role of MODEL_ROLES) expect(config.ai.models[role]).toBe(ROLES[role].defaultId)
  })

  test('deadlines: a minute per step, eight seconds interactive, a minute of stream silence', () => {
    expect(config.ai.deadlines).toEqual({ interactiveMs: 8_000, stepMs: 60_000, idleMs: 60_000 })
    expect(config.ai.maxRetries).toBe(2)
  })

  test('GEMINI_TIMEOUT_MS sets the step budget and caps the interactive one', () => {
    expect(loadConfig({ GEMINI_TIMEOUT_MS: '5000' }).ai.deadlines).toEqual({
      interactiveMs: 5_000,
      stepMs: 5_000,
      idleMs: 5_000,
    })
  })

  test('logs pretty in development and JSON in production or on Cloud Run', () => {
    expect(config.log.format).toBe('pretty')
    expect(loadConfig({ NODE_ENV: 'production' }).log.format).toBe('json')
    expect(loadConfig({ K_SERVICE: 'ais-studio' }).log.format).toBe('json')
    expect(loadConfig({ K_SERVICE: 'x', LOG_FORMAT: 'pretty' }).log.format).toBe('pretty')
  })

  test('is frozen', () => {
    expect(Object.isFrozen(config)).toBe(true)
    expect(Object.isFrozen(config.ai.models)).toBe(true)
  })
})

describe('AI backends', () => {
  test('GEMINI_API_KEY selects the Developer API', () => {
    const config = loadConfig({ GEMINI_API_KEY: 'k-123456' })
    expect(config.ai.backend).toBe('developer')
    expect(config.ai.apiKey).toBe('k-123456')
  })

  test('GOOGLE_API_KEY works as the alternative name', () => {
    expect(loadConfig({ GOOGLE_API_KEY: 'g-123456' }).ai.apiKey).toBe('g-123456')
  })

  test('Vertex mode needs a project (GOOGLE_CLOUD_PROJECT or GCP_PROJECT_ID), no key', () => {
    const config = loadConfig({ GOOGLE_GENAI_USE_VERTEXAI: 'true', GCP_PROJECT_ID: 'my-proj' })
    expect(config.ai.backend).toBe('vertex')
    expect(config.ai.project).toBe('my-proj')
    // Gemini 3 is served from `global`; Imagen and Veo from a region.
    expect(config.ai.location).toBe('global')
    expect(config.ai.mediaLocation).toBe('us-central1')
    expect(config.ai.apiKey).toBeUndefined()
    expect(fails({ GOOGLE_GENAI_USE_VERTEXAI: 'true' })).toContain('GOOGLE_CLOUD_PROJECT')
  })

  test('model ids and the endpoint can be overridden', () => {
    const config = loadConfig({
      GEMINI_MODEL_TEXT: 'gemini-3-flash-preview',
      GEMINI_BASE_URL: 'http://127.0.0.1:9999',
    })
    expect(config.ai.models.text).toBe('gemini-3-flash-preview')
    expect(config.ai.baseUrl).toBe('http://127.0.0.1:9999')
  })
})

describe('storage, search and access settings', () => {
  test('a bucket (or the Firebase alias) selects Cloud Storage', () => {
    expect(loadConfig({ GCP_STORAGE_BUCKET_NAME: 'media-b' }).storage.bucket).toBe('media-b')
    expect(loadConfig({ FIREBASE_STORAGE_BUCKET: 'fb-b' }).storage.bucket).toBe('fb-b')
  })

  test('lists are split and trimmed', () => {
    const config = loadConfig({
      API_KEYS: ' a-key , b-key ,',
      ALLOWED_ORIGINS: 'https://a.example, https://b.example',
    })
    expect(config.apiKeys.map((k) => k.key)).toEqual(['a-key', 'b-key'])
    expect(config.allowedOrigins).toEqual(['https://a.example', 'https://b.example'])
  })

  test('Custom Search needs both the key and the engine id', () => {
    expect(loadConfig({ GCP_CSE_API_KEY: 'k', GCP_CSE_ID: 'cx' }).cse).toEqual({
      apiKey: 'k',
      id: 'cx',
    })
    expect(fails({ GCP_CSE_API_KEY: 'k' })).toContain('GCP_CSE_ID')
  })
})

describe('malformed values stop start-up with one readable message', () => {
  test.each([
    ['PORT', 'abc', 'PORT must be a whole number'],
    ['PORT', '70000', 'PORT must be a whole number between 1 and 65535'],
    ['GEMINI_TIMEOUT_MS', '5', 'GEMINI_TIMEOUT_MS'],
    ['GOOGLE_GENAI_USE_VERTEXAI', 'maybe', 'GOOGLE_GENAI_USE_VERTEXAI must be true or false'],
    ['GEMINI_BASE_URL', 'not a url', 'GEMINI_BASE_URL must be an http(s) URL'],
    ['GEMINI_BASE_URL', 'ftp://x.example', 'GEMINI_BASE_URL must be an http(s) URL'],
    ['LOG_LEVEL', 'loud', 'LOG_LEVEL must be one of'],
    ['LOG_FORMAT', 'xml', 'LOG_FORMAT must be json or pretty'],
    ['ALLOWED_ORIGINS', 'not-an-origin', 'ALLOWED_ORIGINS must be'],
    ['GEMINI_MODEL_TEXT', '../../etc', 'GEMINI_MODEL_TEXT must be a model id'],
    ['RATE_LIMIT_PER_MINUTE', '-1', 'RATE_LIMIT_PER_MINUTE'],
  ])('%s=%s', (name, value, expected) => {
    const message = fails({ [name]: value })
    expect(message).toStartWith('Invalid configuration:')
    expect(message).toContain(expected)
  })

  test('every bad variable is named at once', () => {
    const message = fails({ PORT: 'x', LOG_LEVEL: 'loud' })
    expect(message).toContain('PORT')
    expect(message).toContain('LOG_LEVEL')
  })

  test('a bad value is never echoed (it may be a secret)', () => {
    const message = fails({ GEMINI_BASE_URL: 'sk-secret-value-123' })
    expect(message).not.toContain('sk-secret-value-123')
  })
})

describe('structured values', () => {
  const prices = (json: string) => loadConfig({ VIDEO_PRICES: json }).video

  test('VIDEO_PRICES replaces the entries of the models it names', () => {
    const video = prices('{"veo-x":{"*":{"audio":0.5,"silent":0.25}}}')
    expect(video.prices['veo-x']).toEqual({ '*': { audio: 0.5, silent: 0.25 } })
    expect([...video.configuredPrices]).toEqual(['veo-x'])
  })

  test.each([
    ['not JSON', '{veo'],
    ['a list', '[1]'],
    ['an unknown resolution', '{"veo-x":{"8k":{"audio":1,"silent":1}}}'],
    ['a price above 100', '{"veo-x":{"*":{"audio":101,"silent":1}}}'],
    ['a missing price', '{"veo-x":{"*":{"audio":1}}}'],
    ['an extra field', '{"veo-x":{"*":{"audio":1,"silent":1,"x":1}}}'],
    ['a bad model id', '{"../x":{"*":{"audio":1,"silent":1}}}'],
  ])('VIDEO_PRICES with %s stops start-up', (_, json) => {
    expect(fails({ VIDEO_PRICES: json })).toContain('VIDEO_PRICES must be JSON')
  })

  test('ports, optional numbers and choices', () => {
    const config = loadConfig({
      FETCH_ALLOWED_PORTS: '8080, 3000',
      GEMINI_INTERACTIVE_TIMEOUT_MS: ' 2000 ',
      LOG_LEVEL: ' WARN ',
    })
    expect(config.fetchAllowedPorts).toEqual([8080, 3000])
    expect(config.ai.deadlines.interactiveMs).toBe(2_000)
    expect(config.log.level).toBe('warn')
    expect(fails({ FETCH_ALLOWED_PORTS: '80,http' })).toContain('FETCH_ALLOWED_PORTS must be')
    expect(fails({ GEMINI_IDLE_TIMEOUT_MS: '999' })).toContain(
      'GEMINI_IDLE_TIMEOUT_MS must be a whole number between 1000 and 3600000'
    )
  })
})
