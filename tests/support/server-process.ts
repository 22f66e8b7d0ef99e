/**
 * @module tests/support/server-process
 * The real process entry (`server/index.ts`) in a child `bun`, on a free port, against a fake
 * Gemini, with its JSON log captured: what Cloud Run runs and signals.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const ROOT = join(import.meta.dir, '..', '..')

export interface ServerProcess {
  proc: Bun.Subprocess<'ignore', 'pipe', 'pipe'>
  base: string
  dataDir: string
  /** Everything written to stdout (settles once the process has exited). */
  output(): Promise<string>
}

async function freePort(): Promise<number> {
  const probe = Bun.serve({ port: 0, fetch: () => new Response() })
  const port = probe.port as number
  probe.stop(true)
  return port
}

export async function startServerProcess(
  geminiUrl: string,
  env: Record<string, string> = {},
  /** Another checkout's entry (benches compare builds). */
  root = ROOT
): Promise<ServerProcess> {
  const port = await freePort()
  const dataDir = env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'ais-process-'))
  const proc = Bun.spawn(['bun', join(root, 'server/index.ts')], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      GEMINI_API_KEY: 'test-key-process',
      GEMINI_BASE_URL: geminiUrl,
      GEMINI_MAX_RETRIES: '0',
      DATA_DIR: dataDir,
      LOG_FORMAT: 'json',
      STATIC_DIR: '/nonexistent',
      ...env,
    },
    stdin: 'ignore',
    stdout: 'pipe',
    stderr: 'pipe',
  })
  // Read from the start: a full pipe would block the server's logging.
  const output = new Response(proc.stdout).text()
  const server = { proc, base: `http://127.0.0.1:${port}`, dataDir, output: () => output }
  for (let i = 0; i < 200; i++) {
    const ok = await fetch(`${server.base}/health`).then(
      (r) => r.ok,
      () => false
    )
    if (ok) return server
    await Bun.sleep(25)
  }
  proc.kill()
  throw new Error(`server did not start: ${await new Response(proc.stderr).text()}`)
}

/** A small client build (an HTML page and one hashed asset) in a temporary folder. */
export function smallDist(): { dir: string; assetPath: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ais-dist-'))
  mkdirSync(join(dir, 'assets'))
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><title>AIS Studio</title>' +
      '<script type="module" src="/assets/index-ab12cd34.js"></script></head>' +
      '<body><div id="app"></div></body></html>\n'
  )
  writeFileSync(join(dir, 'assets', 'index-ab12cd34.js'), 'console.log("ais");\n'.repeat(500))
  return { dir, assetPath: '/assets/index-ab12cd34.js' }
}
