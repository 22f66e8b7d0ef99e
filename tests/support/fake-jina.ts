/**
 * A fake Jina Reader on loopback: `GET /<page URL>` with `Accept: application/json` answers
 * `{ code, status, data: { title, description, url, content, images } }` as r.jina.ai does.
 * Records the page URL asked for and the headers (Authorization), so tests can check that a
 * refused URL never reaches it.
 */

export interface JinaRequest {
  target: string
  headers: Record<string, string>
}

export interface JinaPageReply {
  title: string
  content: string
  description?: string
  images?: Record<string, string>
}

export interface FakeJina {
  readonly url: string
  readonly requests: JinaRequest[]
  reply(page: JinaPageReply | { status: number }): void
  reset(): void
  stop(): void
}

export async function startFakeJina(): Promise<FakeJina> {
  const requests: JinaRequest[] = []
  let next: JinaPageReply | { status: number } = { status: 500 }

  const server = Bun.serve({
    port: 0,
    hostname: '127.0.0.1',
    fetch(req) {
      const url = new URL(req.url)
      const target = `${url.pathname.slice(1)}${url.search}`
      requests.push({ target, headers: Object.fromEntries(req.headers) })
      if ('status' in next) {
        return Response.json(
          { code: next.status, name: 'Error', message: 'fake' },
          { status: next.status }
        )
      }
      return Response.json({
        code: 200,
        status: 20000,
        data: {
          title: next.title,
          description: next.description ?? '',
          url: target,
          content: next.content,
          images: next.images,
          usage: { tokens: 100 },
        },
      })
    },
  })

  return {
    url: `http://127.0.0.1:${server.port}`,
    requests,
    reply: (page) => {
      next = page
    },
    reset: () => {
      requests.length = 0
      next = { status: 500 }
    },
    stop: () => server.stop(true),
  }
}
