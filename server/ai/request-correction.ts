/**
 * @module ai/request-correction
 * A request the service refuses for a rule of the model's family goes again, once, corrected,
 * and the correction is remembered for that model, so the next request is sent right the first
 * time. Today's rule: the thinking level. A 400 naming it is answered with the nearest level the
 * model takes: the allowed values when the refusal lists them (Developer API: "'minimal' is not a
 * supported thinking level for this model. Allowed values are: medium, low, high."), else one
 * step up (Vertex AI: "THINKING_LEVEL_MINIMAL is unsupported"); "Thinking level is not supported
 * for this model" drops the knob. A refusal of Google Search together with a JSON schema
 * ("Tool use with a response mime type: 'application/json' is unsupported") teaches that the model
 * takes them apart: the caller goes again with research, then structure. Each correction is logged
 * once per model with the old and new value, and a corrected request that is refused again fails
 * as it is: there is no loop.
 */
import type { GenerateContentConfig } from '@google/genai'
import type { Logger } from '../core/logger'
import { nearestLevel, THINKING_LEVELS, type ThinkingLevel } from './model-families'
import { UpstreamHttpError } from './upstream-fetch'

/** What was learnt about a model from its refusals. */
interface Learnt {
  /** The levels it takes (from a refusal that listed them). */
  levels?: readonly ThinkingLevel[]
  /** Levels it refused. */
  refused: Set<ThinkingLevel>
  /** It takes no thinking level at all. */
  noThinking?: boolean
  /** It refused Google Search with a JSON schema in one call. */
  searchApartFromJson?: boolean
}

export interface RequestCorrection {
  /** The config as the model is known to take it (what earlier refusals taught). */
  shape(modelId: string, config: GenerateContentConfig): GenerateContentConfig
  /** False once the model refused Google Search with a JSON schema in one call. */
  searchWithJson(modelId: string): boolean
  /**
   * Sends `config` shaped; when the service refuses it for a rule this module knows, learns the
   * rule and sends once more, corrected. Any other failure, and a second refusal, is thrown.
   */
  send<T>(
    modelId: string,
    config: GenerateContentConfig,
    call: (config: GenerateContentConfig) => Promise<T>
  ): Promise<T>
}

export interface RequestCorrectionOptions {
  log: Logger
}

/**
 * One per gateway: what it learns holds for the process.
 * @example
 * const correction = createRequestCorrection({ log })
 * await correction.send('gemini-3.8-flash', config, (shaped) => generateContent(shaped))
 */
export function createRequestCorrection(options: RequestCorrectionOptions): RequestCorrection {
  const learnt = new Map<string, Learnt>()
  const of = (modelId: string) => {
    const entry = learnt.get(modelId) ?? { refused: new Set<ThinkingLevel>() }
    learnt.set(modelId, entry)
    return entry
  }

  function shape(modelId: string, config: GenerateContentConfig): GenerateContentConfig {
    const known = learnt.get(modelId)
    const level = levelOf(config)
    if (!known || !level) return config
    if (known.noThinking) return withLevel(config, undefined)
    const takes = (known.levels ?? THINKING_LEVELS).filter((l) => !known.refused.has(l))
    return withLevel(config, nearestLevel(level, takes))
  }

  /** The corrected config for a refusal, remembered; undefined when it is not ours to fix. */
  function correct(modelId: string, config: GenerateContentConfig, error: unknown) {
    const level = levelOf(config)
    const message = refusalMessage(error)
    if (message === undefined) return undefined
    if (SEARCH_WITH_JSON.test(message)) {
      if (!of(modelId).searchApartFromJson) {
        options.log.warn('request corrected: the model takes Google Search and JSON apart', {
          model: modelId,
          from: 'one call',
          to: 'research, then structure',
        })
      }
      of(modelId).searchApartFromJson = true
      return undefined
    }
    if (!level) return undefined
    const entry = of(modelId)
    if (/thinking level is not supported/i.test(message)) {
      entry.noThinking = true
    } else if (isLevelRefusal(message)) {
      entry.refused.add(level)
      const allowed = allowedLevels(message)
      if (allowed?.length) entry.levels = allowed
    } else {
      return undefined
    }
    const fixed = shape(modelId, config)
    const next = levelOf(fixed)
    if (next === level) return undefined
    options.log.warn('request corrected: the model refused its thinking level', {
      model: modelId,
      from: level,
      to: next ?? 'none',
    })
    return fixed
  }

  return {
    shape,
    searchWithJson: (modelId) => !learnt.get(modelId)?.searchApartFromJson,
    async send(modelId, config, call) {
      const shaped = shape(modelId, config)
      try {
        return await call(shaped)
      } catch (error) {
        const fixed = correct(modelId, shaped, error)
        if (!fixed) throw error
        return call(fixed)
      }
    },
  }
}

const levelOf = (config: GenerateContentConfig): ThinkingLevel | undefined => {
  const level = config.thinkingConfig?.thinkingLevel
  return level ? (String(level).toLowerCase() as ThinkingLevel) : undefined
}

function withLevel(config: GenerateContentConfig, level: ThinkingLevel | undefined) {
  const { thinkingConfig, ...rest } = config
  if (!level) {
    const { thinkingLevel: _, ...otherThinking } = thinkingConfig ?? {}
    return Object.keys(otherThinking).length ? { ...rest, thinkingConfig: otherThinking } : rest
  }
  return {
    ...rest,
    thinkingConfig: { ...thinkingConfig, thinkingLevel: level.toUpperCase() as never },
  }
}

const SEARCH_WITH_JSON = /Tool use with a response mime type: 'application\/json' is unsupported/i

const isLevelRefusal = (message: string) =>
  /is not a supported thinking level|THINKING_LEVEL_[A-Z]+ is unsupported|thinking.?level/i.test(
    message
  )

function allowedLevels(message: string): ThinkingLevel[] | undefined {
  const list = /Allowed values are:\s*([a-z_,\s]+)/i.exec(message)?.[1]
  if (!list) return undefined
  return list
    .split(',')
    .map((l) =>
      l
        .trim()
        .toLowerCase()
        .replace(/^thinking_level_/, '')
    )
    .filter((l): l is ThinkingLevel => (THINKING_LEVELS as readonly string[]).includes(l))
}

/** The service's words for a 400, wherever the error carries them. */
function refusalMessage(error: unknown): string | undefined {
  for (let e = error, depth = 0; e && depth < 6; depth++) {
    if (e instanceof UpstreamHttpError) return e.status === 400 ? e.upstreamMessage : undefined
    e = (e as { cause?: unknown }).cause
  }
  return undefined
}
