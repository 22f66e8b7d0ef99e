/**
 * @module logger
 * Structured logging for Cloud Logging: one JSON object per line on stdout with `severity`,
 * `message`, `httpRequest` and the trace key; a readable single-line format for development.
 * Known secrets are masked in every line as a last line of defence.
 */
import type { LogFormat, LogLevel } from '../config'

export type Fields = Record<string, unknown>

export interface Logger {
  debug(message: string, fields?: Fields): void
  info(message: string, fields?: Fields): void
  warn(message: string, fields?: Fields): void
  error(message: string, fields?: Fields): void
  /** A logger that adds `fields` to every entry. */
  child(fields: Fields): Logger
}

export interface LoggerOptions {
  level?: LogLevel
  format?: LogFormat
  /** Where finished lines go; stdout by default. */
  write?: (line: string) => void
  /** Values that must never appear in a log line (API keys). */
  secrets?: readonly (string | undefined)[]
}

const SEVERITY: Record<LogLevel, string> = {
  debug: 'DEBUG',
  info: 'INFO',
  warn: 'WARNING',
  error: 'ERROR',
}
const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 }

export function createLogger(options: LoggerOptions = {}): Logger {
  const minRank = RANK[options.level ?? 'info']
  const format = options.format ?? 'json'
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`))
  const secrets = (options.secrets ?? []).filter((s): s is string => Boolean(s && s.length >= 6))
  const mask = (line: string) =>
    secrets.reduce((out, secret) => out.split(secret).join('[redacted]'), line)

  const make = (bound: Fields): Logger => {
    const log = (level: LogLevel, message: string, fields?: Fields) => {
      if (RANK[level] < minRank) return
      const entry = { ...bound, ...fields }
      const line =
        format === 'json'
          ? JSON.stringify({ severity: SEVERITY[level], message, ...serialize(entry) })
          : pretty(level, message, entry)
      write(mask(line))
    }
    return {
      debug: (m, f) => log('debug', m, f),
      info: (m, f) => log('info', m, f),
      warn: (m, f) => log('warn', m, f),
      error: (m, f) => log('error', m, f),
      child: (fields) => make({ ...bound, ...fields }),
    }
  }
  return make({})
}

/** A logger that drops everything (tests that do not look at logs). */
export const silentLogger: Logger = createLogger({ write: () => {} })

/**
 * The Cloud Logging trace field for a request, from `X-Cloud-Trace-Context: TRACE/SPAN;o=1`.
 * Only meaningful when the project id is known.
 */
export function traceFields(header: string | undefined, projectId: string | undefined): Fields {
  if (!header || !projectId) return {}
  const [trace, rest] = header.split('/')
  if (!trace || !/^[0-9a-f]{32}$/i.test(trace)) return {}
  const fields: Fields = { 'logging.googleapis.com/trace': `projects/${projectId}/traces/${trace}` }
  const span = rest?.split(';')[0]
  if (span && /^\d+$/.test(span)) fields['logging.googleapis.com/spanId'] = span
  if (rest?.includes('o=1')) fields['logging.googleapis.com/trace_sampled'] = true
  return fields
}

function serialize(fields: Fields): Fields {
  const out: Fields = {}
  for (const [key, value] of Object.entries(fields)) {
    out[key] = value instanceof Error ? describeError(value) : value
  }
  return out
}

function describeError(error: Error): Fields {
  return {
    name: error.name,
    message: error.message,
    stack: error.stack,
    ...(error.cause instanceof Error ? { cause: describeError(error.cause) } : {}),
  }
}

function pretty(level: LogLevel, message: string, fields: Fields): string {
  const time = new Date().toISOString().slice(11, 23)
  const parts = [`${time} ${SEVERITY[level].padEnd(7)} ${message}`]
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue
    if (value instanceof Error) {
      parts.push(`\n  ${value.stack ?? value.message}`)
      continue
    }
    parts.push(`${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
  }
  return parts.join(' ')
}
