/**
 * Every example in the API document runs against the app (the demo stack: the fake Gemini as
 * the demo model, the fake website, local storage) and gets the status the document gives it;
 * each answer also matches the document. Writes run first, so the reads find what they made.
 * The document's sample site, https://www.example.com, is served by the fake website.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { testConfig } from '../support/app'
import { checkAnswer, contractDocument } from '../support/contract'
import { type DemoStack, startDemoStack } from '../support/demo/stack'

type Json = Record<string, unknown>
interface Example {
  summary: string
  body?: unknown
  params?: Record<string, string>
  query?: Record<string, string>
  headers?: Record<string, string>
  status: number
}

let demo: DemoStack
beforeAll(async () => {
  demo = await startDemoStack()
})
afterAll(() => demo.stop())

const SAMPLE_SITE = 'https://www.example.com'
const PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64'
)

/** Each operation's examples, as the document lists them (x-examples is where they come from). */
async function operations() {
  const res = await fetch(`${demo.url}/api/openapi.json`)
  const doc = (await res.json()) as { paths: Record<string, Record<string, Json>> }
  const out: { method: string; path: string; operation: Json; examples: Example[] }[] = []
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      out.push({
        method: method.toUpperCase(),
        path,
        operation,
        examples: operation['x-examples'] as Example[],
      })
    }
  }
  const order = ['POST', 'PUT', 'GET', 'HEAD', 'DELETE']
  return out.sort((a, b) => order.indexOf(a.method) - order.indexOf(b.method))
}

const urlOf = (path: string, example: Example) => {
  const concrete = path.replace(/\{(\w+)\}/g, (_m, name: string) =>
    encodeURIComponent(example.params?.[name] ?? '')
  )
  const query = new URLSearchParams(example.query ?? {}).toString()
  return `${demo.url}${concrete}${query ? `?${query}` : ''}`
}

describe('every example in the document', () => {
  test('runs and gets its documented status, with an answer the document describes', async () => {
    const config = testConfig()
    const doc = await contractDocument(config)
    const ops = await operations()
    expect(ops.length).toBeGreaterThan(50)
    const results: string[] = []
    for (const { method, path, operation, examples } of ops) {
      expect(examples?.length, `${method} ${path} has no example`).toBeGreaterThan(0)
      const raw = (operation.requestBody as Json | undefined)?.content as Json | undefined
      const rawType = raw && !('application/json' in raw) ? Object.keys(raw)[0] : undefined
      for (const example of examples) {
        const body =
          example.body === undefined
            ? rawType
              ? PIXEL_PNG
              : undefined
            : JSON.stringify(example.body).replaceAll(SAMPLE_SITE, demo.sampleSite)
        const request = new Request(urlOf(path, example), {
          method,
          headers: {
            ...(body === undefined ? {} : { 'Content-Type': rawType ?? 'application/json' }),
            ...example.headers,
          },
          body,
        })
        const response = await checkAnswer(doc, request.clone(), await fetch(request))
        await response.arrayBuffer()
        results.push(
          `${method} ${path} "${example.summary}": ${response.status}${response.status === example.status ? '' : ` (documented ${example.status})`}`
        )
      }
    }
    expect(results.filter((r) => r.includes('documented'))).toEqual([])
  }, 120_000)
})
