/**
 * @module scripts/container/buildah
 * The buildah side of the container test: commands run with vfs storage and chroot isolation
 * (what works here, as root, without a daemon), image inspection (layers, sizes, user), and the
 * files a container's /app holds.
 */
import { join } from 'node:path'
import { REPO_ROOT } from '../build-server'

export const BUILDAH_ENV = {
  ...process.env,
  STORAGE_DRIVER: process.env.STORAGE_DRIVER ?? 'vfs',
  BUILDAH_ISOLATION: process.env.BUILDAH_ISOLATION ?? 'chroot',
}

/** Runs a command, inheriting its output when `show`, and returns its stdout. */
export async function sh(cmd: string[], show = false): Promise<string> {
  const proc = Bun.spawn(cmd, {
    cwd: REPO_ROOT,
    env: BUILDAH_ENV,
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

export interface ImageInfo {
  layers: string[]
  layerBytes: number[]
  user: string
}

export async function inspect(image: string): Promise<ImageInfo> {
  const info = JSON.parse(await sh(['buildah', 'inspect', '--type', 'image', image]))
  const manifest = JSON.parse(info.Manifest) as { layers: { size: number }[] }
  return {
    layers: info.OCIv1.rootfs.diff_ids as string[],
    layerBytes: manifest.layers.map((l) => l.size),
    user: info.OCIv1.config.User ?? '',
  }
}

/** The local stand-ins of the Dockerfile's base images (no registry is reachable here). */
export const makeBaseImages = () =>
  sh(['bash', join(REPO_ROOT, 'scripts', 'make-base-images.sh')], true)

/** Builds the Dockerfile (no --layers: only the final image is kept, runs do not pile up). */
export const buildImage = (tag: string) =>
  sh(['buildah', 'build', '--network', 'host', '-t', tag, '.'], true)

/** Every file under a working container's /app, as paths inside the container. */
export async function appFiles(ctr: string): Promise<string[]> {
  const mount = await sh(['buildah', 'mount', ctr])
  try {
    const files = await sh(['find', join(mount, 'app'), '-type', 'f'])
    return files.split('\n').map((f) => f.slice(mount.length))
  } finally {
    await sh(['buildah', 'umount', ctr])
  }
}

/** Copies a host file into a working container (e.g. a bare server to compare start-up with). */
export const copyInto = (ctr: string, from: string, to: string) =>
  sh(['buildah', 'copy', '--chmod', '0755', ctr, from, to])
