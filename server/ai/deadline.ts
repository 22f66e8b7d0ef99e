/**
 * @module ai/deadline
 * Time budgets for model calls. A total budget covers every attempt of a call, retries and
 * continuations included, so a user never waits longer than the budget of what they asked for;
 * an idle budget (streams, long writing) restarts with every chunk, so long answers finish while
 * a silent upstream is still cut.
 */
import type { AiDeadlines } from '../config'
import type { Deadline } from './types'

export interface Budget {
  /** Aborts when the budget runs out or the caller cancels. */
  readonly signal: AbortSignal
  /** Epoch ms after which no new attempt starts (total budgets only). */
  readonly deadline?: number
  /** True when the budget (not the caller) ended the call. */
  timedOut(): boolean
  /** Restarts an idle budget (a chunk arrived); no effect on a total budget. */
  touch(): void
  dispose(): void
}

const timeoutReason = () => new DOMException('The AI call ran out of time.', 'TimeoutError')

/**
 * A budget for the whole call. Its timer and its listener on the caller's signal hold everything
 * listening to the budget's signal (the SDK's attempt and its fetch), so `dispose()` must run when
 * the call settles: a timer left to fire kept each finished request alive for the whole budget.
 */
export function totalBudget(ms: number, caller?: AbortSignal): Budget {
  const controller = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort(timeoutReason())
  }, ms)
  const onCallerAbort = () => controller.abort(caller?.reason)
  if (caller?.aborted) controller.abort(caller.reason)
  else caller?.addEventListener('abort', onCallerAbort, { once: true })
  return {
    signal: controller.signal,
    deadline: Date.now() + ms,
    timedOut: () => timedOut,
    touch: () => undefined,
    dispose: () => {
      clearTimeout(timer)
      caller?.removeEventListener('abort', onCallerAbort)
    },
  }
}

export function idleBudget(ms: number, caller?: AbortSignal): Budget {
  const idle = new AbortController()
  let timer = setTimeout(() => idle.abort(timeoutReason()), ms)
  return {
    signal: caller ? AbortSignal.any([caller, idle.signal]) : idle.signal,
    timedOut: () => idle.signal.aborted,
    touch: () => {
      clearTimeout(timer)
      timer = setTimeout(() => idle.abort(timeoutReason()), ms)
    },
    dispose: () => clearTimeout(timer),
  }
}

/** The milliseconds a request gets: its own override, else its class's configured budget. */
export function budgetMs(
  deadlines: AiDeadlines,
  request: { deadline?: Deadline; timeoutMs?: number }
): number {
  if (request.timeoutMs) return request.timeoutMs
  switch (request.deadline ?? 'step') {
    case 'interactive':
      return deadlines.interactiveMs
    case 'long':
      return deadlines.idleMs
    default:
      return deadlines.stepMs
  }
}

/** Interactive calls get one retry at most: a user is waiting. */
export const retriesFor = (deadline: Deadline | undefined, configured: number) =>
  deadline === 'interactive' ? Math.min(1, configured) : configured
