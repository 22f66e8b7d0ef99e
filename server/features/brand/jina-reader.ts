/**
 * @module brand/jina-reader
 * Jina Reader (`<JINA_READER_URL>/<page URL>`, JSON answer) as a second way to read a page
 * the server could not read itself (bot checks, sites that need JavaScript). It is only asked
 * about URLs that already passed the safe fetcher's checks; the key goes in a header.
 */
import * as v from 'valibot'
import { readCapped } from '../../core/safe-fetch'
import type { AssetCandidate } from './asset-candidates'

export interface JinaPage {
  url: string
  title: string
  description: string
  markdown: string
  candidates: AssetCandidate[]
}

export interface JinaOptions {
  baseUrl: string
  apiKey: string
  timeoutMs: number
  signal?: AbortSignal
}

const MAX_ANSWER = 5 * 1024 * 1024
const MAX_IMAGES = 12

const JinaAnswer = v.object({
  data: v.object({
    title: v.optional(v.string(), ''),
    description: v.optional(v.string(), ''),
    content: v.string(),
    // With X-With-Images-Summary: alt text (or "Image n") -> image URL.
    images: v.optional(v.record(v.string(), v.string()), {}),
  }),
})

export class JinaError extends Error {
  override name = 'JinaError'
}

export async function readWithJina(pageUrl: string, options: JinaOptions): Promise<JinaPage> {
  const timer = AbortSignal.timeout(options.timeoutMs)
  const signal = options.signal ? AbortSignal.any([options.signal, timer]) : timer
  const endpoint = `${options.baseUrl.replace(/\/+$/, '')}/${pageUrl}`
  const response = await fetch(endpoint, {
    signal,
    headers: {
      Authorization: `Bearer ${options.apiKey}`,
      Accept: 'application/json',
      'X-With-Images-Summary': 'true',
    },
  })
  if (!response.ok) {
    await response.body?.cancel().catch(() => {})
    throw new JinaError(`Jina Reader answered HTTP ${response.status}`)
  }
  const raw = new TextDecoder().decode(await readCapped(response, MAX_ANSWER))
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch {
    throw new JinaError('Jina Reader answered something that is not JSON')
  }
  const parsed = v.safeParse(JinaAnswer, json)
  if (!parsed.success) throw new JinaError('Jina Reader answered an unexpected shape')
  const data = parsed.output.data
  return {
    // The address we asked about, not the one the service reports.
    url: pageUrl,
    title: data.title.trim().slice(0, 500),
    description: data.description.trim().slice(0, 500),
    markdown: data.content.trim(),
    candidates: Object.entries(data.images)
      .filter(([, url]) => /^https?:\/\//i.test(url) && url.length <= 2048)
      .slice(0, MAX_IMAGES)
      .map(([alt, url]) => ({ url, kind: /logo/i.test(`${alt} ${url}`) ? 'logo' : 'image' })),
  }
}
