/**
 * Writes `.br` (brotli, max quality) and `.gz` (gzip level 9) next to every compressible file of a
 * build (js, css, html, svg, json, txt; source maps excluded) so the server can send them as they
 * are. A variant that does not shrink the file is not written. Dot folders (Vite's `.vite/`
 * manifest) are skipped: they are never served.
 *
 * Usage: bun run scripts/precompress.ts [dir]   (default client/dist)
 */
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { extname, join, relative, resolve } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.txt'])

export interface PrecompressResult {
  files: number
  written: number
  bytesIn: number
}

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue
    const path = join(dir, entry.name)
    if (entry.isDirectory()) yield* walk(path)
    else if (entry.isFile()) yield path
  }
}

export function precompress(dir: string): PrecompressResult {
  const result: PrecompressResult = { files: 0, written: 0, bytesIn: 0 }
  for (const path of walk(dir)) {
    if (!COMPRESSIBLE.has(extname(path))) continue
    const source = readFileSync(path)
    result.files++
    result.bytesIn += source.byteLength
    const variants: [string, Uint8Array][] = [
      [
        `${path}.br`,
        brotliCompressSync(source, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: source.byteLength,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          },
        }),
      ],
      [`${path}.gz`, gzipSync(source, { level: 9 })],
    ]
    for (const [target, data] of variants) {
      if (data.byteLength < source.byteLength) {
        writeFileSync(target, data)
        result.written++
      } else {
        // A stale variant from an earlier build must not outlive its source.
        rmSync(target, { force: true })
      }
    }
  }
  return result
}

if (import.meta.main) {
  const dir = resolve(process.argv[2] ?? 'client/dist')
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    console.error(`precompress: ${dir} is not a directory; build the client first.`)
    process.exit(1)
  }
  const { files, written, bytesIn } = precompress(dir)
  console.log(
    `precompress: ${written} variants for ${files} files (${(bytesIn / 1024).toFixed(1)} KB) in ${relative(process.cwd(), dir) || '.'}`
  )
}
