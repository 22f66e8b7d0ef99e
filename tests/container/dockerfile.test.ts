/**
 * The Dockerfile and .dockerignore, checked statically (the real build runs in
 * scripts/test-container.ts): a multi-stage build on official images with the Bun version the
 * project pins, a frozen install, a runtime stage holding only the binary and the client build,
 * run as non-root; a build context without secrets, node_modules or build output.
 */
import { describe, expect, test } from 'bun:test'
import { join } from 'node:path'

const ROOT = join(import.meta.dir, '..', '..')
const dockerfile = await Bun.file(join(ROOT, 'Dockerfile')).text()
const dockerignore = await Bun.file(join(ROOT, '.dockerignore')).text()
const pkg = (await Bun.file(join(ROOT, 'package.json')).json()) as { packageManager: string }

interface Instruction {
  op: string
  args: string
}
interface Stage {
  image: string
  name?: string
  body: Instruction[]
}

/** Instructions with line continuations joined and comments dropped, grouped by stage. */
function parseDockerfile(text: string): Stage[] {
  const lines = text
    .replace(/\\\r?\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
  const stages: Stage[] = []
  for (const line of lines) {
    const [, op = '', args = ''] = line.match(/^(\w+)\s+(.*)$/) ?? []
    if (op.toUpperCase() === 'FROM') {
      const [, image = '', name] =
        args.match(/^(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?/i) ?? []
      stages.push({ image, name, body: [] })
    } else {
      stages.at(-1)?.body.push({ op: op.toUpperCase(), args })
    }
  }
  return stages
}

const stages = parseDockerfile(dockerfile)
const build = stages[0]!
const runtime = stages.at(-1)!
const ops = (stage: Stage, op: string) => stage.body.filter((i) => i.op === op).map((i) => i.args)
const bunVersion = pkg.packageManager.replace(/^bun@/, '')

describe('Dockerfile', () => {
  test('is multi-stage: a build stage and a separate runtime stage', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2)
    expect(build.name).toBe('build')
    expect(runtime.image).not.toBe(build.image)
  })

  test("builds on the official oven/bun image of package.json's pinned Bun version", () => {
    expect(build.image).toBe(`oven/bun:${bunVersion}`)
  })

  test('installs from the lockfile only, before copying the sources (cacheable layer)', () => {
    const runs = ops(build, 'RUN').join('\n')
    expect(runs).toContain('bun install --frozen-lockfile')
    const order = build.body.map((i) => `${i.op} ${i.args}`)
    const manifests = order.findIndex((l) => /^COPY .*package\.json.*bun\.lock/.test(l))
    const install = order.findIndex((l) => l.includes('bun install --frozen-lockfile'))
    const sources = order.findIndex((l) => /^COPY \. /.test(l))
    expect(manifests).toBeGreaterThanOrEqual(0)
    expect(install).toBeGreaterThan(manifests)
    expect(sources).toBeGreaterThan(install)
  })

  test('builds the client and the server in the build stage', () => {
    const runs = ops(build, 'RUN').join('\n')
    expect(runs).toMatch(/bun run build(\s|$)|bun run build:client.*bun run build:server/)
  })

  test('runs on an official minimal base with glibc for the compiled binary', () => {
    expect(runtime.image).toMatch(
      /^(gcr\.io\/distroless\/(base-nossl|base|cc)-debian1[2-9](:[\w.-]+)?(@sha256:[a-f0-9]{64})?|oven\/bun:[\w.-]*distroless[\w.-]*)$/
    )
  })

  test('the runtime stage holds only dist/server and client/dist, copied from the build', () => {
    const copies = ops(runtime, 'COPY').concat(ops(runtime, 'ADD'))
    expect(copies.length).toBeGreaterThan(0)
    for (const copy of copies) {
      expect(copy).toMatch(/^--from=build\s/)
      const [source] = copy
        .split(/\s+/)
        .filter((w) => !w.startsWith('--'))
        .slice(0, 1)
      expect(['/app/dist/server', '/app/client/dist']).toContain(source!)
    }
    expect(runtime.body.map((i) => i.args).join('\n')).not.toContain('node_modules')
    expect(ops(runtime, 'RUN')).toEqual([])
  })

  test('runs as a non-root user', () => {
    const user = ops(runtime, 'USER').at(-1) ?? (runtime.image.endsWith(':nonroot') ? '65532' : '')
    expect(user).not.toBe('')
    expect(user.split(':')[0]).not.toMatch(/^(0|root)$/)
  })

  test('starts the binary directly, on PORT (8080 by default), in production mode', () => {
    const entry = ops(runtime, 'ENTRYPOINT').concat(ops(runtime, 'CMD')).join(' ')
    expect(entry).toContain('["/app/dist/server"]')
    const env = ops(runtime, 'ENV').join(' ')
    expect(env).toMatch(/PORT=8080/)
    expect(env).toMatch(/NODE_ENV=production/)
    expect(ops(runtime, 'EXPOSE')).toContain('8080')
  })

  test('bakes no secret into the image', () => {
    const declared = [...ops(build, 'ENV'), ...ops(runtime, 'ENV'), ...ops(build, 'ARG')].join(' ')
    expect(declared).not.toMatch(/(API_KEY|SECRET|TOKEN|PASSWORD|CREDENTIALS)\s*=/i)
  })
})

/** Docker's rules: patterns relative to the context, last match wins, `!` re-includes. */
function ignored(path: string): boolean {
  let result = false
  const rules = dockerignore
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
  for (const rule of rules) {
    const negate = rule.startsWith('!')
    const glob = new Bun.Glob(rule.replace(/^!/, '').replace(/^\/+/, '').replace(/\/+$/, ''))
    // A pattern that matches a folder excludes everything inside it.
    const parts = path.split('/')
    const hit = parts.some((_, i) => glob.match(parts.slice(0, i + 1).join('/')))
    if (hit) result = !negate
  }
  return result
}

describe('.dockerignore', () => {
  test.each([
    '.env',
    '.env.local',
    '.env.production',
    'server/.env',
    'gcp-key.json',
    'keys/service-account-key.json',
    'serviceAccount.json',
    'certs/server.pem',
    'node_modules/hono/package.json',
    'client/node_modules/x/index.js',
    'data/media/ab/cd.png',
    'dist/server',
    'client/dist/index.html',
    '.git/HEAD',
    'coverage/lcov.info',
    'test-results/report.json',
    'bench/results/cold-start.json',
  ])('keeps %s out of the build context', (path) => {
    expect(ignored(path)).toBe(true)
  })

  test.each([
    'package.json',
    'bun.lock',
    'bunfig.toml',
    'tsconfig.json',
    'vite.config.ts',
    'server/index.ts',
    'server/storage/keys.ts',
    'server/features/seo/knowledge/docs/eeat.md',
    'client/index.html',
    'client/src/main.ts',
    'scripts/build-server.ts',
    'scripts/precompress.ts',
  ])('sends %s, which the build needs', (path) => {
    expect(ignored(path)).toBe(false)
  })
})
