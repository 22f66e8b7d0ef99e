/**
 * @module bench/fake-process
 * The fake Gemini in a process of its own for the load benches (so its memory and its work are
 * not the server's): it answers at once, a `route_user_request` call for function requests, an
 * outline for JSON requests, a short article for streams, and video jobs that finish after a
 * few polls (or never, when the prompt says "keep running"). It forgets the requests it recorded every second (a long run would grow otherwise).
 * A control port gives the last request's path and body, to replay it as "the upstream alone".
 */
import { startFakeGemini } from '../tests/support/fake-gemini'

export interface FakeProcess {
  url: string
  /** The path and body of the last model call, as the server sent it. */
  last(): Promise<{ path: string; body: unknown }>
  stop(): Promise<void>
}

export async function startFakeProcess(): Promise<FakeProcess> {
  const proc = Bun.spawn([process.execPath, import.meta.path, '--serve'], {
    stdin: 'ignore',
    stdout: 'pipe',
    stderr: 'inherit',
  })
  const reader = proc.stdout.getReader()
  const { value } = await reader.read()
  reader.releaseLock()
  const { url, control } = JSON.parse(new TextDecoder().decode(value).trim()) as {
    url: string
    control: string
  }
  return {
    url,
    last: async () => (await fetch(control)).json() as Promise<{ path: string; body: unknown }>,
    stop: async () => {
      proc.kill()
      await proc.exited
    },
  }
}

if (process.argv.includes('--serve')) {
  const gemini = await startFakeGemini()
  gemini.setHandler((r) => {
    if (r.action === 'streamGenerateContent') {
      return { chunks: ['# Espresso\n\n', 'Mahlgrad fein.', ' Wasser 93 °C.'] }
    }
    if (r.body?.tools?.[0]?.functionDeclarations) {
      return {
        functionCall: { name: 'route_user_request', args: { intent: 'SEO', query: 'audit' } },
      }
    }
    return { json: { outline: ['## Ausrüstung', '## Mahlgrad', '## Extraktion'] } }
  })
  gemini.video.defaultScript((body) =>
    JSON.stringify(body ?? {}).includes('keep running') ? { outcome: 'never' } : { polls: 3 }
  )
  let last = { path: '', body: undefined as unknown }
  setInterval(() => {
    const latest = gemini.requests.at(-1)
    if (latest?.action === 'generateContent') last = { path: latest.path, body: latest.body }
    gemini.requests.length = 0
  }, 1_000)
  const control = Bun.serve({
    port: 0,
    hostname: '127.0.0.1',
    fetch: () => {
      const latest = gemini.requests.findLast((r) => r.action === 'generateContent')
      return Response.json(latest ? { path: latest.path, body: latest.body } : last)
    },
  })
  console.log(JSON.stringify({ url: gemini.url, control: `http://127.0.0.1:${control.port}` }))
  // Gone with the bench that started it, however that ended.
  const parent = process.ppid
  setInterval(() => {
    if (process.ppid !== parent) process.exit(0)
  }, 500)
}
