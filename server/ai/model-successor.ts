/**
 * @module ai/model-successor
 * Runs a call on the id a role resolves to now. When the service answers that the model is not
 * found (404) in the middle of a run, the id is taken out for the process, the role is resolved
 * anew and the call goes once more on the successor; a successor that fails too fails the call.
 * A stream goes again only when nothing of it was delivered yet. An id the service answered 404
 * for is never asked again: a role that keeps it (an id set explicitly) fails before sending.
 */
import { AppError, errors } from '../core/errors'
import type { ModelResolver } from './model-resolver'
import type { ModelRole } from './model-roles'

export const isModelNotFound = (error: unknown) =>
  error instanceof AppError && error.code === 'upstream_not_found'

/** The id a role runs on, unless the service already said it does not know it. */
export function servedId(resolver: ModelResolver, role: ModelRole): string {
  const id = resolver.idOf(role)
  if (resolver.isNotFound(id)) {
    throw errors.upstream(
      'upstream_not_found',
      'The AI service does not know the configured model.'
    )
  }
  return id
}

export async function onServedModel<T>(
  resolver: ModelResolver,
  role: ModelRole,
  call: (modelId: string) => Promise<T>
): Promise<T> {
  await resolver.ready()
  const id = servedId(resolver, role)
  try {
    return await call(id)
  } catch (error) {
    if (!isModelNotFound(error)) throw error
    const successor = resolver.notFound(role, id)
    if (successor === id) throw error
    return call(successor)
  }
}

export async function* streamOnServedModel<T>(
  resolver: ModelResolver,
  role: ModelRole,
  open: (modelId: string) => AsyncIterable<T>
): AsyncGenerator<T> {
  await resolver.ready()
  const id = servedId(resolver, role)
  let delivered = false
  try {
    for await (const event of open(id)) {
      delivered = true
      yield event
    }
    return
  } catch (error) {
    if (delivered || !isModelNotFound(error)) throw error
    const successor = resolver.notFound(role, id)
    if (successor === id) throw error
    yield* open(successor)
  }
}
