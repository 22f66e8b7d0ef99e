/**
 * @module scripts/test-container
 * The real image test (not part of `bun test`: it needs root, buildah and debootstrap). Builds the
 * Dockerfile with buildah on local stand-ins of the base images (scripts/make-base-images.sh, as
 * no registry can be reached here), runs the image as its entrypoint would, checks `/health`, `/`,
 * a hashed asset and the API, and measures what the budgets are about: the size the Dockerfile
 * adds above the OS base (<= 140 MB), the idle RSS (< 80 MB), the user it runs as. Cleans up.
 *
 * Usage: bun run scripts/test-container.ts [--keep] (keep the image afterwards)
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fmt, freePort, rssMb } from '../bench/harness'
import { REPO_ROOT } from './build-server'

const IMAGE = 'localhost/ais-studio:container-test'
const RUNTIME_BASE = 'gcr.io/distroless/base-nossl-debian12:nonroot'
const MB = 1024 * 1024
const BUDGET_ADDED_MB = 140
const BUDGET_RSS_MB = 80
const env = {
  ...process.env,
  STORAGE_DRIVER: process.env.STORAGE_DRIVER ?? 'vfs',
  BUILDAH_ISOLATION: process.env.BUILDAH_ISOLATION ?? 'chroot',
}
const failures: string[] = []
const figures: [string, string][] = []

function check(ok: boolean, what: string) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`)
  if (!ok) failures.push(what)
}

/** Runs a command, inheriting output when `show`, and returns its stdout. */
async function sh(cmd: string[], show = false): Promise<string> {
  const proc = Bun.spawn(cmd, {
    cwd: REPO_ROOT,
    env,
    stdout: show ? 'inherit' : 'pipe',
    stderr: show ? 'inherit' : 'pipe',
  })
  const [out, err, code] = await Promise.all([
    show ? '' : new Response(proc.stdout as ReadableStream).text(),
    show ? '' : new Response(proc.stderr as ReadableStream).text(),
    proc.exited,
  ])
  if (code !== 0) throw new Error(`${cmd.join(' ')} exited ${code}\n${err}`)
  return out.trim()
}

interface ImageInfo {
  layers: string[]
  layerBytes: number[]
  user: string
}

async function inspect(image: string): Promise<ImageInfo> {
  const info = JSON.parse(await sh(['buildah', 'inspect', '--type', 'image', image]))
  const manifest = JSON.parse(info.Manifest) as { layers: { size: number }[] }
  return {
    layers: info.OCIv1.rootfs.diff_ids as string[],
    layerBytes: manifest.layers.map((l) => l.size),
    user: info.OCIv1.config.User ?? '',
  }
}

/** The server process started by `buildah run` (a descendant with /app/dist/server as argv0). */
function findServerPid(): number | undefined {
  const pids = new Bun.Glob('[0-9]*').scanSync({ cwd: '/proc', onlyFiles: false })
  for (const pid of pids) {
    try {
      const argv0 = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0]
      if (argv0 === '/app/dist/server') return Number(pid)
    } catch {}
  }
  return undefined
}

async function waitFor200(url: string, timeoutMs: number): Promise<number> {
  const started = performance.now()
  while (performance.now() - started < timeoutMs) {
    const status = await fetch(url).then(
      (r) => r.status,
      () => 0
    )
    if (status === 200) return performance.now() - started
    await Bun.sleep(2)
  }
  throw new Error(`no 200 from ${url} in ${timeoutMs} ms`)
}

async function main() {
  if (process.getuid?.() !== 0) throw new Error('run as root (buildah with vfs/chroot)')
  await sh(['bash', join(REPO_ROOT, 'scripts', 'make-base-images.sh')], true)

  let t = performance.now()
  // No --layers: nothing but the final image is kept, so repeated runs do not pile up layers.
  await sh(['buildah', 'build', '--network', 'host', '-t', IMAGE, '.'], true)
  figures.push(['image build', `${fmt((performance.now() - t) / 1000)} s`])

  const base = await inspect(RUNTIME_BASE)
  const image = await inspect(IMAGE)
  check(
    base.layers.every((l, i) => image.layers[i] === l),
    `the image sits on ${RUNTIME_BASE}`
  )
  const added = image.layerBytes.slice(base.layers.length).reduce((a, b) => a + b, 0)
  figures.push([
    'runtime base (stand-in)',
    `${fmt(base.layerBytes.reduce((a, b) => a + b, 0) / MB)} MB`,
  ])
  figures.push([
    'added above the base',
    `${fmt(added / MB)} MB in ${image.layers.length - base.layers.length} layer(s)`,
  ])
  check(added / MB <= BUDGET_ADDED_MB, `adds at most ${BUDGET_ADDED_MB} MB above the OS base`)
  check(!/^(0|root)?(:|$)/.test(image.user), `runs as non-root (USER ${image.user})`)

  const ctr = await sh(['buildah', 'from', IMAGE])
  let server: Bun.Subprocess | undefined
  try {
    const mount = await sh(['buildah', 'mount', ctr])
    const files = await sh(['find', join(mount, 'app'), '-type', 'f'])
    const appFiles = files.split('\n').map((f) => f.slice(mount.length))
    const binaryBytes = Bun.file(join(mount, 'app', 'dist', 'server')).size
    figures.push(['dist/server', `${fmt(binaryBytes / MB)} MB`])
    figures.push(['files under /app', String(appFiles.length)])
    check(
      appFiles.every((f) => f === '/app/dist/server' || f.startsWith('/app/client/dist/')),
      '/app holds only dist/server and client/dist'
    )
    check(!files.includes('node_modules'), 'no node_modules in the image')
    await sh(['buildah', 'umount', ctr])

    const port = freePort()
    t = performance.now()
    // The image's entrypoint, given explicitly (buildah run does not apply it).
    server = Bun.spawn(
      [
        'buildah',
        'run',
        '--network',
        'host',
        '--env',
        `PORT=${port}`,
        ctr,
        '--',
        '/app/dist/server',
      ],
      { env, stdout: 'inherit', stderr: 'inherit' }
    )
    const url = `http://127.0.0.1:${port}`
    await waitFor200(`${url}/health`, 20_000)
    figures.push(['buildah run -> first 200 on /health', `${fmt(performance.now() - t, 0)} ms`])

    const health = await fetch(`${url}/health`)
    check((await health.text()) === '{"status":"ok"}', 'GET /health answers {"status":"ok"}')
    const home = await fetch(`${url}/`)
    const html = await home.text()
    check(
      home.status === 200 && /<div id="app">|<!doctype html>/i.test(html),
      'GET / serves the UI'
    )
    const asset = html.match(/\/assets\/[\w.-]+\.js/)?.[0]
    const assetRes = asset ? await fetch(url + asset) : undefined
    check(
      assetRes?.status === 200 &&
        Boolean(assetRes.headers.get('Cache-Control')?.includes('immutable')),
      `GET ${asset ?? 'a hashed asset'} is served, immutable`
    )
    const deep = await fetch(`${url}/seo`, { headers: { Accept: 'text/html' } })
    check(deep.status === 200 && (await deep.text()) === html, 'a deep link (/seo) gets the UI')
    const caps = await fetch(`${url}/api/capabilities`)
    check(caps.status === 200 && 'ai' in ((await caps.json()) as object), 'GET /api/capabilities')

    await Bun.sleep(2000)
    const pid = findServerPid()
    if (pid) {
      const rss = rssMb(pid)
      const uid = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^Uid:\s+(\d+)/m)?.[1]
      figures.push(['RSS at idle', `${fmt(rss)} MB`])
      check(rss < BUDGET_RSS_MB, `idle RSS under ${BUDGET_RSS_MB} MB`)
      check(uid === '65532', `the process runs as uid 65532 (got ${uid})`)
      process.kill(pid, 'SIGTERM')
      const exited = await Promise.race([
        server.exited.then(() => true),
        Bun.sleep(9000).then(() => false),
      ])
      check(exited, 'stops within 9 s of SIGTERM')
    } else check(false, 'found the server process')
  } finally {
    server?.kill('SIGKILL')
    await sh(['buildah', 'rm', ctr]).catch(() => {})
    if (!process.argv.includes('--keep')) await sh(['buildah', 'rmi', IMAGE]).catch(() => {})
  }

  console.log('\nfigure | value\n---|---')
  for (const [name, value] of figures) console.log(`${name} | ${value}`)
  console.log(
    `\n${figures.length ? '' : 'no figures\n'}${failures.length ? 'FAILED' : 'all checks passed'}`
  )
  if (failures.length) process.exit(1)
}

await main()
