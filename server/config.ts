/**
 * @module config
 * Environment variables -> a typed, frozen `Config`. Parsing fails fast with one readable message
 * naming the bad variable and never echoes a value (it may be a secret).
 */
import * as v from 'valibot'

export type AiBackend = 'none' | 'developer' | 'vertex'
export type LogFormat = 'json' | 'pretty'
export type LogLevel = 'debug' | 'info' | 'warn' | 'error'

export interface ModelIds {
  /** Fast text and JSON model (most steps). */
  text: string
  /** Stronger text model (long articles, auto-fix, creative direction). */
  pro: string
  /** Gemini image model (generateContent with IMAGE output). */
  image: string
  /** Higher quality Gemini image model. */
  imagePro: string
  /** Imagen model (Vertex only). */
  imagen: string
  /** Veo models. */
  veo: string
  veoFast: string
}

/** An API key and the workspace whose saved work (and jobs) it sees. */
export interface ApiKey {
  readonly workspace: string
  readonly key: string
}

/** The workspace of unnamed keys, and of every request when no keys are configured. */
export const DEFAULT_WORKSPACE = 'default'
export const WORKSPACE_NAME = /^[a-z0-9][a-z0-9-]{0,31}$/

export interface Config {
  readonly port: number
  readonly production: boolean
  readonly ai: {
    readonly backend: AiBackend
    readonly apiKey?: string
    readonly project?: string
    readonly location: string
    readonly baseUrl?: string
    readonly models: ModelIds
    readonly timeoutMs: number
    readonly maxRetries: number
  }
  readonly storage: {
    readonly bucket?: string
    readonly dataDir: string
    /** Cloud Storage endpoint override (a fake or emulator). */
    readonly gcsEndpoint?: string
  }
  readonly jinaApiKey?: string
  /** Jina Reader base URL (overridable for tests); the page URL is appended to it. */
  readonly jinaReaderUrl: string
  readonly cse?: { readonly apiKey: string; readonly id: string }
  /** Custom Search JSON API endpoint (overridable for tests). */
  readonly cseEndpoint: string
  readonly staticDir?: string
  /** `API_KEYS`: `key` (the default workspace) or `name:key` entries. */
  readonly apiKeys: readonly ApiKey[]
  readonly allowedOrigins: readonly string[]
  readonly rateLimitPerMinute: number
  readonly log: { readonly level: LogLevel; readonly format: LogFormat }
  /** Extra ports the safe fetcher may reach besides 80/443. */
  readonly fetchAllowedPorts: readonly number[]
}

export type Env = Record<string, string | undefined>

export class ConfigError extends Error {
  override name = 'ConfigError'
}

const DEFAULT_MODELS: ModelIds = {
  text: 'gemini-2.5-flash',
  pro: 'gemini-2.5-pro',
  image: 'gemini-2.5-flash-image',
  imagePro: 'gemini-3-pro-image-preview',
  imagen: 'imagen-4.0-generate-001',
  veo: 'veo-3.1-generate-preview',
  veoFast: 'veo-3.1-fast-generate-preview',
}

const optionalText = v.optional(
  v.pipe(
    v.string(),
    v.trim(),
    v.transform((s) => s || undefined)
  )
)

const integer = (fallback: number, min: number, max: number) =>
  v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      v.regex(/^\d+$/, `must be a whole number between ${min} and ${max}`),
      v.transform(Number),
      v.minValue(min, `must be a whole number between ${min} and ${max}`),
      v.maxValue(max, `must be a whole number between ${min} and ${max}`)
    ),
    String(fallback)
  )

const boolean = v.optional(
  v.pipe(
    v.string(),
    v.trim(),
    v.toLowerCase(),
    v.picklist(['', 'true', 'false', '1', '0', 'yes', 'no'], 'must be true or false'),
    v.transform((s) => s === 'true' || s === '1' || s === 'yes')
  ),
  'false'
)

const list = v.optional(
  v.pipe(
    v.string(),
    v.transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)
    )
  ),
  ''
)

/** `name:key` names the key's workspace; a bare key belongs to the default one. */
function parseApiKey(entry: string): ApiKey {
  const colon = entry.indexOf(':')
  if (colon < 0) return { workspace: DEFAULT_WORKSPACE, key: entry }
  return { workspace: entry.slice(0, colon), key: entry.slice(colon + 1).trim() }
}

const apiKeys = v.pipe(
  list,
  v.transform((entries) => entries.map(parseApiKey)),
  v.check(
    (keys) => keys.every((k) => WORKSPACE_NAME.test(k.workspace) && k.key.length > 0),
    'must be a comma-separated list of keys, each optionally named as workspace:key (a workspace name is 1-32 lowercase letters, digits or dashes, starting with a letter or digit; a key containing ":" must be named)'
  ),
  v.check(
    (keys) => new Set(keys.map((k) => k.key)).size === keys.length,
    'must not list the same key twice'
  )
)

const modelId = v.optional(
  v.pipe(
    v.string(),
    v.trim(),
    v.regex(/^[A-Za-z0-9][A-Za-z0-9._\-/]*$/, 'must be a model id such as gemini-2.5-flash'),
    v.check((s) => !s.includes('..'), 'must be a model id such as gemini-2.5-flash')
  )
)

const httpUrl = v.optional(
  v.pipe(
    v.string(),
    v.trim(),
    v.url('must be an http(s) URL'),
    v.regex(/^https?:\/\//i, 'must be an http(s) URL')
  )
)

const origins = v.pipe(
  list,
  v.check(
    (xs) => xs.every((o) => o === '*' || /^https?:\/\/[^/\s]+$/i.test(o)),
    'must be a comma-separated list of origins such as https://studio.example.com'
  )
)

const ports = v.pipe(
  list,
  v.check(
    (xs) => xs.every((p) => /^\d+$/.test(p) && Number(p) > 0 && Number(p) < 65536),
    'must be a comma-separated list of port numbers'
  ),
  v.transform((xs) => xs.map(Number))
)

const EnvSchema = v.object({
  PORT: integer(8080, 1, 65535),
  NODE_ENV: optionalText,
  K_SERVICE: optionalText,
  GEMINI_API_KEY: optionalText,
  GOOGLE_API_KEY: optionalText,
  GOOGLE_GENAI_USE_VERTEXAI: boolean,
  GOOGLE_CLOUD_PROJECT: optionalText,
  GCP_PROJECT_ID: optionalText,
  GOOGLE_CLOUD_LOCATION: optionalText,
  GEMINI_BASE_URL: httpUrl,
  GEMINI_MODEL_TEXT: modelId,
  GEMINI_MODEL_PRO: modelId,
  GEMINI_MODEL_IMAGE: modelId,
  GEMINI_MODEL_IMAGE_PRO: modelId,
  IMAGEN_MODEL: modelId,
  VEO_MODEL: modelId,
  VEO_FAST_MODEL: modelId,
  GEMINI_TIMEOUT_MS: integer(120_000, 1_000, 3_600_000),
  GEMINI_MAX_RETRIES: integer(2, 0, 6),
  GCP_STORAGE_BUCKET_NAME: optionalText,
  FIREBASE_STORAGE_BUCKET: optionalText,
  GCS_ENDPOINT: httpUrl,
  DATA_DIR: optionalText,
  JINA_API_KEY: optionalText,
  JINA_READER_URL: httpUrl,
  GCP_CSE_API_KEY: optionalText,
  GCP_CSE_ID: optionalText,
  CSE_ENDPOINT: httpUrl,
  STATIC_DIR: optionalText,
  API_KEYS: apiKeys,
  ALLOWED_ORIGINS: origins,
  RATE_LIMIT_PER_MINUTE: integer(120, 0, 1_000_000),
  LOG_LEVEL: v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      v.toLowerCase(),
      v.picklist(['debug', 'info', 'warn', 'error'], 'must be one of debug, info, warn, error')
    ),
    'info'
  ),
  LOG_FORMAT: v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      v.toLowerCase(),
      v.picklist(['json', 'pretty'], 'must be json or pretty')
    )
  ),
  FETCH_ALLOWED_PORTS: ports,
})

/**
 * Parses the environment into a `Config`.
 * @throws {ConfigError} naming every bad variable, without its value.
 */
export function loadConfig(env: Env = process.env): Config {
  const parsed = v.safeParse(EnvSchema, env)
  if (!parsed.success) {
    const problems = parsed.issues.map((issue) => {
      const key = v.getDotPath(issue) ?? 'environment'
      return `${key} ${issue.message}`
    })
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}.`)
  }
  const e = parsed.output
  const production = e.NODE_ENV === 'production' || Boolean(e.K_SERVICE)
  const project = e.GOOGLE_CLOUD_PROJECT ?? e.GCP_PROJECT_ID
  const apiKey = e.GEMINI_API_KEY ?? e.GOOGLE_API_KEY

  let backend: AiBackend = 'none'
  if (e.GOOGLE_GENAI_USE_VERTEXAI) {
    if (!project) {
      throw new ConfigError(
        'Invalid configuration: GOOGLE_CLOUD_PROJECT (or GCP_PROJECT_ID) must be set when GOOGLE_GENAI_USE_VERTEXAI=true.'
      )
    }
    backend = 'vertex'
  } else if (apiKey) {
    backend = 'developer'
  }

  const cseKey = e.GCP_CSE_API_KEY
  const cseId = e.GCP_CSE_ID
  if (Boolean(cseKey) !== Boolean(cseId)) {
    throw new ConfigError(
      'Invalid configuration: GCP_CSE_API_KEY and GCP_CSE_ID must be set together.'
    )
  }

  const config: Config = {
    port: e.PORT,
    production,
    ai: {
      backend,
      apiKey: backend === 'developer' ? apiKey : undefined,
      project,
      location: e.GOOGLE_CLOUD_LOCATION ?? 'us-central1',
      baseUrl: e.GEMINI_BASE_URL,
      models: {
        text: e.GEMINI_MODEL_TEXT ?? DEFAULT_MODELS.text,
        pro: e.GEMINI_MODEL_PRO ?? DEFAULT_MODELS.pro,
        image: e.GEMINI_MODEL_IMAGE ?? DEFAULT_MODELS.image,
        imagePro: e.GEMINI_MODEL_IMAGE_PRO ?? DEFAULT_MODELS.imagePro,
        imagen: e.IMAGEN_MODEL ?? DEFAULT_MODELS.imagen,
        veo: e.VEO_MODEL ?? DEFAULT_MODELS.veo,
        veoFast: e.VEO_FAST_MODEL ?? DEFAULT_MODELS.veoFast,
      },
      timeoutMs: e.GEMINI_TIMEOUT_MS,
      maxRetries: e.GEMINI_MAX_RETRIES,
    },
    storage: {
      bucket: e.GCP_STORAGE_BUCKET_NAME ?? e.FIREBASE_STORAGE_BUCKET,
      dataDir: e.DATA_DIR ?? './data',
      gcsEndpoint: e.GCS_ENDPOINT,
    },
    jinaApiKey: e.JINA_API_KEY,
    jinaReaderUrl: e.JINA_READER_URL ?? 'https://r.jina.ai',
    cse: cseKey && cseId ? { apiKey: cseKey, id: cseId } : undefined,
    cseEndpoint: e.CSE_ENDPOINT ?? 'https://www.googleapis.com/customsearch/v1',
    staticDir: e.STATIC_DIR,
    apiKeys: e.API_KEYS,
    allowedOrigins: e.ALLOWED_ORIGINS,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    log: {
      level: e.LOG_LEVEL,
      format: e.LOG_FORMAT ?? (production ? 'json' : 'pretty'),
    },
    fetchAllowedPorts: e.FETCH_ALLOWED_PORTS,
  }
  return deepFreeze(config)
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child)
    Object.freeze(value)
  }
  return value
}
