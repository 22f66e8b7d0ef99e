/**
 * @module ai/circuit-breaker
 * A circuit per backend and model: after `failureThreshold` outages in a row (429, 408, 5xx, a
 * timeout, a dropped connection, an unreadable 200) it opens and every call to that model fails
 * at once for a cool-down (the service's `Retry-After` when longer) instead of queueing doomed
 * calls; then one call probes, and its outcome closes or reopens the circuit. A refusal of our
 * request (400, 401, 403, 404), a cancelled call or a model answer we reject are not outages and
 * never open it. Each opening is logged once; the open circuits are listed for
 * `/api/capabilities`.
 *
 * @example
 * const breaker = circuitBreaker({ log })
 * breaker.admit('developer', 'gemini-3.8-flash') // throws the fast-fail error while open
 * breaker.failed('developer', 'gemini-3.8-flash', { code: 'upstream_error' })
 */
import { AppError } from '../core/errors'
import type { Logger } from '../core/logger'

export interface CircuitBreakerOptions {
  /** Outages in a row that open a circuit (default 5). */
  failureThreshold?: number
  /** How long an open circuit fails fast before one call may try again (default 5 s). */
  coolDownMs?: number
  /** The longest cool-down, however long the service asks us to wait (default 60 s). */
  maxCoolDownMs?: number
  log?: Logger
  now?: () => number
}

/** What an outage was: the error code it maps to, and the wait the service asked for. */
export interface Outage {
  code: string
  retryAfterSeconds?: number
}

/** A circuit that is not closed, as `/api/capabilities` shows it. */
export interface CircuitStatus {
  backend: string
  model: string
  state: 'open' | 'half-open'
  /** The outage that opened it (`upstream_rate_limited`, `upstream_error`, `upstream_timeout`…). */
  reason: string
  openedAt: string
  /** Seconds until a call may try again (0 while half-open). */
  retryAfterSeconds: number
}

export interface CircuitBreaker {
  /** Throws the fast-fail error while the circuit is open; in half-open lets one probe through. */
  admit(backend: string, model: string): void
  succeeded(backend: string, model: string): void
  failed(backend: string, model: string, outage: Outage): void
  /** The call ended without telling (cancelled, refused input): frees a probe's place. */
  released(backend: string, model: string): void
  /** The circuits that are not closed. */
  status(): CircuitStatus[]
  /** One attempt through the circuit: refused while open, its outcome recorded. */
  call<T>(backend: string, model: string, attempt: () => Promise<T>, outage: OutageOf): Promise<T>
  /** A stream through the circuit: its outcome is known only once it has ended or failed. */
  watch<T>(
    backend: string,
    model: string,
    stream: AsyncIterable<T>,
    outage: OutageOf
  ): AsyncGenerator<T>
}

/** Which failures are outages (the caller knows whether its own budget ran out). */
export type OutageOf = (error: unknown) => Outage | undefined

interface Circuit {
  failures: number
  openUntil: number
  openedAt: number
  reason?: Outage
  probing: boolean
}

export function circuitBreaker(options: CircuitBreakerOptions = {}): CircuitBreaker {
  const threshold = options.failureThreshold ?? 5
  const coolDown = options.coolDownMs ?? 5_000
  const maxCoolDown = options.maxCoolDownMs ?? 60_000
  const now = options.now ?? Date.now
  const circuits = new Map<string, Circuit>()
  const keyOf = (backend: string, model: string) => `${backend}\u0000${model}`
  const circuit = (backend: string, model: string) => {
    const key = keyOf(backend, model)
    let c = circuits.get(key)
    if (!c) {
      c = { failures: 0, openUntil: 0, openedAt: 0, probing: false }
      circuits.set(key, c)
    }
    return c
  }

  const open = (c: Circuit, backend: string, model: string, outage: Outage) => {
    const asked = (outage.retryAfterSeconds ?? 0) * 1000
    const ms = Math.min(maxCoolDown, Math.max(coolDown, asked))
    const reopened = c.openedAt > 0
    c.openUntil = now() + ms
    c.openedAt = reopened ? c.openedAt : now()
    c.reason = outage
    c.probing = false
    options.log?.warn(
      reopened
        ? `circuit for ${model} stays open: the probe failed (${outage.code})`
        : `circuit for ${model} opened: ${c.failures} failures in a row (${outage.code})`,
      { backend, model, reason: outage.code, coolDownMs: ms }
    )
  }

  const breaker: CircuitBreaker = {
    admit(backend, model) {
      const c = circuits.get(keyOf(backend, model))
      if (!c || c.openedAt === 0) return
      const wait = c.openUntil - now()
      if (wait <= 0 && !c.probing) {
        c.probing = true
        return
      }
      throw circuitOpen(c.reason, Math.max(1, Math.ceil(wait / 1000)))
    },
    succeeded(backend, model) {
      const c = circuits.get(keyOf(backend, model))
      if (!c) return
      if (c.openedAt > 0) {
        options.log?.info(`circuit for ${model} closed`, {
          backend,
          model,
          openMs: now() - c.openedAt,
        })
      }
      circuits.delete(keyOf(backend, model))
    },
    failed(backend, model, outage) {
      const c = circuit(backend, model)
      c.failures++
      if (c.openedAt > 0) {
        // Calls admitted before it opened may still be failing: only the probe reopens it.
        if (c.probing) open(c, backend, model, outage)
        return
      }
      if (c.failures >= threshold) open(c, backend, model, outage)
    },
    released(backend, model) {
      const c = circuits.get(keyOf(backend, model))
      if (c) c.probing = false
    },
    status() {
      const t = now()
      return [...circuits.entries()]
        .filter(([, c]) => c.openedAt > 0)
        .map(([key, c]) => {
          const [backend = '', model = ''] = key.split('\u0000')
          return {
            backend,
            model,
            state: c.openUntil > t ? 'open' : 'half-open',
            reason: c.reason?.code ?? 'upstream_error',
            openedAt: new Date(c.openedAt).toISOString(),
            retryAfterSeconds: Math.max(0, Math.ceil((c.openUntil - t) / 1000)),
          }
        })
    },
    async call(backend, model, attempt, outageOf) {
      breaker.admit(backend, model)
      try {
        const result = await attempt()
        breaker.succeeded(backend, model)
        return result
      } catch (error) {
        settle(backend, model, outageOf(error))
        throw error
      }
    },
    async *watch(backend, model, stream, outageOf) {
      let settled = false
      try {
        yield* stream
        settled = true
        breaker.succeeded(backend, model)
      } catch (error) {
        settled = true
        settle(backend, model, outageOf(error))
        throw error
      } finally {
        // The reader stopped early (client gone): no verdict on the service.
        if (!settled) breaker.released(backend, model)
      }
    },
  }
  const settle = (backend: string, model: string, outage: Outage | undefined) => {
    if (outage) breaker.failed(backend, model, outage)
    else breaker.released(backend, model)
  }
  return breaker
}

/**
 * The fast failure: a circuit opened by the service's quota answers as the quota did (429 with
 * `Retry-After`); any other outage is a 503 `upstream_unavailable` with `Retry-After`.
 */
function circuitOpen(reason: Outage | undefined, seconds: number): AppError {
  const options = {
    headers: { 'Retry-After': String(seconds) },
    details: { retryAfterSeconds: seconds, circuit: 'open' },
  }
  if (reason?.code === 'upstream_rate_limited') {
    return new AppError(
      429,
      'upstream_rate_limited',
      `The AI service is over its quota; try again in ${seconds} s.`,
      options
    )
  }
  return new AppError(
    503,
    'upstream_unavailable',
    `The AI service is failing right now; try again in ${seconds} s.`,
    options
  )
}
