/**
 * @module campaigns/render/raster
 * A visual with its layers as PNG pixels: the layers are drawn as SVG by resvg (Rust, compiled to
 * WebAssembly, embedded in the server and instantiated on the first export), then laid over the
 * visual's own pixels here, since resvg decodes a large embedded photo far more slowly than this
 * blend (bench/campaign-render.ts). resvg answers premultiplied RGBA, which makes the blend one
 * multiply-add per channel.
 */
import resvgWasm from '@resvg/resvg-wasm/index_bg.wasm' with { type: 'file' }
import { once } from '../../../core/lazy'
import type { RgbaImage } from '../../../media/pixels'

const resvg = once(async () => {
  const module = await import('@resvg/resvg-wasm')
  await module.initWasm(await WebAssembly.compile(await Bun.file(resvgWasm).arrayBuffer()))
  return module
})

/** The SVG's pixels (premultiplied RGBA, the SVG's own size). */
export async function drawSvg(svg: string): Promise<RgbaImage> {
  const { Resvg } = await resvg()
  const rendered = new Resvg(svg, {
    font: { loadSystemFonts: false },
    shapeRendering: 2,
    imageRendering: 0,
  }).render()
  const image = { width: rendered.width, height: rendered.height, data: rendered.pixels }
  rendered.free()
  return image
}

/** `over` (premultiplied) laid on `base` (straight alpha, same size); a new image. */
export function blendOver(base: RgbaImage, over: RgbaImage): RgbaImage {
  if (base.width !== over.width || base.height !== over.height) {
    throw new Error('layer and visual sizes differ')
  }
  const out = new Uint8Array(base.data)
  const top = over.data
  for (let i = 0; i < out.length; i += 4) {
    const alpha = top[i + 3] as number
    if (alpha === 0) continue
    const keep = 255 - alpha
    for (let c = 0; c < 3; c++) {
      out[i + c] = Math.min(
        255,
        (top[i + c] as number) + Math.round(((out[i + c] as number) * keep) / 255)
      )
    }
    out[i + 3] = Math.min(255, alpha + Math.round(((out[i + 3] as number) * keep) / 255))
  }
  return { width: base.width, height: base.height, data: out }
}
