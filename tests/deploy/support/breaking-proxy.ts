/**
 * A proxy that breaks one thing of the deployment behind it, to prove that verify-deploy's
 * check for that thing fails (and says so by name). A breaker may change the request on its way
 * in and the response on its way out.
 */

export interface Breaker {
  /** What it breaks, for the test name. */
  name: string
  /** The checks that must fail with it (all others must pass). */
  fails: string[]
  request?: (path: string, headers: Headers) => void
  response?: (path: string, answer: Response) => Response | Promise<Response>
}

export function startBreakingProxy(upstream: string, breaker: Breaker) {
  const server = Bun.serve({
    port: 0,
    hostname: '127.0.0.1',
    async fetch(request) {
      const url = new URL(request.url)
      const headers = new Headers(request.headers)
      headers.delete('Host')
      breaker.request?.(url.pathname, headers)
      const answer = await fetch(upstream + url.pathname + url.search, {
        method: request.method,
        headers,
        redirect: 'manual',
        decompress: false,
      })
      const copy = new Response(answer.body, { status: answer.status, headers: answer.headers })
      return breaker.response ? breaker.response(url.pathname, copy) : copy
    },
  })
  return { url: `http://127.0.0.1:${server.port}`, stop: () => server.stop(true) }
}

/** The same answer with one header changed (null deletes it). */
export function withHeader(answer: Response, name: string, value: string | null): Response {
  const headers = new Headers(answer.headers)
  if (value === null) headers.delete(name)
  else headers.set(name, value)
  return new Response(answer.body, { status: answer.status, headers })
}

/** A JSON answer with the given body, keeping the original headers. */
export function withJson(answer: Response, body: unknown, status = answer.status): Response {
  const headers = new Headers(answer.headers)
  headers.set('Content-Type', 'application/json')
  headers.delete('Content-Length')
  headers.delete('Content-Encoding')
  return new Response(JSON.stringify(body), { status, headers })
}
