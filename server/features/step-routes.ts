/**
 * @module features/step-routes
 * Routes as a table: a step route validates its JSON body with a schema from the step's module
 * and calls one function of it with `(ctx, input)`; the module loads on the route's first
 * request, not at start-up. A streaming step answers as Server-Sent Events when the client asks
 * for `text/event-stream`, through the same module's `stream…(ctx, input)`.
 *
 * Each feature says what its step functions receive (`contextOf`); most take the shared
 * `StepContext` (`stepRoutes(deps)`).
 *
 * Each step documents itself for `/api/openapi.json` in its last argument: the operation's id,
 * summary, tag and examples, and `response`, the module's schema of what the step answers (the
 * step function's result must fit it, checked by the compiler).
 *
 * @example
 * const diagnosis = once(() => import('./strategy/diagnosis'))
 * const { step } = stepRoutes(deps)
 * new Hono<AppEnv>().post('/diagnosis', ...step(diagnosis, 'DiagnosisRequest', 'diagnose', {
 *   operationId: 'seoDiagnosis', summary: 'Content-SEO diagnosis of a site', tag: 'SEO',
 *   response: 'DiagnosisResponse',
 *   examples: [{ summary: 'A site', body: { url: 'https://example.com' }, status: 200 }],
 * }))
 */
import type { Context, MiddlewareHandler } from 'hono'
import type * as v from 'valibot'
import type { AppEnv } from '../core/context'
import { annotate, type RouteDoc } from '../core/openapi/route-doc'
import { streamText, type TextStreamEvent, wantsEventStream } from '../core/sse'
import { type JsonTarget, lazyJsonBody } from '../core/validate'
import { type FeatureDeps, stepContext } from './context'
import { textStreamEvents } from './stream-events'

type Schema = v.GenericSchema
/** Keys of `M` that hold a valibot schema. */
type SchemaKey<M> = { [K in keyof M]: M[K] extends Schema ? K : never }[keyof M]
type InputOf<M, S extends SchemaKey<M>> = M[S] extends Schema ? v.InferOutput<M[S]> : never
/** Keys of `M` that hold a step function for that context and input. */
type StepKey<M, C, I> = {
  [K in keyof M]: M[K] extends (ctx: C, input: I) => Promise<unknown> ? K : never
}[keyof M]
type ResultOf<F> = F extends (...args: never[]) => Promise<infer R> ? R : never
/** Keys of `M` that hold a schema the result `T` fits. */
type ResponseKey<M, T> = {
  [K in keyof M]: M[K] extends Schema ? (T extends v.InferOutput<M[K]> ? K : never) : never
}[keyof M]

/** How a step route is documented: `response` names the module's schema of its answer. */
export type StepDoc<R> = Omit<RouteDoc, 'responses' | 'body' | 'events'> & {
  response: R
  /** What the 200 answer is (default: "The result"). */
  answer?: string
}

function stepDoc<M>(load: () => Promise<M>, doc: StepDoc<keyof M>, streaming: boolean): RouteDoc {
  const { response, answer, ...rest } = doc
  const schema = async () => (await load())[response] as Schema
  return {
    upstream: true,
    metered: true,
    ...rest,
    responses: { 200: { description: answer ?? 'The result', schema } },
    ...(streaming ? { events: textStreamEvents(schema) } : {}),
  }
}

/** What a streaming step returns: the events, and the `done` payload built from the whole text. */
export interface TextStream<T> {
  events: AsyncIterable<TextStreamEvent>
  // Method syntax: a step may type the grounding it gets more precisely.
  finish(
    text: string,
    grounding?: Omit<Extract<TextStreamEvent, { type: 'sources' }>, 'type'>
  ): T | Promise<T>
}
type StreamKey<M, C, I> = {
  [K in keyof M]: M[K] extends (ctx: C, input: I) => TextStream<unknown> ? K : never
}[keyof M]

/** Step routes whose functions take the shared `StepContext`. */
export const stepRoutes = (deps: Pick<FeatureDeps, 'ai' | 'store' | 'log'>) =>
  stepRoutesWith((c) => stepContext(deps, c))

/** Step routes whose functions take the context `contextOf` builds for each request. */
export function stepRoutesWith<C>(contextOf: (c: Context<AppEnv>) => C | Promise<C>) {
  const body = <M, S extends SchemaKey<M>>(load: () => Promise<M>, schema: S) =>
    lazyJsonBody(async () => (await load())[schema] as M[S] & Schema) as MiddlewareHandler<
      AppEnv,
      string,
      JsonTarget<M[S] & Schema>
    >

  /** `[validator, handler]` for `.post(path, ...step(load, 'Schema', 'run', doc))`. */
  function step<
    M,
    S extends SchemaKey<M>,
    F extends StepKey<M, C, InputOf<M, S>>,
    R extends ResponseKey<M, ResultOf<M[F]>>,
  >(load: () => Promise<M>, schema: S, run: F, doc: StepDoc<R>) {
    const handler = async (c: Context<AppEnv, string, JsonTarget<M[S] & Schema>>) => {
      const fn = (await load())[run] as (ctx: C, input: InputOf<M, S>) => Promise<ResultOf<M[F]>>
      return c.json(await fn(await contextOf(c), c.req.valid('json') as InputOf<M, S>))
    }
    return [body(load, schema), annotate(handler, { doc: stepDoc(load, doc, false) })] as const
  }

  /** Like `step`, answering as SSE through `stream` when the client accepts `text/event-stream`. */
  function streamingStep<
    M,
    S extends SchemaKey<M>,
    F extends StepKey<M, C, InputOf<M, S>>,
    T extends StreamKey<M, C, InputOf<M, S>>,
    R extends ResponseKey<M, ResultOf<M[F]>>,
  >(load: () => Promise<M>, schema: S, run: F, stream: T, doc: StepDoc<R>) {
    const handler = async (c: Context<AppEnv, string, JsonTarget<M[S] & Schema>>) => {
      const m = await load()
      const input = c.req.valid('json') as InputOf<M, S>
      const ctx = await contextOf(c)
      const fn = m[run] as (ctx: C, input: InputOf<M, S>) => Promise<ResultOf<M[F]>>
      if (wantsEventStream(c)) {
        const open = m[stream] as (ctx: C, input: InputOf<M, S>) => TextStream<unknown>
        // Typed as the JSON answer for `hono/client`, which cannot describe an event stream;
        // streaming clients read the frames themselves.
        return (await streamText(c, open(ctx, input))) as unknown as ReturnType<
          typeof c.json<ResultOf<M[F]>>
        >
      }
      return c.json(await fn(ctx, input))
    }
    return [body(load, schema), annotate(handler, { doc: stepDoc(load, doc, true) })] as const
  }

  return { step, streamingStep }
}
