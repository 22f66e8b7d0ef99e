/**
 * @module storage/file-lock
 * An exclusive lock on one path that holds across processes sharing a folder (two app instances
 * on one DATA_DIR): `<path>.lock`, created with `open(..., 'wx')`, which exactly one caller wins.
 * A lock older than `staleMs` is the remains of a holder that crashed and is cleared; clearing
 * goes through a second lock and re-checks the lock's token, so two waiters never both clear it
 * (and so never remove a lock somebody has just taken).
 */
import { open, readFile, stat, unlink } from 'node:fs/promises'

export interface FileLockOptions {
  /** A lock older than this is taken to be abandoned. Holders work for milliseconds. */
  staleMs?: number
  /** How long to wait for the lock before giving up with `LockTimeout`. */
  waitMs?: number
}

export const LOCK_STALE_MS = 10_000
export const LOCK_WAIT_MS = 15_000

export class LockTimeout extends Error {
  override name = 'LockTimeout'
}

/**
 * Runs `run` while holding the lock on `path` (whose folder must exist).
 * @example
 * await withFileLock('/data/jobs/j1.json', async () => { read, check, write, rename })
 */
export async function withFileLock<T>(
  path: string,
  run: () => Promise<T>,
  options: FileLockOptions = {}
): Promise<T> {
  const lock = `${path}.lock`
  const token = crypto.randomUUID()
  await acquire(lock, token, options.staleMs ?? LOCK_STALE_MS, options.waitMs ?? LOCK_WAIT_MS)
  try {
    return await run()
  } finally {
    await release(lock, token)
  }
}

async function acquire(lock: string, token: string, staleMs: number, waitMs: number) {
  const deadline = Date.now() + waitMs
  for (let attempt = 0; ; attempt++) {
    if (await tryCreate(lock, token)) return
    const held = await inspect(lock)
    if (held && held.ageMs > staleMs) {
      await clearStale(lock, held.token, staleMs)
      continue
    }
    if (Date.now() > deadline) throw new LockTimeout(`Timed out waiting for ${lock}`)
    // Short, growing, jittered waits: holders finish in a millisecond or two.
    await Bun.sleep(Math.min(1 + attempt, 20) * (0.5 + Math.random()))
  }
}

async function tryCreate(path: string, token: string): Promise<boolean> {
  let handle: Awaited<ReturnType<typeof open>>
  try {
    handle = await open(path, 'wx')
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false
    throw error
  }
  try {
    await handle.writeFile(token)
  } finally {
    await handle.close()
  }
  return true
}

/** The lock's token and age, or undefined when there is no lock. */
async function inspect(lock: string): Promise<{ token: string; ageMs: number } | undefined> {
  try {
    const [info, token] = await Promise.all([stat(lock), readFile(lock, 'utf8')])
    return { token, ageMs: Date.now() - info.mtimeMs }
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined
    throw error
  }
}

/**
 * Removes an abandoned lock if it is still the one seen (same token). Only one process clears at
 * a time (the breaker file); a breaker left by a crash is itself cleared once it is stale.
 */
async function clearStale(lock: string, seenToken: string, staleMs: number) {
  const breaker = `${lock}-break.tmp`
  if (!(await tryCreate(breaker, crypto.randomUUID()))) {
    const other = await inspect(breaker)
    if (other && other.ageMs > staleMs) await removeIfPresent(breaker)
    else await Bun.sleep(1)
    return
  }
  try {
    const now = await inspect(lock)
    if (now && now.token === seenToken && now.ageMs > staleMs) await removeIfPresent(lock)
  } finally {
    await removeIfPresent(breaker)
  }
}

/** Removes the lock only while it is still ours (a holder that stalled may have lost it). */
async function release(lock: string, token: string) {
  const held = await inspect(lock)
  if (held?.token === token) await removeIfPresent(lock)
}

async function removeIfPresent(path: string) {
  await unlink(path).catch((error: unknown) => {
    if (errorCode(error) !== 'ENOENT') throw error
  })
}

export const errorCode = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : undefined
}
