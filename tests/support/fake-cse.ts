/**
 * A fake Google Custom Search JSON API (`GET /customsearch/v1`) on loopback: records each
 * query and answers with image results shaped like Google's (`items[].link`, `items[].image`),
 * or with an error status.
 *
 * @example
 * const cse = await startFakeCse()
 * cse.setLinks([`${site.origin('brand-a.test')}/og.png`])
 * buildTestApp({ env: { GCP_CSE_API_KEY: 'k', GCP_CSE_ID: 'cx', CSE_ENDPOINT: cse.endpoint } })
 */

export interface CseRequest {
  query: URLSearchParams
  headers: Record<string, string>
}

export interface FakeCse {
  /** The full endpoint URL to put in CSE_ENDPOINT. */
  readonly endpoint: string
  readonly requests: CseRequest[]
  setLinks(links: string[]): void
  /** Answer every request with this status (undefined: answer normally). */
  failWith(status: number | undefined): void
  reset(): void
  stop(): void
}

export async function startFakeCse(): Promise<FakeCse> {
  const requests: CseRequest[] = []
  let links: string[] = []
  let failure: number | undefined

  const server = Bun.serve({
    port: 0,
    hostname: '127.0.0.1',
    fetch(req) {
      const url = new URL(req.url)
      if (url.pathname !== '/customsearch/v1') return new Response('not found', { status: 404 })
      requests.push({ query: url.searchParams, headers: Object.fromEntries(req.headers) })
      if (failure) {
        return Response.json(
          { error: { code: failure, message: 'fake failure', status: 'PERMISSION_DENIED' } },
          { status: failure }
        )
      }
      return Response.json({
        kind: 'customsearch#search',
        searchInformation: { totalResults: String(links.length) },
        items: links.map((link, i) => ({
          kind: 'customsearch#result',
          title: `Result ${i + 1}`,
          link,
          displayLink: new URL(link).host,
          mime: 'image/png',
          image: { contextLink: link, height: 100, width: 100, byteSize: 1000 },
        })),
      })
    },
  })

  return {
    endpoint: `http://127.0.0.1:${server.port}/customsearch/v1`,
    requests,
    setLinks: (next) => {
      links = next
    },
    failWith: (status) => {
      failure = status
    },
    reset: () => {
      requests.length = 0
      links = []
      failure = undefined
    },
    stop: () => server.stop(true),
  }
}
