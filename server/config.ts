/**
 * @module config
 * Environment variables -> a typed, frozen `Config`. Parsing fails fast with one readable message
 * naming the bad variable and never echoes a value (it may be a secret).
 */
import { MODEL_ROLES, type ModelIds, type ModelRole, ROLES } from './ai/models'
import { DEFAULT_VIDEO_PRICES, readVideoPrices, type VideoPriceTable } from './ai/video-prices'
import { SPEND_FIELDS, type SpendConfig, spendConfig } from './config-spend'
import { type ApiKey, DEFAULT_WORKSPACE } from './core/auth'
import {
  boolean,
  type Field,
  httpUrl,
  integer,
  list,
  oneOf,
  readFields,
  refine,
  text,
} from './core/env-fields'
import type { LogFormat, LogLevel } from './core/logger'

export type AiBackend = 'none' | 'developer' | 'vertex'

export type { SpendConfig } from './config-spend'
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
  readonly spend: SpendConfig
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

/**
 * `name:key` names the key's workspace; a bare key belongs to the default one; `+name:key` is
 * an admin key (its own workspace, and it may read every workspace's usage).
 */
function parseApiKey(entry: string): ApiKey {
  const colon = entry.indexOf(':')
  if (colon < 0) return { workspace: DEFAULT_WORKSPACE, key: entry }
  const admin = entry.startsWith('+')
  const workspace = entry.slice(admin ? 1 : 0, colon)
  return { workspace, key: entry.slice(colon + 1).trim(), ...(admin ? { admin } : {}) }
}

const apiKeys = refine(
  refine(
    list,
    (entries) =>
      entries.map(parseApiKey).every((k) => WORKSPACE_NAME.test(k.workspace) && k.key.length > 0),
    'must be a comma-separated list of keys, each optionally named as workspace:key or +workspace:key for an admin key (a workspace name is 1-32 lowercase letters, digits or dashes, starting with a letter or digit; a key containing ":" must be named)',
    (entries) => entries.map(parseApiKey)
  ),
  (keys) => new Set(keys.map((k) => k.key)).size === keys.length,
  'must not list the same key twice'
)

const MODEL_ID = 'must be a model id such as gemini-3.8-flash'
const modelId: Field<string | undefined> = (raw) => {
  if (raw === undefined) return { ok: true, value: undefined }
  const id = raw.trim()
  return /^[A-Za-z0-9][A-Za-z0-9._\-/]*$/.test(id) && !id.includes('..')
    ? { ok: true, value: id }
    : { ok: false, message: MODEL_ID }
}

const origins = refine(
  list,
  (xs) => xs.every((o) => o === '*' || /^https?:\/\/[^/\s]+$/i.test(o)),
  'must be a comma-separated list of origins such as https://studio.example.com'
)

const ports = refine(
  list,
  (xs) => xs.every((p) => /^\d+$/.test(p) && Number(p) > 0 && Number(p) < 65536),
  'must be a comma-separated list of port numbers',
  (xs) => xs.map(Number)
)

/** 32 random bytes in base64 (`openssl rand -base64 32`). */
const secretsKey: Field<string | undefined> = (raw) => {
  if (raw === undefined) return { ok: true, value: undefined }
  const key = raw.trim()
  return /^[A-Za-z0-9+/]{43}=$/.test(key) && atob(key).length === 32
    ? { ok: true, value: key }
    : { ok: false, message: 'must be 32 random bytes in base64 (openssl rand -base64 32)' }
}

const ENV_FIELDS = {
  PORT: integer(8080, 1, 65535),
  NODE_ENV: text,
  K_SERVICE: text,
  GEMINI_API_KEY: text,
  GOOGLE_API_KEY: text,
  GOOGLE_GENAI_USE_VERTEXAI: boolean,
  GOOGLE_CLOUD_PROJECT: text,
  GCP_PROJECT_ID: text,
  GOOGLE_CLOUD_LOCATION: text,
  GEMINI_BASE_URL: httpUrl,
  VERTEX_MEDIA_LOCATION: text,
  GEMINI_MODEL_SUBSTITUTE: boolean,
  GEMINI_TIMEOUT_MS: integer(60_000, 1_000, 3_600_000),
  GEMINI_INTERACTIVE_TIMEOUT_MS: integer(undefined, 1_000, 600_000),
  GEMINI_IDLE_TIMEOUT_MS: integer(undefined, 1_000, 3_600_000),
  GEMINI_MAX_RETRIES: integer(2, 0, 6),
  GCP_STORAGE_BUCKET_NAME: text,
  FIREBASE_STORAGE_BUCKET: text,
  GCS_ENDPOINT: httpUrl,
  DATA_DIR: text,
  JINA_API_KEY: text,
  JINA_READER_URL: httpUrl,
  GCP_CSE_API_KEY: text,
  GCP_CSE_ID: text,
  CSE_ENDPOINT: httpUrl,
  STATIC_DIR: text,
  API_KEYS: apiKeys,
  ALLOWED_ORIGINS: origins,
  RATE_LIMIT_PER_MINUTE: integer(120, 0, 1_000_000),
  LOG_LEVEL: oneOf(
    ['debug', 'info', 'warn', 'error'] as const,
    'must be one of debug, info, warn, error',
    'info'
  ),
  LOG_FORMAT: oneOf(['json', 'pretty'] as const, 'must be json or pretty'),
  FETCH_ALLOWED_PORTS: ports,
  VIDEO_JOB_DEADLINE_MINUTES: integer(20, 1, 360),
  VIDEO_EVENTS_POLL_MS: integer(5_000, 10, 60_000),
  VIDEO_PRICES: text,
  ...SPEND_FIELDS,
  AIS_DEMO: boolean,
  AIS_DEMO_SITE: httpUrl,
  SEARCH_CONSOLE_ENDPOINT: httpUrl,
  SEARCH_CONSOLE_MAX_ROWS: integer(5_000, 1, 100_000),
  SEARCH_CONSOLE_PAGE_ROWS: integer(1_000, 1, 25_000),
  SECRETS_KEY: secretsKey,
}

/** Every model role's variables (the current name and the older ones it accepts). */
const MODEL_FIELDS = Object.fromEntries(
  MODEL_ROLES.flatMap((role) => ROLES[role].env.map((name) => [name, modelId] as const))
)

/** `VIDEO_PRICES` as JSON, over the defaults; a model it names takes exactly its entries. */
function videoPrices(json: string | undefined): Pick<VideoConfig, 'prices' | 'configuredPrices'> {
  if (!json) return { prices: DEFAULT_VIDEO_PRICES, configuredPrices: new Set() }
  const table = readVideoPrices(json)
  if (!table) {
    throw new ConfigError(
      'Invalid configuration: VIDEO_PRICES must be JSON such as {"veo-3.1-generate-001":{"*":{"audio":0.4,"silent":0.2}}} (US dollars per second, by resolution or "*").'
    )
  }
  return {
    prices: { ...DEFAULT_VIDEO_PRICES, ...table },
    configuredPrices: new Set(Object.keys(table)),
  }
}

/**
 * Parses the environment into a `Config`.
 * @throws {ConfigError} naming every bad variable, without its value.
 */
export function loadConfig(env: Env = process.env): Config {
  const { values: e, problems } = readFields(ENV_FIELDS, env)
  problems.push(...readFields(MODEL_FIELDS, env).problems)
  if (problems.length > 0) {
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}.`)
  }
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
    spend: spendConfig(e, (problem) => new ConfigError(`Invalid configuration: ${problem}.`)),
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
  // The video price table is read-only by type and shared with the defaults: left as it is
  // (freezing its thirty-odd objects showed up in the cold-start profile).
  return deepFreeze(config, config.video.prices)
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

function deepFreeze<T>(value: T, leave?: unknown): T {
  if (value && typeof value === 'object' && value !== leave) {
    for (const child of Object.values(value)) deepFreeze(child, leave)
    Object.freeze(value)
  }
  return value
}
