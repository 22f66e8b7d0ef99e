/**
 * @module bench/baseline-server
 * The yardstick for the benchmarks: a bare `Bun.serve`, no framework, serving the same client
 * build with `Bun.file`. Same port handling as the app (`PORT`, default 8080, on 0.0.0.0) and the
 * same dist (`STATIC_DIR`, else `<cwd>/client/dist`). `/health` answers `{"status":"ok"}`,
 * `/assets/*` the file or 404, any other path the file when it exists, else `index.html`.
 *
 * Run: PORT=8081 STATIC_DIR=client/dist bun bench/baseline-server.ts
 */
import { join, normalize, resolve } from 'node:path'

const port = Number(process.env.PORT ?? 8080)
const dist = resolve(process.env.STATIC_DIR ?? join(process.cwd(), 'client', 'dist'))
const indexHtml = join(dist, 'index.html')

Bun.serve({
  port,
  hostname: '0.0.0.0',
  async fetch(request) {
    const path = new URL(request.url).pathname
    if (path === '/health') return Response.json({ status: 'ok' })
    const file = Bun.file(join(dist, normalize(path)))
    if (path !== '/' && !path.includes('..') && (await file.exists())) {
      const immutable = path.startsWith('/assets/')
      return new Response(file, {
        headers: {
          'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        },
      })
    }
    if (path.startsWith('/assets/')) return new Response('not found', { status: 404 })
    return new Response(Bun.file(indexHtml), {
      headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' },
    })
  },
})
