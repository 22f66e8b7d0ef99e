/**
 * @module tests/support/mixed-load
 * Mixed load on a running server (shared by the drain and write-integrity tests and
 * `bench/mixed-load.ts`): `connections` clients, each with one role (a static asset, an SPA deep
 * link, `/health`, a JSON step, saved-work reads, saved-work writes with `If-Match`, video job
 * polls, an article as SSE, a job's event stream), sending back to back until stopped. Every
 * answer is tallied by role, phase (the caller's, e.g. before or after SIGTERM) and outcome:
 * the status, `sse:done` / `sse:<error code>` / `sse:cut` for streams, `net` for a connection
 * that failed. Writers keep a ledger of what they committed, to compare with the store after.
 */

export type Role =
  | 'static'
  | 'deepLink'
  | 'health'
  | 'jsonStep'
  | 'libraryRead'
  | 'libraryWrite'
  | 'videoPoll'
  | 'articleStream'
  | 'jobEvents'

/** The fifty clients of a SIGTERM under load (the drain test and `bench/drain.ts`). */
export const DRAIN_ROLES: readonly Role[] = [
  ...Array<Role>(6).fill('static'),
  ...Array<Role>(5).fill('deepLink'),
  ...Array<Role>(4).fill('health'),
  ...Array<Role>(10).fill('jsonStep'),
  ...Array<Role>(5).fill('libraryRead'),
  ...Array<Role>(8).fill('libraryWrite'),
  ...Array<Role>(6).fill('videoPoll'),
  ...Array<Role>(4).fill('articleStream'),
  ...Array<Role>(2).fill('jobEvents'),
]
/** The saved documents they read and write. */
export const DRAIN_DOCUMENTS: readonly string[] = ['doc-a', 'doc-b', 'doc-c', 'doc-d']
/** The model's answers meanwhile: long article streams, JSON steps that take 300 ms. */
export const drainUpstream = (r: { action?: string }) =>
  r.action === 'streamGenerateContent'
    ? { chunks: Array.from({ length: 1_500 }, (_, i) => `Wort ${i}. `) }
    : {
        functionCall: { name: 'route_user_request', args: { intent: 'SEO', query: 'audit' } },
        delayMs: 300,
      }

export interface MixedLoadOptions {
  base: string
  connections: number
  /** Roles given to the clients in turn. */
  roles: readonly Role[]
  /** A hashed asset of the build (for `static`). */
  assetPath: string
  /** Saved documents the writers and readers share (brand profiles, created beforehand). */
  documents: readonly string[]
  /** Video jobs to poll and follow. */
  jobIds: readonly string[]
  /** The phase a request belongs to, from its start time (default `run`). */
  phaseOf?: (startedAt: number) => string
  /** Wait between a client's requests (0: back to back). */
  pauseMs?: number
}

export interface Commit {
  counter: number
  etag: string
}

export interface MixedLoad {
  /** `role|phase|outcome` -> count. */
  readonly tally: Map<string, number>
  /** Per document, the writes its clients saw committed (200), in counter order. */
  readonly commits: Map<string, Commit[]>
  /** Stops after each client's current request, and resolves then. */
  stop(): Promise<void>
}

/** The document a writer saves: the counter is in the title, so the store shows every write. */
export const counterDocument = (id: string, counter: number) => ({
  title: `${id} #${counter}`,
  profile: { globalInfo: { brand_name: `Load ${id}` }, projects: [] },
})

export const counterOf = (document: { title?: string }) =>
  Number(document.title?.match(/#(\d+)$/)?.[1] ?? Number.NaN)

export function startMixedLoad(options: MixedLoadOptions): MixedLoad {
  const tally = new Map<string, number>()
  const commits = new Map<string, Commit[]>(options.documents.map((id) => [id, []]))
  let stopped = false
  const phaseOf = options.phaseOf ?? (() => 'run')
  const note = (role: Role, startedAt: number, outcome: string) => {
    const key = `${role}|${phaseOf(startedAt)}|${outcome}`
    tally.set(key, (tally.get(key) ?? 0) + 1)
  }
  const client = async (index: number) => {
    const role = options.roles[index % options.roles.length] as Role
    const pick = <T>(items: readonly T[], n: number) => items[n % items.length] as T
    for (let n = index; !stopped; n++) {
      const startedAt = Date.now()
      const result = await once(role, options, pick, n, commits).catch(() => 'net')
      if (typeof result === 'string') note(role, startedAt, result)
      else note(role, result.startedAt, result.outcome)
      if (options.pauseMs) await Bun.sleep(options.pauseMs)
    }
  }
  const running = Promise.all(Array.from({ length: options.connections }, (_, i) => client(i)))
  return {
    tally,
    commits,
    stop: async () => {
      stopped = true
      await running
    },
  }
}

async function once(
  role: Role,
  o: MixedLoadOptions,
  pick: <T>(items: readonly T[], n: number) => T,
  n: number,
  commits: Map<string, Commit[]>
): Promise<Result> {
  switch (role) {
    case 'static':
      return status(await fetch(o.base + o.assetPath))
    case 'deepLink':
      return status(await fetch(`${o.base}/seo/brief?step=2`, { headers: { Accept: 'text/html' } }))
    case 'health':
      return status(await fetch(`${o.base}/health`))
    case 'jsonStep':
      return status(await postJson(`${o.base}/api/seo/analyze-intent`, { prompt: 'audit x.com' }))
    case 'libraryRead':
      return status(await fetch(`${o.base}/api/library/brand-profiles/${pick(o.documents, n)}`))
    case 'libraryWrite':
      return write(o.base, pick(o.documents, n), commits)
    case 'videoPoll':
      return status(await fetch(`${o.base}/api/video/jobs/${pick(o.jobIds, n)}`))
    case 'articleStream':
      return streamEnd(
        await postJson(
          `${o.base}/api/seo/write-article`,
          { outline: ['## A'], brief: BRIEF, profile: PROFILE },
          { Accept: 'text/event-stream' }
        )
      )
    case 'jobEvents':
      return streamEnd(
        await fetch(`${o.base}/api/video/jobs/${pick(o.jobIds, n)}/events`, {
          headers: { Accept: 'text/event-stream' },
        })
      )
  }
}

const BRIEF = {
  mainKeyword: 'Espresso zu Hause',
  targetLanguage: 'German',
  targetRegion: 'Germany',
}
const PROFILE = { globalInfo: { brand_name: 'Northwind' }, projects: [] }

const postJson = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })

/** The status, once the whole body has arrived (a body cut short is a `net` failure). */
async function status(res: Response): Promise<string> {
  await res.arrayBuffer()
  return String(res.status)
}

/** How an event stream ended: `done`, a final job status, an `error` event's code, or cut. */
async function streamEnd(res: Response): Promise<string> {
  const text = await res.text()
  if (!res.ok || !res.headers.get('Content-Type')?.includes('text/event-stream')) {
    return String(res.status)
  }
  const events = [...text.matchAll(/^event: (\w+)\ndata: (.*)$/gm)]
  const last = events.at(-1)
  if (last?.[1] === 'done') return 'sse:done'
  if (last?.[1] === 'status') {
    const job = JSON.parse(last[2] ?? '{}') as { status?: string }
    if (['succeeded', 'failed', 'cancelled'].includes(job.status ?? '')) return 'sse:over'
  }
  if (last?.[1] === 'error') {
    const code = (JSON.parse(last[2] ?? '{}') as { error?: { code?: string } }).error?.code
    return `sse:${code ?? 'error'}`
  }
  return 'sse:cut'
}

/** An outcome, with the start of the request it is about when that is not the first one. */
type Result = string | { outcome: string; startedAt: number }

/** Reads the document and saves it with the counter one up, `If-Match` its ETag (the PUT is tallied). */
async function write(base: string, id: string, commits: Map<string, Commit[]>): Promise<Result> {
  const url = `${base}/api/library/brand-profiles/${id}`
  const read = await fetch(url)
  if (read.status !== 200) return `read:${await status(read)}`
  const current = (await read.json()) as { etag: string; document: { title?: string } }
  const counter = counterOf(current.document) + 1
  const startedAt = Date.now()
  const res = await fetch(url, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', 'If-Match': current.etag },
    body: JSON.stringify(counterDocument(id, counter)),
  }).catch(() => undefined)
  if (!res) return { outcome: 'net', startedAt }
  if (res.status !== 200) return { outcome: await status(res), startedAt }
  const saved = (await res.json()) as { etag: string; document: { title?: string } }
  commits.get(id)?.push({ counter: counterOf(saved.document), etag: saved.etag })
  return { outcome: '200', startedAt }
}

/** Tallies of one role, e.g. `{ '200': 812, net: 3 }` (all phases, or one). */
export function outcomesOf(load: Pick<MixedLoad, 'tally'>, role: Role, phase?: string) {
  const out: Record<string, number> = {}
  for (const [key, count] of load.tally) {
    const [r, p, outcome = ''] = key.split('|')
    if (r === role && (phase === undefined || p === phase))
      out[outcome] = (out[outcome] ?? 0) + count
  }
  return out
}
