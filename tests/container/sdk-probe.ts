/**
 * A build of the server that says when a Google SDK is evaluated: the production build options
 * (scripts/build-server.ts) plus a bundler plugin that prepends a stderr line to every module of
 * `@google/genai` and `@google-cloud/storage`. The entry wraps server/index.ts and, when
 * SDK_PROBE_LOAD=1, creates the Gemini client through the server's own lazy path after start (the
 * positive control: proof the probe line does appear once the SDK is loaded).
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { BunPlugin } from 'bun'
import { buildServer, REPO_ROOT } from '../../scripts/build-server'

export const PROBE_LINE = '[sdk-probe] evaluated'
const SDK_FILE =
  /node_modules[\\/](@google[\\/]genai|@google-cloud[\\/]storage)[\\/].*\.(m?js|cjs)$/

const sdkProbe: BunPlugin = {
  name: 'sdk-probe',
  setup(build) {
    build.onLoad({ filter: SDK_FILE }, async ({ path }) => {
      const pkg = path.match(SDK_FILE)?.[1]?.replace('\\', '/')
      const line = JSON.stringify(`${PROBE_LINE} ${pkg}\n`)
      const code = await Bun.file(path).text()
      return { contents: `globalThis.process.stderr.write(${line});\n${code}`, loader: 'js' }
    })
  },
}

/** Builds `<dir>/dist/server` as a probe; returns its path. */
export async function buildSdkProbe(dir: string): Promise<string> {
  const entry = join(dir, 'probe-entry.ts')
  const server = join(REPO_ROOT, 'server')
  writeFileSync(
    entry,
    [
      `import ${JSON.stringify(join(server, 'index.ts'))}`,
      "if (process.env.SDK_PROBE_LOAD === '1') {",
      `  const { createSdkClient } = await import(${JSON.stringify(join(server, 'ai', 'sdk-client.ts'))})`,
      "  const ai = { backend: 'developer', apiKey: 'probe-key', location: 'us-central1' }",
      '  await createSdkClient(ai)',
      "  process.stderr.write('[sdk-probe] client created\\n')",
      '}',
      '',
    ].join('\n')
  )
  const build = await buildServer({
    entry,
    outfile: join(dir, 'dist', 'server'),
    plugins: [sdkProbe],
  })
  return build.outfile
}
