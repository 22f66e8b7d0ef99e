/**
 * @module storage/cas
 * Read-modify-write of one small object by compare-and-swap, on the stores' conditional write:
 * read the object with its generation, compute the next bytes, write them only if the generation
 * is still the one read (`'0'`: only if it still does not exist), and on a conflict read again
 * and decide again. Whatever several instances do at once, each change is applied to what the
 * others left, and none is lost.
 *
 * @example
 * const count = await compareAndSwap(store, 'counters/a.json', (current) => {
 *   const n = current ? Number(new TextDecoder().decode(current.bytes)) + 1 : 1
 *   return { value: n, write: new TextEncoder().encode(String(n)) }
 * })
 */
import { AppError } from '../core/errors'
import { type BlobObject, type BlobStore, PreconditionFailed } from './types'

/** What a change decides: the value to answer, and the bytes to write (none: leave it as is). */
export interface CasStep<T> {
  value: T
  write?: Uint8Array
}

export interface CasOptions {
  /** Attempts under contention before giving up with a 503 (default 8). */
  tries?: number
  contentType?: string
  metadata?: Record<string, string>
}

export const storageBusy = (
  message = 'The record is being changed by others; try again shortly.'
) => new AppError(503, 'storage_busy', message, { headers: { 'Retry-After': '1' } })

/**
 * Applies `change` to the current object (undefined when it does not exist) until its write
 * holds. `change` may run several times and must not have effects of its own; it may throw to
 * abandon the update.
 */
export async function compareAndSwap<T>(
  store: BlobStore,
  key: string,
  change: (current: BlobObject | undefined) => CasStep<T> | Promise<CasStep<T>>,
  options: CasOptions = {}
): Promise<T> {
  const tries = options.tries ?? 8
  for (let attempt = 1; attempt <= tries; attempt++) {
    const current = await store.readWithMeta(key)
    const step = await change(current)
    if (!step.write) return step.value
    try {
      await store.put(key, step.write, {
        contentType: options.contentType ?? 'application/json',
        ...(options.metadata ? { metadata: options.metadata } : {}),
        ifGenerationMatch: current?.meta.generation ?? '0',
      })
      return step.value
    } catch (error) {
      if (!(error instanceof PreconditionFailed)) throw error
      await Bun.sleep(Math.random() * 5 * attempt)
    }
  }
  throw storageBusy()
}

export const encodeJson = (value: unknown) => new TextEncoder().encode(JSON.stringify(value))

/** The object's JSON, or undefined when it is not JSON. */
export function decodeJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes))
  } catch {
    return undefined
  }
}
