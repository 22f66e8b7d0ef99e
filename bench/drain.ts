/**
 * @module bench/drain
 * SIGTERM during 50-connection mixed load (static, deep links, health, JSON steps, saved-work
 * reads and writes, video polls, article streams, job event streams) on the real process entry,
 * this checkout and a baseline (`--baseline=DIR`, a checkout with `node_modules`), one after the
 * other: the time from the signal to the exit, the exit code, and how each kind of request
 * ended, before the signal (in flight) and after it. The same load as `tests/server/drain.test.ts`,
 * which asserts it.
 *
 * Run: bun bench/drain.ts [--baseline=DIR] [--after=1500]
 */
import { resolve } from 'node:path'
import { startFakeGemini } from '../tests/support/fake-gemini'
import {
  counterDocument,
  DRAIN_DOCUMENTS,
  DRAIN_ROLES,
  drainUpstream,
  startMixedLoad,
} from '../tests/support/mixed-load'
import { smallDist, startServerProcess } from '../tests/support/server-process'

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1]
const after = Number(arg('after') ?? 1500)
const baselineDir = arg('baseline')

const gemini = await startFakeGemini()
gemini.setHandler(drainUpstream)
try {
  if (baselineDir) await run('baseline', resolve(baselineDir))
  await run('this checkout', resolve(import.meta.dir, '..'))
} finally {
  gemini.stop()
}

async function run(name: string, root: string) {
  gemini.video.script({ outcome: 'never' }, { outcome: 'never' }, { polls: 6 }, { polls: 12 })
  const dist = smallDist()
  const server = await startServerProcess(
    gemini.url,
    { STATIC_DIR: dist.dir, RATE_LIMIT_PER_MINUTE: '0', VIDEO_EVENTS_POLL_MS: '100' },
    root
  )
  for (const id of DRAIN_DOCUMENTS) {
    await fetch(`${server.base}/api/library/brand-profiles/${id}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'If-None-Match': '*' },
      body: JSON.stringify(counterDocument(id, 0)),
    })
  }
  const jobIds: string[] = []
  for (let i = 0; i < 4; i++) {
    const res = await fetch(`${server.base}/api/video/jobs`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ mode: 'text', prompt: `A lighthouse at dusk, take ${i}` }),
    })
    jobIds.push(((await res.json()) as { id: string }).id)
  }
  let signalledAt = Number.POSITIVE_INFINITY
  const load = startMixedLoad({
    base: server.base,
    connections: DRAIN_ROLES.length,
    roles: DRAIN_ROLES,
    assetPath: dist.assetPath,
    documents: DRAIN_DOCUMENTS,
    jobIds,
    phaseOf: (t) => (t < signalledAt ? 'in flight' : 'after'),
  })
  await Bun.sleep(after)
  signalledAt = Date.now()
  server.proc.kill('SIGTERM')
  const code = await server.proc.exited
  const exitMs = Date.now() - signalledAt
  await load.stop()
  console.log(`\n${name}: SIGTERM after ${after} ms of load; exit ${code} after ${exitMs} ms\n`)
  console.log('| request | sent before the signal: how it ended | sent after |')
  console.log('|---|---|---|')
  for (const role of new Set(DRAIN_ROLES)) {
    const cell = (phase: string) =>
      [...load.tally]
        .filter(([key]) => key.startsWith(`${role}|${phase}|`))
        .map(([key, n]) => `${key.split('|')[2]}: ${n}`)
        .join(', ')
    console.log(`| ${role} | ${cell('in flight')} | ${cell('after')} |`)
  }
}
