/**
 * @module logger
 * Structured logging for Cloud Logging: one JSON object per line on stdout with `severity`,
 * `message`, `httpRequest` and the trace key; a readable single-line format for development.
 * Known secrets are masked in every line as a last line of defence.
 */
export type LogFormat = 'json' | 'pretty'
export type LogLevel = 'debug' | 'info' | 'warn' | 'error'

export type Fields = Record<string, unknown>

export interface Logger {
  debug(message: string, fields?: Fields): void
  info(message: string, fields?: Fields): void
  warn(message: string, fields?: Fields): void
  error(message: string, fields?: Fields): void
  /** A logger that adds `fields` to every entry. */
  child(fields: Fields): Logger
  /** Whether entries of `level` are written (skip building costly fields otherwise). */
  enabled(level: LogLevel): boolean
  /** Writes out what is buffered (before the process exits). */
  flush(): Promise<void>
  /**
   * Masks `secret` in every line from now on, in this logger and every other one of its family
   * (a credential learnt at run time, such as a WordPress application password).
   */
  redact(secret: string): void
}

export interface LoggerOptions {
  level?: LogLevel
  format?: LogFormat
  /** Where finished lines go; stdout by default (buffered, written once per tick). */
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
  const secrets = new Set(
    (options.secrets ?? []).filter((s): s is string => Boolean(s && s.length >= 6))
  )
  const out = options.write ? { write: options.write, flush: async () => {} } : stdout()
  const sink: Sink = {
    minRank: RANK[options.level ?? 'info'],
    format: options.format ?? 'json',
    ...out,
    secrets,
    mask: (line) => {
      for (const secret of secrets) {
        if (line.includes(secret)) line = line.replaceAll(secret, '[redacted]')
      }
      return line
    },
  }
  return new BoundLogger(sink, {})
}

/**
 * Lines to stdout through Bun's native file sink, written once per tick: `console.log` formats
 * and writes each line synchronously (about 0.2 ms a line, the largest cost of a fast API
 * request), and `process.stdout` would load Node's stream machinery at start (milliseconds of
 * every cold start).
 */
function stdout(): Pick<Sink, 'write' | 'flush'> {
  let writer: ReturnType<typeof Bun.stdout.writer> | undefined
  let scheduled = false
  const flush = async () => {
    scheduled = false
    await writer?.flush()
  }
  return {
    write(line) {
      writer ??= Bun.stdout.writer()
      writer.write(`${line}\n`)
      if (scheduled) return
      scheduled = true
      setImmediate(flush)
    },
    flush,
  }
}

interface Sink {
  minRank: number
  format: LogFormat
  write: (line: string) => void
  flush: () => Promise<void>
  secrets: Set<string>
  mask: (line: string) => string
}

/** Children share the sink and only add fields: making one per request costs one allocation. */
class BoundLogger implements Logger {
  constructor(
    private readonly sink: Sink,
    private readonly bound: Fields
  ) {}

  debug(message: string, fields?: Fields) {
    this.log('debug', message, fields)
  }
  info(message: string, fields?: Fields) {
    this.log('info', message, fields)
  }
  warn(message: string, fields?: Fields) {
    this.log('warn', message, fields)
  }
  error(message: string, fields?: Fields) {
    this.log('error', message, fields)
  }
  child(fields: Fields): Logger {
    return new BoundLogger(this.sink, { ...this.bound, ...fields })
  }
  enabled(level: LogLevel): boolean {
    return RANK[level] >= this.sink.minRank
  }
  flush(): Promise<void> {
    return this.sink.flush()
  }
  redact(secret: string) {
    if (secret.length >= 6) this.sink.secrets.add(secret)
  }

  private log(level: LogLevel, message: string, fields?: Fields) {
    if (RANK[level] < this.sink.minRank) return
    const entry = fields ? { ...this.bound, ...fields } : this.bound
    const line =
      this.sink.format === 'json'
        ? JSON.stringify({ severity: SEVERITY[level], message, ...serialize(entry) })
        : pretty(level, message, entry)
    this.sink.write(this.sink.mask(line))
  }
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
