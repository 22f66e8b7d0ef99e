/**
 * `bun run dev`: one command for development. Starts the API server in watch mode on an internal
 * port (8787, or the next free one) and Vite with HMR on 5173, which proxies `/api`, `/media` and
 * `/health` to it (vite.config.ts reads the port from AIS_API_PORT). Ctrl-C stops both; if one of
 * them exits, the other is stopped too. Works without credentials: the UI then says AI is off.
 *
 * `bun run dev:demo` (`--demo`): the API is the demo stack instead (scripts/demo-server.ts: the
 * fake Gemini answering as a scripted model, a sample website for brand analysis, AIS_DEMO=true
 * so the UI shows a "demo answers" banner), to click through the workspace without a key.
 */
import type { Subprocess } from 'bun'

const PREFERRED_API_PORT = 8787

/** The first port from `start` that nothing listens on. */
function freePort(start: number): number {
  for (let port = start; port < start + 50; port++) {
    try {
      const probe = Bun.serve({ port, hostname: '0.0.0.0', fetch: () => new Response() })
      probe.stop(true)
      return port
    } catch {
      // In use; try the next one.
    }
  }
  throw new Error(`no free port between ${start} and ${start + 49}`)
}

const apiPort = process.env.AIS_API_PORT
  ? Number(process.env.AIS_API_PORT)
  : freePort(PREFERRED_API_PORT)
const env: Record<string, string | undefined> = { ...process.env, AIS_API_PORT: String(apiPort) }

const demo = process.argv.includes('--demo')
const serverCommand = demo
  ? ['bun', '--watch', 'scripts/demo-server.ts']
  : ['bun', '--watch', 'server/index.ts']

const children: Subprocess[] = [
  Bun.spawn(serverCommand, {
    env: {
      ...env,
      PORT: String(apiPort),
      NODE_ENV: 'development',
      LOG_FORMAT: env.LOG_FORMAT ?? 'pretty',
    },
    stdio: ['inherit', 'inherit', 'inherit'],
  }),
  Bun.spawn(['bunx', '--bun', 'vite', '--port', '5173'], {
    env,
    stdio: ['inherit', 'inherit', 'inherit'],
  }),
]
console.log(
  `dev: ${demo ? 'demo ' : ''}API on http://localhost:${apiPort} (watch mode), UI on http://localhost:5173`
)

let stopping = false
async function stopAll(code: number): Promise<never> {
  if (!stopping) {
    stopping = true
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM')
    // The server drains within 8 s on SIGTERM; do not wait forever for either.
    const timeout = Bun.sleep(10_000).then(() => {
      for (const child of children) if (child.exitCode === null) child.kill('SIGKILL')
    })
    await Promise.race([Promise.all(children.map((c) => c.exited)), timeout])
  }
  process.exit(code)
}

process.on('SIGINT', () => void stopAll(0))
process.on('SIGTERM', () => void stopAll(0))
for (const child of children) {
  void child.exited.then((code) => {
    if (!stopping) {
      console.error(`dev: a process exited (code ${code}); stopping the other one.`)
      void stopAll(code || 1)
    }
  })
}
