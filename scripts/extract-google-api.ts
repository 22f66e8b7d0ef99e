/**
 * Extracts, from Google's own API descriptions (`shared/reference/google-api/`: the Developer
 * API's OpenAPI description and Vertex AI's v1beta1 discovery document), the messages the fake
 * Gemini checks requests against: the request message of each model method the app calls, the
 * two model-list responses, and every message they reach, with field names and types only. The
 * fake loads the result (`tests/support/fake-gemini/google-api-messages.json`) at start-up, so
 * the check runs where the descriptions are not beside the checkout (CI); a test regenerates it
 * from the descriptions when they are, so it cannot drift from them.
 *
 * Usage: bun run scripts/extract-google-api.ts [descriptions dir] [--write]
 *   (default dir: $GOOGLE_API_DESCRIPTIONS, else ../shared/reference/google-api beside the repo)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const REPO_ROOT = resolve(import.meta.dir, '..')
export const EXTRACT_FILE = join(REPO_ROOT, 'tests/support/fake-gemini/google-api-messages.json')
export const DEVELOPER_FILE = 'generativelanguage.v1beta.openapi-rev20260717.json'
export const VERTEX_FILE = 'aiplatform.v1beta1.rev20260309.json'

/** The model methods the app sends bodies to, and the list responses the fake serves. */
const ACTIONS = [
  'generateContent',
  'streamGenerateContent',
  'countTokens',
  'predict',
  'predictLongRunning',
  'fetchPredictOperation',
] as const

export interface Message {
  type?: string
  $ref?: string
  properties?: Record<string, Message>
  items?: Message
  additionalProperties?: boolean | Message
  /** A value of several shapes (google.protobuf.Value): not walked. */
  oneOf?: true
}

export interface ApiMessages {
  source: string
  requests: Record<string, string>
  lists: Record<string, string>
  messages: Record<string, Message>
}

export function descriptionsDir(arg?: string): string {
  return resolve(
    arg ??
      process.env.GOOGLE_API_DESCRIPTIONS ??
      join(REPO_ROOT, '..', 'shared', 'reference', 'google-api')
  )
}

export const haveDescriptions = (dir: string) =>
  existsSync(join(dir, DEVELOPER_FILE)) && existsSync(join(dir, VERTEX_FILE))

/** Google's description documents, read as data. */
type Json = any

/** Field names and types only; `$ref`s as bare message names. */
function slim(schema: Json, refName: (ref: string) => string): Message {
  const out: Message = {}
  if (schema.$ref) out.$ref = refName(schema.$ref)
  if (schema.type) out.type = schema.type
  if (schema.oneOf || schema.anyOf) out.oneOf = true
  if (schema.items) out.items = slim(schema.items, refName)
  if (schema.additionalProperties !== undefined) {
    out.additionalProperties =
      typeof schema.additionalProperties === 'object'
        ? slim(schema.additionalProperties, refName)
        : schema.additionalProperties
  }
  if (schema.properties) {
    out.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([name, field]) => [name, slim(field, refName)])
    )
  }
  return out
}

/** The messages reachable from `roots`. */
function reachable(roots: string[], all: Record<string, Json>, refName: (ref: string) => string) {
  const messages: Record<string, Message> = {}
  const visit = (name: string) => {
    if (messages[name] || !all[name]) return
    messages[name] = slim(all[name], refName)
    JSON.stringify(all[name], (key, value) => {
      if (key === '$ref' && typeof value === 'string') visit(refName(value))
      return value
    })
  }
  for (const root of roots) visit(root)
  return Object.fromEntries(Object.entries(messages).sort(([a], [b]) => a.localeCompare(b)))
}

export function extract(dir: string): { developer: ApiMessages; vertex: ApiMessages } {
  const dev: Json = JSON.parse(readFileSync(join(dir, DEVELOPER_FILE), 'utf8'))
  const vtx: Json = JSON.parse(readFileSync(join(dir, VERTEX_FILE), 'utf8'))

  const devRef = (ref: string) => ref.replace('#/components/schemas/', '')
  const devRequests: Record<string, string> = {}
  for (const action of ACTIONS) {
    const schema =
      dev.paths[`/v1beta/models/{model}:${action}`]?.post?.requestBody?.content?.[
        'application/json'
      ]?.schema
    if (schema?.$ref) devRequests[action] = devRef(schema.$ref)
  }
  const devLists = { models: 'ListModelsResponse' }

  const models =
    vtx.resources.projects.resources.locations.resources.publishers.resources.models.methods
  const vtxRef = (ref: string) => ref
  const vtxRequests: Record<string, string> = {}
  for (const action of ACTIONS) {
    const ref = models[action]?.request?.$ref
    if (ref) vtxRequests[action] = ref
  }
  const vtxLists = { models: vtx.resources.publishers.resources.models.methods.list.response.$ref }

  return {
    developer: {
      source: `${DEVELOPER_FILE} (revision ${dev.info['x-upstream-discovery-revision']})`,
      requests: devRequests,
      lists: devLists,
      messages: reachable(
        [...Object.values(devRequests), ...Object.values(devLists)],
        dev.components.schemas,
        devRef
      ),
    },
    vertex: {
      source: `${VERTEX_FILE} (revision ${vtx.revision})`,
      requests: vtxRequests,
      lists: vtxLists,
      messages: reachable(
        [...Object.values(vtxRequests), ...Object.values(vtxLists)],
        vtx.schemas,
        vtxRef
      ),
    },
  }
}

/** Whether the committed extract holds exactly what the descriptions give now. */
export const upToDate = (dir: string) =>
  existsSync(EXTRACT_FILE) &&
  Bun.deepEquals(JSON.parse(readFileSync(EXTRACT_FILE, 'utf8')), extract(dir))

if (import.meta.main) {
  const dir = descriptionsDir(process.argv.slice(2).find((a) => !a.startsWith('--')))
  if (!haveDescriptions(dir)) throw new Error(`Google's API descriptions are not in ${dir}`)
  if (process.argv.includes('--write')) {
    writeFileSync(EXTRACT_FILE, `${JSON.stringify(extract(dir), null, 2)}\n`)
    Bun.spawnSync(['bunx', 'biome', 'format', '--write', EXTRACT_FILE], { cwd: REPO_ROOT })
    console.log(`wrote ${EXTRACT_FILE}`)
  } else {
    console.log(upToDate(dir) ? 'up to date' : 'differs: run with --write')
  }
}
