/**
 * Puts the script of the API reference page (`/api/docs`, Scalar's standalone bundle) into the
 * client build, gzipped, at `<dist>/.api-docs/scalar.js.gz`: the server sends it as it is (or
 * unzipped for a client without gzip), so the page needs no CDN. A dot folder, so the static
 * layer never serves it and precompress leaves it alone. Prints the bytes it adds.
 *
 * Usage: bun run scripts/api-docs-asset.ts [dist]   (default client/dist)
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { ASSET_DIR, SCALAR_FILE, withoutWebFonts } from '../server/features/docs/asset'

export function writeDocsAsset(dist: string): { source: number; written: number } {
  const main = Bun.resolveSync('@scalar/api-reference', import.meta.dir)
  const source = readFileSync(join(dirname(main), 'browser', 'standalone.js'), 'utf8')
  const gzipped = gzipSync(withoutWebFonts(source), { level: 9 })
  mkdirSync(join(dist, ASSET_DIR), { recursive: true })
  writeFileSync(join(dist, ASSET_DIR, SCALAR_FILE), gzipped)
  return { source: Buffer.byteLength(source), written: gzipped.byteLength }
}

if (import.meta.main) {
  const dist = resolve(process.argv[2] ?? 'client/dist')
  if (!statSync(dist, { throwIfNoEntry: false })?.isDirectory()) {
    console.error(`api-docs-asset: ${dist} is not a directory; build the client first.`)
    process.exit(1)
  }
  const { source, written } = writeDocsAsset(dist)
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`
  console.log(`api-docs-asset: the reference page script, ${kb(source)} as ${kb(written)} gzip`)
}
