/**
 * server/media/pixels.ts inside a compiled executable built with the production options
 * (scripts/build-server.ts): jimp is pure JS, so PNG and JPEG decode there too (a native image
 * library would not load in a `bun build --compile` binary).
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildServer, REPO_ROOT } from '../../scripts/build-server'
import { KIT_SITE, kitLogoPng } from '../support/fake-kit-site'

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
      'const [path, type] = process.argv.slice(2)',
      'const image = await decodeImage(new Uint8Array(await Bun.file(path).arrayBuffer()), type)',
      'process.stdout.write(JSON.stringify({ width: image.width, height: image.height, colors: dominantColors(image).map((c) => c.hex) }))',
      '',
    ].join('\n')
  )
  binary = (await buildServer({ entry, outfile: join(dir, 'pixels') })).outfile
}, BUILD_TIMEOUT)

afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function decodeInBinary(bytes: Uint8Array, type: string) {
  const file = join(dir, `input-${type.replace('/', '-')}`)
  writeFileSync(file, bytes)
  const proc = Bun.spawn([binary, file, type], { cwd: dir, stdout: 'pipe', stderr: 'pipe' })
  const [out, err, code] = await Promise.all([
    new Response(proc.stdout).text(),
    new Response(proc.stderr).text(),
    proc.exited,
  ])
  if (code !== 0) throw new Error(`pixels binary exited ${code}: ${err}`)
  return JSON.parse(out) as { width: number; height: number; colors: string[] }
}

describe('media/pixels in a compiled binary', () => {
  test('decodes a PNG to its exact colours', async () => {
    expect(await decodeInBinary(kitLogoPng(), 'image/png')).toEqual({
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
})
