/**
 * @module bench/bare-server
 * The start-up yardstick: a bare `Bun.serve` that answers `/health` and nothing else (404), on
 * `PORT` (default 8080) and 0.0.0.0 like the app. The cold-start budget is a ratio to this
 * server run from source (bench/cold-start.ts); compiled, it is the runtime's own floor.
 *
 * Run: PORT=8081 bun bench/bare-server.ts
 */
Bun.serve({
  port: Number(process.env.PORT ?? 8080),
  hostname: '0.0.0.0',
  fetch: (request) =>
    new URL(request.url).pathname === '/health'
      ? Response.json({ status: 'ok' })
      : new Response('not found', { status: 404 }),
})
