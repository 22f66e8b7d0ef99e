/**
 * @module scripts/container/container-process
 * One process in a working container, started as Cloud Run starts the image (its entrypoint,
 * given explicitly as `buildah run` does not apply it; host network, a PORT), found on the host
 * by walking down from the `buildah run` process (other containers may run the same binary),
 * timed from spawn to its first 200, and stopped with a signal.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { freePort } from '../../bench/harness'
import { BUILDAH_ENV } from './buildah'

export interface ContainerProcess {
  url: string
  /** ms from spawning `buildah run` to the first 200 on the ready path. */
  readyMs: number
  /** The program's pid on the host (a descendant of `buildah run`). */
  pid(): number | undefined
  /** Sends the signal to the program and waits up to `withinMs` for `buildah run` to end. */
  stop(signal: NodeJS.Signals, withinMs: number): Promise<{ exited: boolean; ms: number }>
  kill(): void
}

export interface StartOptions {
  ctr: string
  program: string
  env?: Record<string, string>
  /** Polled until it answers 200 (default GET /health). */
  ready?: { path: string; init?: RequestInit }
  timeoutMs?: number
}

export async function startInContainer(options: StartOptions): Promise<ContainerProcess> {
  const port = freePort()
  const envArgs = Object.entries({ ...options.env, PORT: String(port) }).flatMap(([k, v]) => [
    '--env',
    `${k}=${v}`,
  ])
  const started = performance.now()
  const proc = Bun.spawn(
    ['buildah', 'run', '--network', 'host', ...envArgs, options.ctr, '--', options.program],
    { env: BUILDAH_ENV, stdout: 'ignore', stderr: 'pipe' }
  )
  const url = `http://127.0.0.1:${port}`
  const ready = options.ready ?? { path: '/health' }
  const deadline = started + (options.timeoutMs ?? 20_000)
  for (;;) {
    const status = await fetch(url + ready.path, ready.init).then(
      (r) => r.arrayBuffer().then(() => r.status),
      () => 0
    )
    if (status === 200) break
    if (proc.exitCode !== null || performance.now() > deadline) {
      proc.kill('SIGKILL')
      const err = await new Response(proc.stderr).text()
      throw new Error(`${options.program} in ${options.ctr}: no 200 on ${ready.path}\n${err}`)
    }
    await Bun.sleep(2)
  }
  const readyMs = performance.now() - started
  const pid = () => descendantRunning(proc.pid, options.program)
  return {
    url,
    readyMs,
    pid,
    async stop(signal, withinMs) {
      const target = pid()
      const sent = performance.now()
      if (target) process.kill(target, signal)
      else proc.kill(signal)
      const exited = await Promise.race([
        proc.exited.then(() => true),
        Bun.sleep(withinMs).then(() => false),
      ])
      return { exited, ms: performance.now() - sent }
    },
    kill: () => proc.kill('SIGKILL'),
  }
}

/** The pid of a process below `root` whose argv[0] is `program`. */
function descendantRunning(root: number, program: string): number | undefined {
  const parents = new Map<number, number>()
  const argv0 = new Map<number, string>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      // Field 4 (ppid) follows the parenthesised command, which may hold spaces.
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]))
      argv0.set(Number(entry), readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0')[0] ?? '')
    } catch {}
  }
  const isBelowRoot = (pid: number): boolean => {
    for (let p = parents.get(pid); p !== undefined && p > 1; p = parents.get(p)) {
      if (p === root) return true
    }
    return false
  }
  return [...argv0].find(([pid, arg]) => arg === program && isBelowRoot(pid))?.[0]
}
