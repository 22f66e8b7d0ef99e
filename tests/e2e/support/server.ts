/**
 * Starts the real production server (`bun server/index.ts`) as a child process on a free loopback
 * port, with a clean environment: no Gemini or Google credentials unless the caller passes them,
 * no `.env` file, a temporary DATA_DIR, and the built client as STATIC_DIR. A server that dies
 * before it is stopped prints its exit code and output at once: a test then fails with the cause,
 * not only with the browser's connection refused.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Subprocess } from 'bun'

export const REPO_ROOT = resolve(import.meta.dir, '../../..')
export const DIST_DIR = join(REPO_ROOT, 'client/dist')

/** Variables that would configure AI, storage or auth from the caller's shell; cleared. */
const CREDENTIAL_VARS = [
  'GEMINI_API_KEY',
  'GOOGLE_API_KEY',
  'GEMINI_BASE_URL',
  'GOOGLE_GENAI_USE_VERTEXAI',
  'GOOGLE_CLOUD_PROJECT',
  'GCP_PROJECT_ID',
  'GOOGLE_CLOUD_LOCATION',
  'GOOGLE_APPLICATION_CREDENTIALS',
  'GCP_STORAGE_BUCKET_NAME',
  'FIREBASE_STORAGE_BUCKET',
  'JINA_API_KEY',
  'GCP_CSE_API_KEY',
  'GCP_CSE_ID',
  'API_KEYS',
  'ALLOWED_ORIGINS',
]

export interface RunningServer {
  url: string
  /** Everything the server wrote, for a failure message. */
  output: () => string
  stop: () => Promise<void>
}

/** A port nothing listens on right now (PORT=0 is not supported by the server). */
export function freePort(): number {
  const probe = Bun.serve({ port: 0, hostname: '127.0.0.1', fetch: () => new Response() })
  const port = probe.port as number
  probe.stop(true)
  return port
}

/**
 * Starts the server; when it exits during start (its port was taken by another process in the
 * moment between choosing and binding it), it is started again on another port.
 */
export async function startServer(extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  let lastError: unknown
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOnce(extraEnv)
    } catch (error) {
      lastError = error
    }
  }
  throw lastError
}

async function startOnce(extraEnv: Record<string, string>): Promise<RunningServer> {
  const port = freePort()
  const dataDir = mkdtempSync(join(tmpdir(), 'ais-e2e-data-'))
  const env: Record<string, string> = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !CREDENTIAL_VARS.includes(key)) env[key] = value
  }
  Object.assign(env, {
    PORT: String(port),
    STATIC_DIR: DIST_DIR,
    DATA_DIR: dataDir,
    NODE_ENV: 'production',
    LOG_FORMAT: 'json',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '0',
    ...extraEnv,
  })

  let output = ''
  const child: Subprocess<'ignore', 'pipe', 'pipe'> = Bun.spawn(
    ['bun', '--no-env-file', 'server/index.ts'],
    { cwd: REPO_ROOT, env, stdin: 'ignore', stdout: 'pipe', stderr: 'pipe' }
  )
  const collect = async (stream: ReadableStream<Uint8Array>) => {
    const decoder = new TextDecoder()
    for await (const chunk of stream) output += decoder.decode(chunk, { stream: true })
  }
  const collected = Promise.all([collect(child.stdout), collect(child.stderr)])

  const url = `http://127.0.0.1:${port}`
  let healthy = false
  let stopping = false
  void child.exited.then(async (code) => {
    if (!healthy || stopping) return
    await Promise.race([collected, Bun.sleep(1_000)])
    const how = child.signalCode ? `signal ${child.signalCode}` : `exit code ${code}`
    process.stderr.write(
      `\ne2e server ${url} (pid ${child.pid}) died while in use (${how}); its output:\n${output}\n`
    )
  })
  const stop = async () => {
    stopping = true
    if (child.exitCode === null) child.kill('SIGTERM')
    await Promise.race([child.exited, Bun.sleep(9_000)])
    if (child.exitCode === null) child.kill('SIGKILL')
    rmSync(dataDir, { recursive: true, force: true })
  }

  const deadline = Date.now() + 15_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break
    try {
      const health = await fetch(`${url}/health`)
      // Another process may answer on a port ours failed to bind (another suite chose the same
      // free port in the same moment): the listening socket must be our child's.
      if (health.ok) {
        const owner = await listenerIsOurs(child, port)
        if (owner === 'ours') {
          healthy = true
          return { url, output: () => output, stop }
        }
        if (owner === 'theirs') break
      }
    } catch {
      // Not listening yet.
    }
    await Bun.sleep(50)
  }
  await stop()
  throw new Error(`the server did not become healthy on ${url}:\n${output}`)
}

/**
 * Whether the socket listening on `port` belongs to `child`, from /proc (the socket's inode in
 * /proc/net/tcp against the child's open descriptors). Without /proc (not Linux): ours once the
 * child still runs after having had the time to bind or fail. Waits while the child has not
 * bound yet: under load it may start well after the other process already answers.
 */
async function listenerIsOurs(child: Subprocess, port: number): Promise<'ours' | 'theirs'> {
  if (!existsSync('/proc/net/tcp')) {
    await Bun.sleep(300)
    return child.exitCode === null ? 'ours' : 'theirs'
  }
  const portHex = port.toString(16).toUpperCase().padStart(4, '0')
  for (let i = 0; i < 300 && child.exitCode === null; i++) {
    const inodes = ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line) => line.trim().split(/\s+/))
        .filter((f) => f[1]?.endsWith(`:${portHex}`) && f[3] === '0A')
        .map((f) => f[9])
    )
    const sockets = new Set(inodes.map((inode) => `socket:[${inode}]`))
    let fds: string[] = []
    try {
      fds = readdirSync(`/proc/${child.pid}/fd`)
    } catch {
      // The child exited while we looked: the loop ends on its exit code.
    }
    for (const fd of fds) {
      try {
        if (sockets.has(readlinkSync(`/proc/${child.pid}/fd/${fd}`))) return 'ours'
      } catch {
        // Closed while we looked.
      }
    }
    await Bun.sleep(50)
  }
  return 'theirs'
}
