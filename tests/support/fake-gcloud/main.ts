/**
 * The stand-in `gcloud` (see tests/support/fake-gcloud/index.ts): records its arguments and
 * answers the commands the rollout uses as gcloud 528 does (`run deploy`, `run services
 * describe|update-traffic`, `auth print-identity-token`, `secrets versions access`), refusing
 * flags and commands it does not know, so a typo in cloudbuild.yaml fails the test.
 */
import {
  type GcloudState,
  identityTokenFor,
  readState,
  type TrafficTarget,
  writeState,
} from './state'

const DEPLOY_FLAGS = new Set([
  'region',
  'platform',
  'image',
  'port',
  'cpu',
  'memory',
  'cpu-boost',
  'no-cpu-boost',
  'concurrency',
  'timeout',
  'min-instances',
  'max-instances',
  'ingress',
  'service-account',
  'set-env-vars',
  'clear-env-vars',
  'set-secrets',
  'clear-secrets',
  'startup-probe',
  'liveness-probe',
  'no-allow-unauthenticated',
  'tag',
  'no-traffic',
])

class GcloudError extends Error {}

function flags(args: string[], allowed: Set<string>): Map<string, string> {
  const found = new Map<string, string>()
  for (const arg of args) {
    const match = arg.match(/^--([a-z-]+)(?:=(.*))?$/s)
    if (!match || !allowed.has(match[1]!)) throw new GcloudError(`unrecognized arguments: ${arg}`)
    found.set(match[1]!, match[2] ?? '')
  }
  return found
}

function expectService(state: GcloudState, name: string | undefined, region: string | undefined) {
  if (name !== state.service || region !== state.region || !state.exists) {
    throw new GcloudError(`Cannot find service [${name}]`)
  }
}

function describe(state: GcloudState) {
  const urlOf = (t: TrafficTarget) =>
    t.tag ? state.revisions.find((r) => r.name === t.revisionName)?.url : undefined
  return {
    apiVersion: 'serving.knative.dev/v1',
    kind: 'Service',
    metadata: { name: state.service },
    status: {
      url: state.serviceUrl,
      traffic: state.traffic.map((t) => ({ ...t, ...(t.tag ? { url: urlOf(t) } : {}) })),
    },
  }
}

function deploy(state: GcloudState, name: string | undefined, args: string[]) {
  const given = flags(args, DEPLOY_FLAGS)
  if (name !== state.service || given.get('region') !== state.region) {
    throw new GcloudError(`deploy of an unexpected service or region: ${name}`)
  }
  if (!given.has('image')) throw new GcloudError('--image is required')
  if (given.has('no-traffic') && !state.exists) {
    throw new GcloudError('--no-traffic not supported when creating a new service.')
  }
  if (state.deployFails) throw new GcloudError('Revision is not ready and cannot serve traffic.')
  const revision = `${state.service}-${String(state.revisions.length + 1).padStart(5, '0')}-new`
  state.revisions.push({ name: revision, url: state.nextRevisionUrl, args })
  const tag = given.get('tag')
  const target = { revisionName: revision, ...(tag ? { tag } : {}) }
  state.traffic = given.has('no-traffic')
    ? [...state.traffic, { ...target, percent: 0 }]
    : [{ ...target, percent: 100 }]
  state.exists = true
}

/** `--to-tags=T=P`: the tag's revision gets P, the others share the rest in their proportions. */
function updateTraffic(state: GcloudState, args: string[]) {
  const given = flags(args, new Set(['region', 'to-tags', 'remove-tags']))
  const toTags = given.get('to-tags')
  if (toTags !== undefined) {
    const [, tag, share] = toTags.match(/^([a-z][a-z0-9-]*)=(\d+)$/) ?? []
    const target = state.traffic.find((t) => t.tag === tag)
    if (!target || share === undefined) throw new GcloudError(`no revision tagged ${tag}`)
    const others = state.traffic.filter((t) => t !== target)
    const before = others.reduce((sum, t) => sum + t.percent, 0)
    const rest = 100 - Number(share)
    for (const t of others) t.percent = before > 0 ? Math.round((t.percent * rest) / before) : 0
    target.percent = Number(share)
  }
  const removed = given.get('remove-tags')
  if (removed !== undefined) {
    for (const t of state.traffic) if (t.tag === removed) delete t.tag
    state.traffic = state.traffic.filter((t) => t.percent > 0 || t.tag)
  }
}

async function run(state: GcloudState, argv: string[]): Promise<string> {
  const [group, command, ...rest] = argv
  if (group === 'auth' && command === 'print-identity-token') {
    const audience = flags(rest, new Set(['audiences'])).get('audiences')
    if (!audience) throw new GcloudError('Invalid account type for `--audiences`.')
    return identityTokenFor(audience)
  }
  if (group === 'secrets' && command === 'versions' && rest[0] === 'access') {
    const secret = flags(rest.slice(2), new Set(['secret'])).get('secret') ?? ''
    const value = state.secrets[secret]
    if (rest[1] !== 'latest' || value === undefined) throw new GcloudError(`NOT_FOUND: ${secret}`)
    return value
  }
  if (group === 'run' && command === 'deploy') {
    deploy(state, rest[0], rest.slice(1))
    state.history.push(structuredClone(state.traffic))
    return ''
  }
  if (group === 'run' && command === 'services') {
    const [verb, name, ...more] = rest
    if (verb === 'describe') {
      const given = flags(more, new Set(['region', 'format']))
      if (given.get('format') !== 'json') throw new GcloudError('the stand-in describes as json')
      expectService(state, name, given.get('region'))
      return JSON.stringify(describe(state), null, 2)
    }
    if (verb === 'update-traffic') {
      expectService(
        state,
        name,
        flags(more, new Set(['region', 'to-tags', 'remove-tags'])).get('region')
      )
      updateTraffic(state, more)
      state.history.push(structuredClone(state.traffic))
      return ''
    }
  }
  throw new GcloudError(`the stand-in gcloud does not know: ${argv.join(' ')}`)
}

const file = process.env.FAKE_GCLOUD_STATE
if (!file) throw new Error('FAKE_GCLOUD_STATE is not set')
const argv = process.argv.slice(2)
const state = await readState(file)
state.calls.push(argv)
let code = 0
try {
  const out = await run(state, argv)
  if (out) console.log(out)
} catch (error) {
  if (!(error instanceof GcloudError)) throw error
  const command = argv.slice(0, argv[0] === 'run' && argv[1] === 'services' ? 3 : 2).join('.')
  console.error(`ERROR: (gcloud.${command}) ${error.message}`)
  code = 1
}
await writeState(file, state)
process.exit(code)
