/**
 * `bun run test:e2e`: the browser tests. Builds the client when `client/dist/index.html` is
 * missing (or always with `--build`), starts the real server with no credentials on a free port
 * serving that build, runs `tests/e2e/*.e2e.ts` with bun test (the `.e2e.ts` names keep them out
 * of a plain `bun test`), and stops the server. Fails, with the install command, when Chromium
 * is not installed. Test files named (`tests/e2e/x.e2e.ts`) replace the full set; other arguments
 * go to bun test (e.g. `-t "language"`).
 */
import { existsSync } from 'node:fs'
import { join, relative } from 'node:path'
import { CHROMIUM_PATH, MISSING_CHROMIUM } from '../tests/e2e/support/browser'
import { DIST_DIR, REPO_ROOT, startServer } from '../tests/e2e/support/server'

const args = process.argv.slice(2)
const forceBuild = args.includes('--build')
const isTestFile = (a: string) => a.endsWith('.e2e.ts')
const named = args.filter(isTestFile)
const testArgs = args.filter((a) => a !== '--build' && !isTestFile(a))

if (!existsSync(CHROMIUM_PATH)) {
  console.error(`test:e2e: ${MISSING_CHROMIUM}`)
  process.exit(1)
}

if (forceBuild || !existsSync(join(DIST_DIR, 'index.html'))) {
  console.log('test:e2e: building the client…')
  const build = Bun.spawnSync(['bun', 'run', 'build:client'], {
    cwd: REPO_ROOT,
    stdio: ['inherit', 'inherit', 'inherit'],
  })
  if (build.exitCode !== 0) process.exit(build.exitCode || 1)
}

const files = (
  named.length > 0
    ? named.map((f) => relative(REPO_ROOT, join(process.cwd(), f)))
    : [...new Bun.Glob('tests/e2e/**/*.e2e.ts').scanSync({ cwd: REPO_ROOT })]
)
  .sort()
  .map((f) => `./${f}`)
if (files.length === 0) {
  console.error('test:e2e: no tests/e2e/**/*.e2e.ts files found')
  process.exit(1)
}

const server = await startServer()
console.log(`test:e2e: server on ${server.url} serving ${relative(REPO_ROOT, DIST_DIR)}`)
let code = 1
try {
  // A browser test opens pages and may start a second server: more time than a unit test.
  const run = Bun.spawn(['bun', 'test', '--timeout', '30000', ...testArgs, ...files], {
    cwd: REPO_ROOT,
    env: { ...process.env, E2E_BASE_URL: server.url },
    stdio: ['inherit', 'inherit', 'inherit'],
  })
  code = await run.exited
  if (code !== 0 && server.output().trim()) {
    console.error(`test:e2e: server output:\n${server.output()}`)
  }
} finally {
  await server.stop()
}
process.exit(code)
