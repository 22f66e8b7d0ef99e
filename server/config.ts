/**
 * @module config
 * Environment variables -> a typed, frozen `Config`. Parsing fails fast with one readable message
 * naming the bad variable and never echoes a value (it may be a secret).
 */
import * as v from 'valibot'
import { MODEL_ROLES, type ModelIds, type ModelRole, ROLES } from './ai/models'
import { DEFAULT_VIDEO_PRICES, type VideoPriceTable } from './ai/video-prices'
import { type ApiKey, DEFAULT_WORKSPACE } from './core/auth'
import type { LogFormat, LogLevel } from './core/logger'

export type AiBackend = 'none' | 'developer' | 'vertex'

export { type ApiKey, DEFAULT_WORKSPACE } from './core/auth'
export type { LogFormat, LogLevel } from './core/logger'
export const WORKSPACE_NAME = /^[a-z0-9][a-z0-9-]{0,31}$/

export interface Config {
  readonly port: number
  readonly production: boolean
  readonly ai: {
    readonly backend: AiBackend
    readonly apiKey?: string
    readonly project?: string
    /** Vertex AI location of the Gemini models (Gemini 3 is served from `global`). */
    readonly location: string
    /** Vertex AI location of Imagen and Veo, which are regional. */
    readonly mediaLocation: string
    readonly baseUrl?: string
    readonly models: Readonly<ModelIds>
    /** Roles whose id a variable set (the others run their catalogue default). */
    readonly explicitModels: readonly ModelRole[]
    /**
     * `GEMINI_MODEL_SUBSTITUTE`: an id set explicitly that the service does not serve is replaced
     * by the role's next candidate too (by default it is named, not swapped).
     */
    readonly substituteExplicitModels: boolean
    readonly deadlines: AiDeadlines
    readonly maxRetries: number
  }
  readonly storage: {
    readonly bucket?: string
    readonly dataDir: string
    /** Cloud Storage endpoint override (a fake or emulator). */
    readonly gcsEndpoint?: string
  }
  readonly video: VideoConfig
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
  /**
   * Set by `bun run dev:demo` (AIS_DEMO=true): the model behind the server is the scripted test
   * fake, so the UI labels its answers as demo answers. `sampleSite` (AIS_DEMO_SITE) is the demo's
   * reachable sample website for brand analysis.
   */
  readonly demo?: { readonly sampleSite?: string }
  /** Search Console API (the SEO workflow's real search data). */
  readonly searchConsole: SearchConsoleConfig
  /**
   * `SECRETS_KEY`: 32 bytes (base64) that encrypt stored credentials (WordPress application
   * passwords) with AES-GCM; without it those credentials cannot be saved.
   */
  readonly secretsKey?: string
}

export interface SearchConsoleConfig {
  /** `SEARCH_CONSOLE_ENDPOINT`: the API's root (Google's, or a test fake). */
  readonly endpoint: string
  /** `SEARCH_CONSOLE_MAX_ROWS`: rows read per report table at most (the cap is reported). */
  readonly maxRows: number
  /** `SEARCH_CONSOLE_PAGE_ROWS`: rows asked for per request (`rowLimit`, paged with `startRow`). */
  readonly pageRows: number
}

/** Time budgets of model calls, retries included (see `ai/deadline.ts`). */
export interface AiDeadlines {
  /** Calls a user waits on interactively (intent routing, prompt tools). */
  readonly interactiveMs: number
  /** One JSON or text step. */
  readonly stepMs: number
  /** Streams (and long writing, streamed internally): the longest silence between chunks. */
  readonly idleMs: number
}

/** Video jobs (see `features/video`). */
export interface VideoConfig {
  /** A job that has not finished this long after it was created fails (`VIDEO_JOB_DEADLINE_MINUTES`). */
  readonly jobDeadlineMs: number
  /** How often an event stream asks the backend about its job (`VIDEO_EVENTS_POLL_MS`). */
  readonly eventsPollMs: number
  /** Price per second by model and resolution: the defaults with `VIDEO_PRICES` over them. */
  readonly prices: VideoPriceTable
  /** Model ids whose prices come from `VIDEO_PRICES`. */
  readonly configuredPrices: ReadonlySet<string>
}

export type Env = Record<string, string | undefined>

export class ConfigError extends Error {
  override name = 'ConfigError'
}

const optionalText = v.optional(
  v.pipe(
    v.string(),
    v.trim(),
    v.transform((s) => s || undefined)
  )
)

const integerText = (min: number, max: number) =>
  v.pipe(
    v.string(),
    v.trim(),
    v.regex(/^\d+$/, `must be a whole number between ${min} and ${max}`),
    v.transform(Number),
    v.minValue(min, `must be a whole number between ${min} and ${max}`),
    v.maxValue(max, `must be a whole number between ${min} and ${max}`)
  )

const integer = (fallback: number, min: number, max: number) =>
  v.optional(integerText(min, max), String(fallback))

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
    v.regex(/^[A-Za-z0-9][A-Za-z0-9._\-/]*$/, 'must be a model id such as gemini-3.8-flash'),
    v.check((s) => !s.includes('..'), 'must be a model id such as gemini-3.8-flash')
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
  VERTEX_MEDIA_LOCATION: optionalText,
  ...Object.fromEntries(
    MODEL_ROLES.flatMap((role) => ROLES[role].env.map((name) => [name, modelId] as const))
  ),
  GEMINI_MODEL_SUBSTITUTE: boolean,
  GEMINI_TIMEOUT_MS: integer(60_000, 1_000, 3_600_000),
  GEMINI_INTERACTIVE_TIMEOUT_MS: v.optional(integerText(1_000, 600_000)),
  GEMINI_IDLE_TIMEOUT_MS: v.optional(integerText(1_000, 3_600_000)),
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
  VIDEO_JOB_DEADLINE_MINUTES: integer(20, 1, 360),
  VIDEO_EVENTS_POLL_MS: integer(5_000, 10, 60_000),
  VIDEO_PRICES: optionalText,
  AIS_DEMO: boolean,
  AIS_DEMO_SITE: httpUrl,
  SEARCH_CONSOLE_ENDPOINT: httpUrl,
  SEARCH_CONSOLE_MAX_ROWS: integer(5_000, 1, 100_000),
  SEARCH_CONSOLE_PAGE_ROWS: integer(1_000, 1, 25_000),
  SECRETS_KEY: v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      v.check(
        (s) => /^[A-Za-z0-9+/]{43}=$/.test(s) && atob(s).length === 32,
        'must be 32 random bytes in base64 (openssl rand -base64 32)'
      )
    )
  ),
})

const PriceNumber = v.pipe(v.number(), v.minValue(0), v.maxValue(100))
const VideoPricesJson = v.record(
  v.pipe(v.string(), v.regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/)),
  v.record(
    v.picklist(['*', '360p', '720p', '1080p', '4k']),
    v.strictObject({ audio: PriceNumber, silent: PriceNumber })
  )
)

/** `VIDEO_PRICES` as JSON, over the defaults; a model it names takes exactly its entries. */
function videoPrices(json: string | undefined): Pick<VideoConfig, 'prices' | 'configuredPrices'> {
  if (!json) return { prices: DEFAULT_VIDEO_PRICES, configuredPrices: new Set() }
  let parsed: unknown
  try {
    parsed = JSON.parse(json)
  } catch {
    parsed = undefined
  }
  const result = v.safeParse(VideoPricesJson, parsed)
  if (!result.success) {
    throw new ConfigError(
      'Invalid configuration: VIDEO_PRICES must be JSON such as {"veo-3.1-generate-001":{"*":{"audio":0.4,"silent":0.2}}} (US dollars per second, by resolution or "*").'
    )
  }
  return {
    prices: { ...DEFAULT_VIDEO_PRICES, ...result.output },
    configuredPrices: new Set(Object.keys(result.output)),
  }
}

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
      location: e.GOOGLE_CLOUD_LOCATION ?? 'global',
      mediaLocation: e.VERTEX_MEDIA_LOCATION ?? 'us-central1',
      baseUrl: e.GEMINI_BASE_URL,
      ...modelIds(env),
      substituteExplicitModels: e.GEMINI_MODEL_SUBSTITUTE,
      deadlines: {
        interactiveMs: e.GEMINI_INTERACTIVE_TIMEOUT_MS ?? Math.min(8_000, e.GEMINI_TIMEOUT_MS),
        stepMs: e.GEMINI_TIMEOUT_MS,
        idleMs: e.GEMINI_IDLE_TIMEOUT_MS ?? e.GEMINI_TIMEOUT_MS,
      },
      maxRetries: e.GEMINI_MAX_RETRIES,
    },
    storage: {
      bucket: e.GCP_STORAGE_BUCKET_NAME ?? e.FIREBASE_STORAGE_BUCKET,
      dataDir: e.DATA_DIR ?? './data',
      gcsEndpoint: e.GCS_ENDPOINT,
    },
    video: {
      jobDeadlineMs: e.VIDEO_JOB_DEADLINE_MINUTES * 60_000,
      eventsPollMs: e.VIDEO_EVENTS_POLL_MS,
      ...videoPrices(e.VIDEO_PRICES),
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
    demo: e.AIS_DEMO ? { sampleSite: e.AIS_DEMO_SITE } : undefined,
    searchConsole: {
      endpoint: (e.SEARCH_CONSOLE_ENDPOINT ?? 'https://searchconsole.googleapis.com').replace(
        /\/+$/,
        ''
      ),
      maxRows: e.SEARCH_CONSOLE_MAX_ROWS,
      pageRows: e.SEARCH_CONSOLE_PAGE_ROWS,
    },
    secretsKey: e.SECRETS_KEY,
  }
  return deepFreeze(config)
}

/** Each role's id: its variable (or an older name it accepts), else the catalogue default. */
function modelIds(env: Env): { models: ModelIds; explicitModels: ModelRole[] } {
  const models = {} as ModelIds
  const explicitModels: ModelRole[] = []
  for (const role of MODEL_ROLES) {
    const { env: names, defaultId } = ROLES[role]
    const given = names.map((name) => env[name]?.trim()).find(Boolean)
    models[role] = given ?? defaultId
    if (given) explicitModels.push(role)
  }
  return { models, explicitModels }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child)
    Object.freeze(value)
  }
  return value
}
