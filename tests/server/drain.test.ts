/**
 * SIGTERM during 50-connection mixed load on the real process (static, deep links, health, JSON
 * steps, saved-work reads and writes, video polls, article streams, job event streams): requests
 * in flight finish, streams end with `server_restarting`, later requests are refused or answered
 * 503 and closed, the process exits 0 within 8 s, and the store holds no half-written job or
 * document: every file parses, no temporary or lock file is left, every saved document is the
 * last write its client saw committed, and every finished job's video is there.
 */
import { afterAll, expect, test } from 'bun:test'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildTestApp } from '../support/app'
import { startFakeGemini } from '../support/fake-gemini'
import {
  counterDocument,
  counterOf,
  DRAIN_DOCUMENTS,
  DRAIN_ROLES,
  drainUpstream,
  outcomesOf,
  startMixedLoad,
} from '../support/mixed-load'
import { smallDist, startServerProcess } from '../support/server-process'

const gemini = await startFakeGemini()
afterAll(() => gemini.stop())

/** Outcomes a request may have: in flight at the signal (answered), or after it. */
const ANSWERED = ['200', '201', '412', '503', 'sse:done', 'sse:over', 'sse:server_restarting']
const AFTER = ['net', '503', 'read:503', 'read:net']
/**
 * Either side of the signal, the edge: a request sent just before it may be refused, and one sent
 * just after it may still be answered (the process takes the signal on its next turn of the event
 * loop, later still under this load).
 */
const EDGE_MS = 250

test('SIGTERM under mixed load: in-flight answers, streams told, clean exit, whole files', async () => {
  gemini.setHandler(drainUpstream)
  gemini.video.script({ outcome: 'never' }, { outcome: 'never' }, { polls: 6 }, { polls: 12 })
  const dist = smallDist()
  const server = await startServerProcess(gemini.url, {
    STATIC_DIR: dist.dir,
    RATE_LIMIT_PER_MINUTE: '0',
    VIDEO_EVENTS_POLL_MS: '100',
  })
  const put = (id: string) =>
    fetch(`${server.base}/api/library/brand-profiles/${id}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'If-None-Match': '*' },
      body: JSON.stringify(counterDocument(id, 0)),
    })
  for (const id of DRAIN_DOCUMENTS) expect((await put(id)).status).toBe(201)
  const jobIds: string[] = []
  for (let i = 0; i < 4; i++) {
    const res = await fetch(`${server.base}/api/video/jobs`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ mode: 'text', prompt: `A lighthouse at dusk, take ${i}` }),
    })
    expect(res.status).toBe(202)
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
    phaseOf: (t) =>
      t < signalledAt - EDGE_MS ? 'before' : t < signalledAt + EDGE_MS ? 'edge' : 'after',
  })
  await Bun.sleep(1_500)
  signalledAt = Date.now()
  server.proc.kill('SIGTERM')
  const code = await server.proc.exited
  const elapsed = Date.now() - signalledAt
  await load.stop()

  expect(code).toBe(0)
  expect(elapsed).toBeLessThan(8_000)
  for (const role of new Set(DRAIN_ROLES)) {
    const before = outcomesOf(load, role, 'before')
    const unexpected = Object.keys(before).filter((o) => !ANSWERED.includes(o))
    expect({ role, unexpected }).toEqual({ role, unexpected: [] })
    const after = Object.keys(outcomesOf(load, role, 'after')).filter((o) => !AFTER.includes(o))
    expect({ role, after }).toEqual({ role, after: [] })
    // The edge (sent around the signal): answered or refused, never a server fault or a cut.
    const edge = Object.keys(outcomesOf(load, role, 'edge')).filter(
      (o) => !ANSWERED.includes(o) && !AFTER.includes(o)
    )
    expect({ role, edge }).toEqual({ role, edge: [] })
  }
  // Streams open at the signal were told, and they were in flight.
  expect(outcomesOf(load, 'articleStream', 'before')['sse:server_restarting']).toBeGreaterThan(0)
  expect(outcomesOf(load, 'jobEvents', 'before')['sse:server_restarting']).toBeGreaterThan(0)
  expect(outcomesOf(load, 'jsonStep', 'before')['200']).toBeGreaterThan(0)
  expect(await server.output()).toContain('SIGTERM received')

  // The store after the exit: whole files, and what the clients saw committed.
  const files = walk(server.dataDir)
  expect(files.filter((f) => f.endsWith('.tmp') || f.includes('.lock'))).toEqual([])
  for (const file of files.filter((f) => f.endsWith('.json'))) {
    expect(() => JSON.parse(readFileSync(file, 'utf8'))).not.toThrow()
  }
  const { app } = buildTestApp({ env: { DATA_DIR: server.dataDir } })
  for (const id of DRAIN_DOCUMENTS) {
    const res = await app.request(`/api/library/brand-profiles/${id}`)
    const saved = (await res.json()) as { etag: string; document: { title: string } }
    const commits = load.commits.get(id) ?? []
    const last = commits.reduce((a, b) => (b.counter > a.counter ? b : a), { counter: 0, etag: '' })
    expect(counterOf(saved.document)).toBe(commits.length)
    expect(counterOf(saved.document)).toBe(last.counter)
    if (commits.length) expect(saved.etag).toBe(last.etag)
  }
  const listed = (await (await app.request('/api/video/jobs')).json()) as {
    items: { status: string; video?: { url: string } }[]
  }
  expect(listed.items).toHaveLength(4)
  for (const job of listed.items.filter((j) => j.status === 'succeeded')) {
    expect((await app.request(job.video?.url ?? '/media/none')).status).toBe(200)
  }
}, 30_000)

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]
  )
}
