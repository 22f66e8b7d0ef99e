/**
 * @module openapi/samples
 * Code samples of an operation's first example (`x-codeSamples`): curl, TypeScript with the typed
 * client (`hc<AppType>` from `hono/client`; `AppType` is exported as `ais-studio/api`) and Python
 * with `requests`. The key is read from the environment in each.
 */
import type { ExampleDoc } from './route-doc'

export interface SampleTarget {
  method: string
  /** The Hono path, `/api/video/jobs/:id`. */
  path: string
  example: ExampleDoc
  secured: boolean
  /** The body is raw bytes (an image), not JSON. */
  rawContentType?: string
}

const BASE = 'https://studio.example.com'

function concretePath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/:(\w+)(\{[^}]*\})?/g, (_m, name: string) =>
    encodeURIComponent(params[name] ?? `{${name}}`)
  )
}

function urlOf(t: SampleTarget): string {
  const query = new URLSearchParams(t.example.query ?? {}).toString()
  return `${BASE}${concretePath(t.path, t.example.params)}${query ? `?${query}` : ''}`
}

const json = (value: unknown, indent = 2) => JSON.stringify(value, null, indent)
const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`

function curl(t: SampleTarget): string {
  const lines = [`curl -X ${t.method} ${shellQuote(urlOf(t))}`]
  if (t.secured) lines.push(`-H "Authorization: Bearer $AIS_API_KEY"`)
  for (const [name, value] of Object.entries(t.example.headers ?? {})) {
    lines.push(`-H ${shellQuote(`${name}: ${value}`)}`)
  }
  if (t.rawContentType) {
    lines.push(`-H 'Content-Type: ${t.rawContentType}'`, '--data-binary @poster.png')
  } else if (t.example.body !== undefined) {
    lines.push(`-H 'Content-Type: application/json'`, `-d ${shellQuote(json(t.example.body))}`)
  }
  return lines.join(' \\\n  ')
}

/** `api.api.video.jobs[':id'].$get(...)`: the typed client's accessor for the path. */
function clientCall(t: SampleTarget): string {
  const access = t.path
    .split('/')
    .filter(Boolean)
    .map((seg) => (/^[A-Za-z_$][\w$]*$/.test(seg) ? `.${seg}` : `['${seg}']`))
    .join('')
  const args: string[] = []
  if (t.example.params) args.push(`param: ${json(t.example.params)}`)
  if (t.example.query) args.push(`query: ${json(t.example.query)}`)
  if (t.example.body !== undefined && !t.rawContentType) args.push(`json: ${json(t.example.body)}`)
  const input = args.length ? `{ ${args.join(', ')} }` : '{}'
  const extra = t.example.headers ? `, { headers: ${json(t.example.headers)} }` : ''
  return `await api${access}.$${t.method.toLowerCase()}(${input}${extra})`
}

function typescript(t: SampleTarget): string {
  const headers = t.secured
    ? `{ headers: { Authorization: \`Bearer \${process.env.AIS_API_KEY}\` } }`
    : '{}'
  return [
    `import { hc } from 'hono/client'`,
    `import type { AppType } from 'ais-studio/api'`,
    '',
    `const api = hc<AppType>('${BASE}', ${headers})`,
    `const res = ${clientCall(t)}`,
    `if (!res.ok) throw new Error((await res.json()).error.message)`,
    t.method === 'DELETE' ? '' : 'const data = await res.json() // typed from the route',
  ]
    .filter((l, i, all) => l !== '' || i < all.length - 1)
    .join('\n')
}

function pythonLiteral(value: unknown, indent = 0): string {
  const pad = ' '.repeat(indent + 4)
  if (value === null) return 'None'
  if (value === true) return 'True'
  if (value === false) return 'False'
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]'
    return `[\n${value.map((v) => pad + pythonLiteral(v, indent + 4)).join(',\n')}\n${' '.repeat(indent)}]`
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
    if (entries.length === 0) return '{}'
    const body = entries.map(
      ([k, v]) => `${pad}${JSON.stringify(k)}: ${pythonLiteral(v, indent + 4)}`
    )
    return `{\n${body.join(',\n')}\n${' '.repeat(indent)}}`
  }
  return JSON.stringify(value)
}

function python(t: SampleTarget): string {
  const headers: Record<string, string> = { ...(t.example.headers ?? {}) }
  const lines = ['import os', 'import requests', '']
  const args = [JSON.stringify(urlOf(t))]
  if (t.secured) lines.push(`headers = {"Authorization": f"Bearer {os.environ['AIS_API_KEY']}"}`)
  else lines.push('headers = {}')
  for (const [name, value] of Object.entries(headers)) {
    lines.push(`headers[${JSON.stringify(name)}] = ${JSON.stringify(value)}`)
  }
  args.push('headers=headers')
  if (t.rawContentType) {
    lines.push(`headers["Content-Type"] = ${JSON.stringify(t.rawContentType)}`)
    args.push('data=open("poster.png", "rb").read()')
  } else if (t.example.body !== undefined) {
    lines.push(`body = ${pythonLiteral(t.example.body)}`)
    args.push('json=body')
  }
  args.push('timeout=120')
  lines.push(
    `res = requests.${t.method.toLowerCase()}(${args.join(', ')})`,
    'res.raise_for_status()'
  )
  if (t.method !== 'DELETE') lines.push('print(res.json())')
  return lines.join('\n')
}

export const codeSamples = (t: SampleTarget) => [
  { lang: 'Shell', label: 'curl', source: curl(t) },
  { lang: 'TypeScript', label: 'TypeScript (typed client)', source: typescript(t) },
  { lang: 'Python', label: 'Python (requests)', source: python(t) },
]
