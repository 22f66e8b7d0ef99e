/**
 * The demo model's answers for the image studio: the creative director's function call (edit
 * the selected image, make a new one, or answer a question), three prompt options, three
 * grounded design plans, short titles, and the images themselves: a new picture whose colours
 * follow the prompt, at the requested ratio and size; an edit as the source image tinted (so
 * before and after differ but stay alike); the subject on the requested key colour for a
 * background removal; and for an upscale re-render the source itself, enlarged.
 */
import { imageSize } from 'image-size'
import { RERENDER_PROMPT } from '../../../server/features/image/upscale'
import { encodePng } from '../../../server/media/encode'
import { decodeImage, type RgbaImage } from '../../../server/media/pixels'
import type { RecordedRequest, Reply } from '../fake-gemini'
import { pngFromRgba, pngRgba, type Rgba } from '../fake-site'
import { block, schemaKeys, uiLang } from './read-request'

const SIZE_LONG_SIDE: Record<string, number> = { '512': 512, '1K': 1024, '2K': 2048, '4K': 4096 }
/** The long side of a plain demo image (small, so the demo stays quick). */
const DEMO_LONG_SIDE = 640

const isChinese = (text: string) => /[\u3400-\u9fff]/.test(text)

const hash = (text: string) => {
  let h = 2166136261
  for (const c of text) h = Math.imul(h ^ (c.codePointAt(0) ?? 0), 16777619)
  return h >>> 0
}

function hsl(h: number, s: number, l: number): [number, number, number] {
  const a = s * Math.min(l, 1 - l)
  const f = (n: number) => {
    const k = (n + h / 30) % 12
    return Math.round(255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))))
  }
  return [f(0), f(8), f(4)]
}

function dimensions(ratio: string | undefined, longSide: number) {
  const [w = 1, h = 1] = (ratio ?? '1:1').split(':').map(Number)
  return w >= h
    ? { width: longSide, height: Math.max(1, Math.round((longSide * h) / w)) }
    : { width: Math.max(1, Math.round((longSide * w) / h)), height: longSide }
}

/** A sky-to-ground gradient with a sun-like disc: colours from `seed`. */
function picture(width: number, height: number, seed: number): Uint8Array {
  const hue = seed % 360
  const top = hsl(hue, 0.55, 0.72)
  const bottom = hsl((hue + 40) % 360, 0.5, 0.38)
  const sun = hsl((hue + 180) % 360, 0.8, 0.6)
  const cx = width * (0.3 + ((seed >>> 9) % 40) / 100)
  const cy = height * 0.45
  const r = Math.min(width, height) * 0.22
  return pngRgba(width, height, (x, y): Rgba => {
    const d = Math.hypot(x - cx, y - cy)
    if (d < r) return [...sun, 255]
    const t = y / height
    return [
      Math.round(top[0] * (1 - t) + bottom[0] * t),
      Math.round(top[1] * (1 - t) + bottom[1] * t),
      Math.round(top[2] * (1 - t) + bottom[2] * t),
      255,
    ]
  })
}

/** The subject (a disc in the colour opposite the key) on a flat key colour. */
function onKey(width: number, height: number, keyHex: string): Uint8Array {
  const key = [1, 3, 5].map((i) => Number.parseInt(keyHex.slice(i, i + 2), 16)) as [
    number,
    number,
    number,
  ]
  const subject = key.map((c) => 255 - c) as [number, number, number]
  const r = Math.min(width, height) * 0.3
  return pngRgba(
    width,
    height,
    (x, y): Rgba =>
      Math.hypot(x - width / 2, y - height / 2) < r ? [...subject, 255] : [...key, 255]
  )
}

type Inline = { data: string; mimeType: string }

/** The first input image of the request's last turn. */
const lastInput = (r: RecordedRequest): Inline | undefined =>
  (r.body?.contents?.at(-1)?.parts ?? []).find((p: any) => p.inlineData)?.inlineData

/** The newest image anywhere in the conversation (an edit's source, replayed or sent). */
const newestImage = (r: RecordedRequest): Inline | undefined =>
  (r.body?.contents ?? [])
    .flatMap((c: any) => c.parts ?? [])
    .filter((p: any) => p.inlineData)
    .at(-1)?.inlineData

function sizeOf(image: Inline | undefined) {
  if (!image) return undefined
  try {
    const size = imageSize(new Uint8Array(Buffer.from(image.data, 'base64')))
    return { width: size.width, height: size.height }
  } catch {
    return undefined
  }
}

const decoded = (image: Inline) =>
  decodeImage(new Uint8Array(Buffer.from(image.data, 'base64')), image.mimeType)

/** The image with some of `tint` mixed into every pixel (alpha kept). */
function tinted(image: RgbaImage, tint: readonly [number, number, number]): RgbaImage {
  const data = new Uint8Array(image.data)
  for (let i = 0; i < data.length; i += 4) {
    for (let c = 0; c < 3; c++) {
      data[i + c] = Math.round((data[i + c] as number) * 0.7 + (tint[c] as number) * 0.3)
    }
  }
  return { ...image, data }
}

/**
 * `image` scaled to `width` x `height`, nearest pixel. Not jimp's bilinear resize and PNG
 * encoder: in pure JS they took seconds for a 2K image, which a fake has no reason to spend.
 */
function enlarged(image: RgbaImage, width: number, height: number): RgbaImage {
  const bytes = image.data.byteOffset % 4 ? image.data.slice() : image.data // 32-bit aligned
  const from = new Uint32Array(bytes.buffer, bytes.byteOffset, image.width * image.height)
  const to = new Uint32Array(width * height)
  const columns = Uint32Array.from({ length: width }, (_, x) =>
    Math.min(image.width - 1, Math.floor((x * image.width) / width))
  )
  for (let y = 0; y < height; y++) {
    const row = Math.min(image.height - 1, Math.floor((y * image.height) / height)) * image.width
    const out = y * width
    for (let x = 0; x < width; x++) to[out + x] = from[row + (columns[x] as number)] as number
  }
  return { width, height, data: new Uint8Array(to.buffer) }
}

export async function imageReply(r: RecordedRequest): Promise<Reply> {
  const config = r.body?.generationConfig?.imageConfig ?? {}
  const last = r.body?.contents?.at(-1)?.parts ?? []
  const prompt = last.map((p: { text?: string }) => p.text ?? '').join('\n')
  const input = lastInput(r)
  const key = prompt.match(/colour (#[0-9a-f]{6})/i)?.[1]
  const source = sizeOf(input)
  if (key && source) return { image: { data: onKey(source.width, source.height, key) } }
  const longSide = config.imageSize ? (SIZE_LONG_SIDE[config.imageSize] ?? 1024) : DEMO_LONG_SIDE
  const shape = config.aspectRatio ?? (source ? `${source.width}:${source.height}` : '1:1')
  const size = dimensions(shape, longSide)
  if (prompt.includes(RERENDER_PROMPT) && input) {
    const big = enlarged(await decoded(input), size.width, size.height)
    return { image: { data: pngFromRgba(big.width, big.height, big.data) } }
  }
  const zh = isChinese(prompt)
  const base = newestImage(r)
  if (base && prompt.includes('Re-compose the reference image')) {
    // A campaign size: the key visual, covering the ratio asked for.
    const { Jimp } = await import('jimp')
    const pixels = await decoded(base)
    const covered = Jimp.fromBitmap({
      width: pixels.width,
      height: pixels.height,
      data: Buffer.from(pixels.data),
    }).cover({ w: size.width, h: size.height })
    const png = await covered.getBuffer('image/png')
    return { image: { data: new Uint8Array(png) } }
  }
  if (base) {
    const tint = hsl(hash(prompt) % 360, 0.7, 0.55)
    const edited = tinted(await decoded(base), tint)
    const text = zh ? '这是修改后的演示图片。' : 'Here is the edited demo image.'
    return { image: { data: await encodePng(edited) }, text }
  }
  const text = zh ? '这是演示图片。' : 'Here is a demo image.'
  return {
    image: { data: picture(size.width, size.height, hash(r.promptText.slice(0, 200))) },
    text,
  }
}

/** The creative director: edit when an image is selected, answer a question, else create. */
export function directorReply(r: RecordedRequest): Reply {
  const said = block(r, 'user_message') ?? ''
  const params =
    r.body?.tools?.[0]?.functionDeclarations?.[0]?.parametersJsonSchema?.properties ?? {}
  const actions: string[] = params.action?.enum ?? ['NEW_CREATION', 'ANSWER_QUESTION']
  const targets: string[] = params.targetImageId?.enum ?? []
  const selected = r.promptText.match(/Selected image: \[image ([^\]]+)\]/)?.[1]
  const zh = uiLang(r) === 'zh'
  const question = /\?\s*$|？\s*$|^(what|how|why|which|can you)\b|^(什么|怎么|为什么|如何)/i.test(
    said.trim()
  )
  if (question) {
    return {
      functionCall: {
        name: 'creative_director_action',
        args: {
          action: 'ANSWER_QUESTION',
          prompt: zh
            ? '演示回答：描述一张图片我就会生成；选中画布上的图片，我会按你的话修改它。'
            : 'Demo answer: describe an image and I will make it; select one on the canvas and I will edit it as you say.',
          reasoning: zh ? '这是一个问题。' : 'This is a question.',
        },
      },
    }
  }
  if (selected && actions.includes('EDIT_IMAGE')) {
    return {
      functionCall: {
        name: 'creative_director_action',
        args: {
          action: 'EDIT_IMAGE',
          prompt: said,
          reasoning: zh ? '好的，我在选中的图片上修改。' : 'Editing the selected image as asked.',
          ...(targets.includes(selected) ? { targetImageId: selected } : {}),
        },
      },
    }
  }
  return {
    functionCall: {
      name: 'creative_director_action',
      args: {
        action: 'NEW_CREATION',
        prompt: said,
        reasoning: zh ? '好的，我来创作一张新图片。' : 'Making a new image from your description.',
      },
    },
  }
}

const OPTIONS = {
  en: [
    ['Golden hour', 'Warm low sun and long shadows.', ['warm', 'cinematic', 'soft light']],
    ['Clean studio', 'A bright, minimal product look.', ['minimal', 'bright', 'studio']],
    ['Bold graphic', 'Flat colour blocks and strong shapes.', ['graphic', 'bold', 'flat colour']],
  ],
  zh: [
    ['黄金时刻', '温暖的低角度阳光与长长的影子。', ['温暖', '电影感', '柔光']],
    ['简洁棚拍', '明亮、极简的产品质感。', ['极简', '明亮', '棚拍']],
    ['大胆平面', '平涂色块与有力的造型。', ['平面', '大胆', '撞色']],
  ],
} as const

/** Enhance-prompt options, design plans and titles, in the language of the input. */
export function imageJsonReply(r: RecordedRequest): Reply | undefined {
  const keys = schemaKeys(r)
  if (keys.length === 1 && keys[0] === 'options') {
    const idea = block(r, 'idea') ?? 'an image'
    const lang = isChinese(idea) ? 'zh' : 'en'
    return {
      json: {
        options: OPTIONS[lang].map(([title, description, tags]) => ({
          title,
          description,
          tags: [...tags],
          fullPrompt: `${idea}, ${description}`,
        })),
      },
    }
  }
  if (keys.length === 1 && keys[0] === 'plans') {
    const topic = block(r, 'topic') ?? 'an image'
    const lang = isChinese(topic) ? 'zh' : 'en'
    return {
      json: {
        plans: OPTIONS[lang].map(([title, description]) => ({
          title,
          description,
          prompt: `${topic}, ${description}`,
          referenceImagePrompt: `A mood board for ${topic}: ${description}`,
        })),
      },
      sources: [
        { url: 'https://design-trends.example/2026-colour' },
        { url: 'https://poster-gallery.example/minimal' },
      ],
      queries: [lang === 'zh' ? `${topic} 设计趋势` : `${topic} design trends`],
    }
  }
  if (keys.length === 1 && keys[0] === 'title') {
    const prompt = block(r, 'image_prompt') ?? 'Image'
    const title = isChinese(prompt)
      ? prompt.replace(/[，。,.!?！？]/g, '').slice(0, 8)
      : prompt
          .split(/\s+/)
          .slice(0, 5)
          .join(' ')
          .replace(/[,.;:!?]+$/, '')
    return { json: { title: title || 'Image' } }
  }
  return undefined
}
