/**
 * @module media/webp
 * WebP decode and encode with libwebp compiled to WebAssembly (`@jsquash/webp`). Its wasm files
 * are embedded in the server (a compiled binary included) and instantiated on first use, never
 * fetched: the package would otherwise look for them by URL, which fails inside `bun build
 * --compile`.
 */

// Both files are embedded by the bundler; the glue code is loaded on first use only.
import decoderWasm from '@jsquash/webp/codec/dec/webp_dec.wasm' with { type: 'file' }
import encoderWasm from '@jsquash/webp/codec/enc/webp_enc.wasm' with { type: 'file' }
import { once } from '../core/lazy'
import type { RgbaImage } from './pixels'

const compile = async (path: string) => WebAssembly.compile(await Bun.file(path).arrayBuffer())

const decoder = once(async () => {
  const [{ initEmscriptenModule }, glue, wasm] = await Promise.all([
    import('@jsquash/webp/utils.js'),
    import('@jsquash/webp/codec/dec/webp_dec.js'),
    compile(decoderWasm),
  ])
  return initEmscriptenModule(glue.default, wasm)
})

const encoder = once(async () => {
  // The plain (non-SIMD) build: one file to embed, and it runs on every CPU.
  const [{ initEmscriptenModule }, glue, meta, wasm] = await Promise.all([
    import('@jsquash/webp/utils.js'),
    import('@jsquash/webp/codec/enc/webp_enc.js'),
    import('@jsquash/webp/meta.js'),
    compile(encoderWasm),
  ])
  return { module: await initEmscriptenModule(glue.default, wasm), defaults: meta.defaultOptions }
})

/** WebP bytes to RGBA; null when libwebp cannot read them. */
export async function decodeWebp(bytes: Uint8Array): Promise<RgbaImage | null> {
  const result = (await decoder()).decode(bytes)
  if (!result) return null
  const { width, height, data } = result
  return { width, height, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) }
}

export interface WebpOptions {
  /** 0-100. @default 82 */
  quality?: number
  lossless?: boolean
}

/** RGBA to WebP (alpha kept). */
export async function encodeWebp(image: RgbaImage, options: WebpOptions = {}): Promise<Uint8Array> {
  const { module, defaults } = await encoder()
  const result = module.encode(image.data, image.width, image.height, {
    ...defaults,
    quality: options.quality ?? 82,
    lossless: options.lossless ? 1 : 0,
    // Lossless keeps the colour of fully transparent pixels too (exactly what was encoded).
    exact: options.lossless ? 1 : 0,
  })
  if (!result) throw new Error('WebP encoding failed')
  return new Uint8Array(result)
}
