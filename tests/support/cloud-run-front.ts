/**
 * A stand-in for Cloud Run's front end on a service deployed with `--no-allow-unauthenticated`:
 * a request without an identity token is refused with 403 and Google's HTML error page, one with
 * a token it does not accept with 401, and the rest are passed to the container unchanged
 * (Cloud Run forwards the Authorization header). The token may come as `Authorization: Bearer` or
 * `X-Serverless-Authorization: Bearer`, as Cloud Run takes both. Requests are recorded.
 *
 * @example
 * const front = startCloudRunFront({ upstream: app.url, token: 'id-token-1' })
 * await fetch(front.url + '/health') // 403
 * front.stop()
 */

export interface CloudRunFront {
  readonly url: string
  /** Every request: path and whether it carried an accepted token. */
  readonly requests: { path: string; authorized: boolean }[]
  /** Points the front at another container (a new revision). */
  setUpstream(url: string): void
  stop(): void
}

const FORBIDDEN_PAGE =
  '<html><head><title>403 Forbidden</title></head><body><h1>Error: Forbidden</h1>' +
  '<h2>Your client does not have permission to get URL from this server.</h2></body></html>'

export function startCloudRunFront(options: { upstream: string; token: string }): CloudRunFront {
  let upstream = options.upstream
  const requests: CloudRunFront['requests'] = []
  const server = Bun.serve({
    port: 0,
    hostname: '127.0.0.1',
    async fetch(request) {
      const url = new URL(request.url)
      const given =
        bearer(request.headers.get('X-Serverless-Authorization')) ??
        bearer(request.headers.get('Authorization'))
      requests.push({ path: url.pathname, authorized: given === options.token })
      if (given === undefined) {
        return new Response(FORBIDDEN_PAGE, {
          status: 403,
          headers: { 'Content-Type': 'text/html; charset=UTF-8' },
        })
      }
      if (given !== options.token) {
        return new Response('Unauthorized', {
          status: 401,
          headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' },
        })
      }
      const headers = new Headers(request.headers)
      headers.delete('Host')
      const answer = await fetch(upstream + url.pathname + url.search, {
        method: request.method,
        headers,
        redirect: 'manual',
        decompress: false,
      })
      return new Response(answer.body, { status: answer.status, headers: answer.headers })
    },
  })
  return {
    url: `http://127.0.0.1:${server.port}`,
    requests,
    setUpstream: (url) => {
      upstream = url
    },
    stop: () => server.stop(true),
  }
}

const bearer = (value: string | null) => value?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? undefined
