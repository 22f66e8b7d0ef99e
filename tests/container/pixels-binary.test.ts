/**
 * server/media/pixels.ts and media/encode.ts inside a compiled executable built with the
 * production options (scripts/build-server.ts): jimp is pure JS, so PNG and JPEG decode and PNG
 * encode there too (a native image library would not load in a `bun build --compile` binary),
 * and libwebp's wasm files are embedded, so WebP decodes and encodes without fetching anything.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildServer, REPO_ROOT } from '../../scripts/build-server'
import { KIT_SITE, kitLogoPng } from '../support/fake-kit-site'
import { pngRgba } from '../support/fake-site'

const BUILD_TIMEOUT = 180_000
let dir: string
let binary: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ais-pixels-'))
  const entry = join(dir, 'entry.ts')
  writeFileSync(
    entry,
    [
      `import { decodeImage, dominantColors } from ${JSON.stringify(join(REPO_ROOT, 'server', 'media', 'pixels.ts'))}`,
      `import { encodeImage } from ${JSON.stringify(join(REPO_ROOT, 'server', 'media', 'encode.ts'))}`,
      'const [path, type, encodeAs] = process.argv.slice(2)',
      'let image = await decodeImage(new Uint8Array(await Bun.file(path).arrayBuffer()), type)',
      // Re-encoded in the binary and decoded again: proves the encoder runs there.
      'if (encodeAs) image = await decodeImage(await encodeImage(image, encodeAs), encodeAs)',
      'const alpha = [...new Set(Array.from({ length: image.width * image.height }, (_, i) => image.data[i * 4 + 3]))].sort((a, b) => a - b)',
      'process.stdout.write(JSON.stringify({ width: image.width, height: image.height, colors: dominantColors(image).map((c) => c.hex), alpha }))',
      '',
    ].join('\n')
  )
  binary = (await buildServer({ entry, outfile: join(dir, 'pixels') })).outfile
}, BUILD_TIMEOUT)

afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function decodeInBinary(bytes: Uint8Array, type: string, encodeAs?: string) {
  const file = join(dir, `input-${type.replace('/', '-')}`)
  writeFileSync(file, bytes)
  const args = [binary, file, type, ...(encodeAs ? [encodeAs] : [])]
  const proc = Bun.spawn(args, { cwd: dir, stdout: 'pipe', stderr: 'pipe' })
  const [out, err, code] = await Promise.all([
    new Response(proc.stdout).text(),
    new Response(proc.stderr).text(),
    proc.exited,
  ])
  if (code !== 0) throw new Error(`pixels binary exited ${code}: ${err}`)
  return JSON.parse(out) as { width: number; height: number; colors: string[]; alpha: number[] }
}

/** 12x6: left half opaque brand green, right half half-transparent red. */
const halfAndHalf = () =>
  pngRgba(12, 6, (x) => (x < 6 ? [0x1f, 0x6f, 0x5c, 255] : [0xc0, 0x20, 0x30, 128]))

describe('media/pixels in a compiled binary', () => {
  test('decodes a PNG to its exact colours', async () => {
    expect(await decodeInBinary(kitLogoPng(), 'image/png')).toMatchObject({
      width: KIT_SITE.logoPng.width,
      height: KIT_SITE.logoPng.height,
      colors: [KIT_SITE.colors.logo, KIT_SITE.colors.primary],
    })
  })

  test('decodes a JPEG', async () => {
    const { Jimp } = await import('jimp')
    const jpeg = await new Jimp({ width: 16, height: 8, color: 0x1f6f5cff }).getBuffer('image/jpeg')
    const decoded = await decodeInBinary(new Uint8Array(jpeg), 'image/jpeg')
    expect(decoded.width).toBe(16)
    expect(decoded.colors).toHaveLength(1)
  })

  test('encodes a PNG with its alpha channel', async () => {
    const decoded = await decodeInBinary(halfAndHalf(), 'image/png', 'image/png')
    expect(decoded).toMatchObject({ width: 12, height: 6, alpha: [128, 255] })
    expect(decoded.colors).toContain('#1f6f5c')
  })

  test('encodes a WebP and decodes it again (libwebp wasm embedded)', async () => {
    const decoded = await decodeInBinary(halfAndHalf(), 'image/png', 'image/webp')
    expect([decoded.width, decoded.height]).toEqual([12, 6])
    expect(decoded.alpha.length).toBeGreaterThan(1)
  })

  test('decodes a WebP made outside the binary', async () => {
    const { encodeImage } = await import('../../server/media/encode')
    const { decodeImage } = await import('../../server/media/pixels')
    const webp = await encodeImage(await decodeImage(halfAndHalf(), 'image/png'), 'image/webp', {
      quality: 90,
    })
    const decoded = await decodeInBinary(webp, 'image/webp')
    expect([decoded.width, decoded.height]).toEqual([12, 6])
  })
})
