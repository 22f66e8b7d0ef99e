/**
 * @module docs/asset
 * The script of the reference page (Scalar's standalone API reference), served by this server so
 * the page works offline under the app's CSP. The build stores it gzipped in the client build
 * (`<dist>/.api-docs/scalar.js.gz`, written by scripts/api-docs-asset.ts; dot folders are never
 * served as static files); from a checkout without a build it is read from node_modules. Either
 * way without Scalar's web fonts (`withoutWebFonts`): the page uses the system's.
 */
import { dirname, join } from 'node:path'

export const ASSET_DIR = '.api-docs'
export const SCALAR_FILE = 'scalar.js.gz'

const WEB_FONT = /@font-face\s*\{[^}]*?fonts\.scalar\.com[^}]*\}/g

/**
 * Scalar's script without the `@font-face` rules of its font host: Chromium fetches those faces
 * whatever the page's fonts, and the CSP (rightly) refuses them, one console error each.
 */
export const withoutWebFonts = (script: string) => script.replace(WEB_FONT, '')

export interface DocsAsset {
  /** The script, gzipped when `gzipped`. */
  bytes: Uint8Array
  gzipped: boolean
}

async function fromBuild(distDir: string | undefined): Promise<DocsAsset | undefined> {
  if (!distDir) return undefined
  const file = Bun.file(join(distDir, ASSET_DIR, SCALAR_FILE))
  if (!(await file.exists())) return undefined
  return { bytes: new Uint8Array(await file.arrayBuffer()), gzipped: true }
}

async function fromPackage(): Promise<DocsAsset | undefined> {
  try {
    // The package's main entry is in dist/; the standalone bundle is in dist/browser/.
    const main = Bun.resolveSync('@scalar/api-reference', import.meta.dir)
    const file = Bun.file(join(dirname(main), 'browser', 'standalone.js'))
    if (!(await file.exists())) return undefined
    const script = withoutWebFonts(await file.text())
    return { bytes: new TextEncoder().encode(script), gzipped: false }
  } catch {
    return undefined
  }
}

/** The script, or undefined when neither the build nor the package has it. */
export async function loadScalar(distDir: string | undefined): Promise<DocsAsset | undefined> {
  return (await fromBuild(distDir)) ?? (await fromPackage())
}
