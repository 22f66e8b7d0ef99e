/**
 * @module usage/call-buffer
 * The calls this instance priced, kept in memory and written in the background, so an answer
 * never waits for the store and many calls of one workspace never queue on one object. Every
 * `flushMs` each workspace-day's new calls become one batch object (`calls/<instance>-<seq>`,
 * created with the conditional write `'0'`, so a retried write can never make a second copy),
 * and the batches are folded into the day's totals with one compare-and-swap. A batch or a fold
 * that fails stays queued and is tried again; the day's totals skip a batch they already hold.
 */
import type { Logger } from '../../core/logger'
import { encodeJson } from '../../storage/cas'
import { type BlobStore, PreconditionFailed } from '../../storage/types'
import { type CallBatch, type CallEntry, type DayDoc, foldBatch } from './day-doc'
import { updateDay } from './day-store'
import { batchKey } from './keys'

export interface CallBufferOptions {
  store: BlobStore
  log: Logger
  /** This process's name in batch keys (`[a-z0-9]`). */
  instance: string
  flushMs: number
  /** A day's totals as just written (to keep the ledger's view of it current). */
  onFolded(workspace: string, doc: DayDoc): void
}

interface DayQueue {
  workspace: string
  day: string
  /** The last batch number given out for this workspace and day. */
  seq: number
  /** Calls not yet in a batch. */
  calls: CallEntry[]
  /** Batches not yet folded, in order; `written` once the object exists. */
  batches: { batch: CallBatch; written: boolean }[]
}

export interface CallBuffer {
  add(workspace: string, day: string, call: CallEntry): void
  /** Micro-dollars this instance priced for the day that the stored totals do not hold yet. */
  unfolded(workspace: string, day: string): number
  /** Writes and folds what is queued (one workspace, or all); resolves when it is done. */
  flush(workspace?: string): Promise<void>
}

const sum = (calls: readonly CallEntry[]) => calls.reduce((n, c) => n + c.micros, 0)

export function createCallBuffer(options: CallBufferOptions): CallBuffer {
  const { store, log, instance } = options
  const queues = new Map<string, DayQueue>()
  const running = new Map<string, Promise<void>>()
  let timer: ReturnType<typeof setTimeout> | undefined

  const schedule = () => {
    if (timer) return
    timer = setTimeout(() => {
      timer = undefined
      void flush()
    }, options.flushMs)
    timer.unref?.()
  }

  async function writeBatches(q: DayQueue): Promise<void> {
    for (const item of q.batches) {
      if (item.written) continue
      try {
        await store.put(
          batchKey(q.workspace, q.day, instance, item.batch.seq),
          encodeJson(item.batch),
          {
            contentType: 'application/json',
            ifGenerationMatch: '0',
          }
        )
        item.written = true
      } catch (error) {
        // Already there: an earlier attempt took effect and only its answer was lost.
        if (error instanceof PreconditionFailed) item.written = true
        else {
          log.warn('Ledger batch not written; it stays queued', {
            workspace: q.workspace,
            err: error,
          })
          return
        }
      }
    }
  }

  async function foldWritten(q: DayQueue): Promise<void> {
    const ready: CallBatch[] = []
    for (const item of q.batches) {
      if (!item.written) break
      ready.push(item.batch)
    }
    if (!ready.length) return
    const scope = { store, workspace: q.workspace, log }
    try {
      const { doc } = await updateDay(scope, q.day, (d) => ({
        changed: ready.map((batch) => foldBatch(d, batch)).some(Boolean),
        value: undefined,
      }))
      const folded = doc.folded[instance] ?? 0
      q.batches = q.batches.filter((item) => item.batch.seq > folded)
      options.onFolded(q.workspace, doc)
    } catch (error) {
      log.warn('Ledger totals not updated; the calls stay queued', {
        workspace: q.workspace,
        err: error,
      })
    }
  }

  async function flushQueue(q: DayQueue): Promise<void> {
    if (q.calls.length) {
      q.seq += 1
      q.batches.push({
        batch: { format: 1, instance, seq: q.seq, calls: q.calls.splice(0) },
        written: false,
      })
    }
    await writeBatches(q)
    await foldWritten(q)
    // The queue stays (with its batch number) for as long as its day may get calls.
    if (q.batches.length || q.calls.length) schedule()
  }

  /** One flush at a time per workspace-day; a flush asked for meanwhile runs after it. */
  function flushOne(id: string, q: DayQueue): Promise<void> {
    const previous = running.get(id) ?? Promise.resolve()
    const next = previous.then(() => flushQueue(q))
    running.set(id, next)
    void next.finally(() => {
      if (running.get(id) === next) running.delete(id)
    })
    return next
  }

  async function flush(workspace?: string): Promise<void> {
    const due = [...queues].filter(
      ([, q]) =>
        (workspace === undefined || q.workspace === workspace) &&
        (q.calls.length > 0 || q.batches.length > 0)
    )
    await Promise.all(due.map(([id, q]) => flushOne(id, q)))
  }

  return {
    add(workspace, day, call) {
      const id = `${workspace}/${day}`
      let q = queues.get(id)
      if (!q) {
        q = { workspace, day, seq: 0, calls: [], batches: [] }
        queues.set(id, q)
        // A new day: the workspace's earlier days get no more calls; drop their empty queues.
        for (const [other, old] of queues) {
          const idle = !old.calls.length && !old.batches.length && !running.has(other)
          if (old.workspace === workspace && old.day < day && idle) queues.delete(other)
        }
      }
      q.calls.push(call)
      schedule()
    },
    unfolded(workspace, day) {
      const q = queues.get(`${workspace}/${day}`)
      return q ? sum(q.calls) + q.batches.reduce((n, item) => n + sum(item.batch.calls), 0) : 0
    },
    flush,
  }
}
