/**
 * A separate process for the cross-process tests: opens a local store on the folder it is given
 * and either increments a counter object `count` times with compare-and-swap retries, or makes
 * one conditional write naming the generation it is given. Prints a JSON line with the outcome.
 * With a start folder, it announces itself there and waits for `go`, so that all workers run
 * at the same time rather than one after the other as they happen to start.
 *
 * Run: bun tests/storage/support/cas-worker.ts <dataDir> increment <count>
 *      bun tests/storage/support/cas-worker.ts <dataDir> claim <generation> <name>
 */
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createLocalStore } from '../../../server/storage/local-store'
import { PreconditionFailed } from '../../../server/storage/types'

const [dataDir = '', mode, arg = '', name = ''] = process.argv.slice(2)
const store = createLocalStore(dataDir)
const key = 'jobs/shared.json'
const json = { contentType: 'application/json' }

const start = process.env.CAS_START_DIR
if (start) {
  writeFileSync(join(start, `ready-${process.pid}`), '')
  while (!existsSync(join(start, 'go'))) await Bun.sleep(1)
}

if (mode === 'increment') {
  let conflicts = 0
  for (let i = 0; i < Number(arg); i++) {
    for (;;) {
      const current = await store.readWithMeta(key)
      const n = Number(new TextDecoder().decode(current?.bytes ?? new Uint8Array()) || 0)
      try {
        await store.put(key, new TextEncoder().encode(String(n + 1)), {
          ...json,
          ifGenerationMatch: current?.meta.generation ?? '0',
        })
        break
      } catch (error) {
        if (!(error instanceof PreconditionFailed)) throw error
        conflicts++
      }
    }
  }
  console.log(JSON.stringify({ conflicts }))
} else if (mode === 'claim') {
  try {
    await store.put(key, new TextEncoder().encode(name), { ...json, ifGenerationMatch: arg })
    console.log(JSON.stringify({ won: true }))
  } catch (error) {
    if (!(error instanceof PreconditionFailed)) throw error
    console.log(JSON.stringify({ won: false }))
  }
}
