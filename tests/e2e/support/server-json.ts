/**
 * @module tests/e2e/support/server-json
 * What the server keeps, read from a browser test. The status is checked before the body is
 * touched: a helper that read `.document` of a 404 while the first save was still on its way
 * failed at random (`TypeError: undefined is not an object`).
 */

/** The JSON of a 200; any other status fails at once, with the status and the body. */
export async function getJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, init)
  if (response.status !== 200) {
    throw new Error(`GET ${url}: HTTP ${response.status} ${await response.text()}`)
  }
  return (await response.json()) as T
}

/**
 * Polls `url` until its 200 answer passes `check` (a 404 means "not saved yet": keep waiting);
 * any other status fails at once. Fails after `ms` with the last answer seen.
 */
export async function untilJson<T>(
  url: string,
  check: (body: T) => boolean,
  ms = 15_000
): Promise<T> {
  const deadline = Date.now() + ms
  let last = 'nothing'
  while (Date.now() < deadline) {
    const response = await fetch(url)
    if (response.status === 200) {
      const body = (await response.json()) as T
      if (check(body)) return body
      last = JSON.stringify(body).slice(0, 2000)
    } else if (response.status === 404) {
      await response.arrayBuffer()
      last = 'HTTP 404'
    } else {
      throw new Error(`GET ${url}: HTTP ${response.status} ${await response.text()}`)
    }
    await Bun.sleep(100)
  }
  throw new Error(`GET ${url}: not as expected within ${ms} ms; last answer: ${last}`)
}
