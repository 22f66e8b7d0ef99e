/**
 * Imagen on Vertex AI's `:predict`, as the real service answers it: upscale (`instances[0].image`,
 * `parameters.upscaleConfig.upscaleFactor` `x2|x4`, `mode: "upscale"`) and segmentation
 * (`parameters.mode` foreground, background, prompt, semantic or interactive), each with one
 * image of at most 10 MB. Requests the service refuses are refused the same way; a `{ imagen:
 * true }` reply is computed from the input: the image really enlarged (nearest neighbour, PNG),
 * or a real mask (PNG, white = the segmented part) measured from the colour distance of each
 * pixel to the background seen in the corners, soft unless a binary threshold applies.
 */
import { encodePng } from '../../../server/media/encode'
import { decodeImage, type RgbaImage } from '../../../server/media/pixels'
import type { FakeModel } from './catalogue'
import { type GoogleError, invalid } from './errors'

export const MAX_INPUT_BYTES = 10 * 1024 * 1024
export const UPSCALE_FACTORS = ['x2', 'x4']
export const SEGMENT_MODES = ['foreground', 'background', 'prompt', 'semantic', 'interactive']
/** The service's binary threshold when a request sets none (255 levels; -1 turns it off). */
export const DEFAULT_BINARY_THRESHOLD = 96

const instancesOf = (body: any): any[] => (Array.isArray(body?.instances) ? body.instances : [])

function checkImage(image: any): GoogleError | undefined {
  const data = image?.bytesBase64Encoded
  if (typeof data !== 'string' || !data)
    return invalid('Image is required: set image.bytesBase64Encoded.')
  const bytes = Buffer.byteLength(data, 'base64')
  if (bytes > MAX_INPUT_BYTES) {
    return invalid(
      `Input image is too large (${bytes} bytes); the maximum is ${MAX_INPUT_BYTES} bytes.`
    )
  }
  return undefined
}

/** The refusal a `:predict` body gets from the real service, if any. */
export function checkPredictBody(model: FakeModel, body: any): GoogleError | undefined {
  const instances = instancesOf(body)
  if (instances.length !== 1) return invalid('Exactly one instance is supported for this model.')
  const imageRefusal = checkImage(instances[0]?.image)
  if (imageRefusal) return imageRefusal
  const parameters = body?.parameters ?? {}
  if (model.family === 'imagen-upscale') {
    if (parameters.mode !== 'upscale') return invalid('parameters.mode must be "upscale".')
    const factor = parameters.upscaleConfig?.upscaleFactor
    if (!UPSCALE_FACTORS.includes(factor)) {
      return invalid(
        `Unsupported upscale factor: ${factor}. Supported values: ${UPSCALE_FACTORS.join(', ')}.`
      )
    }
    return undefined
  }
  if (model.family === 'imagen-segment') {
    const mode = String(parameters.mode ?? 'foreground').toLowerCase()
    if (!SEGMENT_MODES.includes(mode)) {
      return invalid(
        `Unsupported segmentation mode: ${parameters.mode}. Supported values: ${SEGMENT_MODES.join(', ')}.`
      )
    }
    if ((mode === 'prompt' || mode === 'semantic') && !instances[0]?.prompt) {
      return invalid(`A prompt is required in ${mode} mode.`)
    }
    if (mode === 'interactive' && !instances[0]?.scribble) {
      return invalid('A scribble image is required in interactive mode.')
    }
    return undefined
  }
  return invalid(`The model does not support predict.`)
}

const SNIFFED: [string, (b: Buffer) => boolean][] = [
  ['image/png', (b) => b.subarray(0, 4).toString('latin1') === '\x89PNG'],
  ['image/jpeg', (b) => b[0] === 0xff && b[1] === 0xd8],
  ['image/webp', (b) => b.subarray(8, 12).toString('latin1') === 'WEBP'],
]

async function decodeInput(image: any): Promise<RgbaImage | GoogleError> {
  const bytes = Buffer.from(image.bytesBase64Encoded, 'base64')
  const type = SNIFFED.find(([, test]) => test(bytes))?.[0]
  if (!type) return invalid('Unable to decode the input image: unsupported format.')
  try {
    return await decodeImage(new Uint8Array(bytes), type)
  } catch {
    return invalid('Unable to decode the input image.')
  }
}

function enlarge(image: RgbaImage, factor: number): RgbaImage {
  const width = image.width * factor
  const height = image.height * factor
  const data = new Uint8Array(width * height * 4)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const from = (Math.floor(y / factor) * image.width + Math.floor(x / factor)) * 4
      data.set(image.data.subarray(from, from + 4), (y * width + x) * 4)
    }
  }
  return { width, height, data }
}

const rgbAt = (image: RgbaImage, i: number) => [
  image.data[i] ?? 0,
  image.data[i + 1] ?? 0,
  image.data[i + 2] ?? 0,
]

/** White where the pixel differs from the corners' colour, in proportion (soft edges). */
function maskOf(image: RgbaImage, mode: string, threshold: number): RgbaImage {
  const { width, height } = image
  const corners = [0, width - 1, (height - 1) * width, height * width - 1].map((p) =>
    rgbAt(image, p * 4)
  )
  const background = [0, 1, 2].map(
    (c) => corners.reduce((s, k) => s + (k[c] ?? 0), 0) / corners.length
  )
  const distance = new Float64Array(width * height)
  let far = 0
  for (let p = 0; p < width * height; p++) {
    const [r = 0, g = 0, b = 0] = rgbAt(image, p * 4)
    distance[p] = Math.hypot(
      r - (background[0] ?? 0),
      g - (background[1] ?? 0),
      b - (background[2] ?? 0)
    )
    far = Math.max(far, distance[p] ?? 0)
  }
  const noise = 8
  const data = new Uint8Array(width * height * 4)
  for (let p = 0; p < width * height; p++) {
    const share =
      far > noise ? Math.min(1, Math.max(0, ((distance[p] ?? 0) - noise) / (far - noise))) : 0
    let value = Math.round(255 * (mode === 'background' ? 1 - share : share))
    if (threshold >= 0) value = value > threshold ? 255 : 0
    data.set([value, value, value, 255], p * 4)
  }
  return { width, height, data }
}

/** The service's answer to an accepted `:predict` body. */
export async function predictAnswer(
  model: FakeModel,
  body: any
): Promise<{ status: number; body: unknown }> {
  const instance = instancesOf(body)[0]
  const image = await decodeInput(instance.image)
  if ('status' in image)
    return {
      status: image.status,
      body: { error: { code: 400, message: image.message, status: 'INVALID_ARGUMENT' } },
    }
  const parameters = body?.parameters ?? {}
  if (model.family === 'imagen-upscale') {
    const factor = Number(String(parameters.upscaleConfig.upscaleFactor).slice(1))
    const png = await encodePng(enlarge(image, factor))
    return {
      status: 200,
      body: {
        predictions: [
          { mimeType: 'image/png', bytesBase64Encoded: Buffer.from(png).toString('base64') },
        ],
      },
    }
  }
  const mode = String(parameters.mode ?? 'foreground').toLowerCase()
  const threshold =
    typeof parameters.binaryColorThreshold === 'number'
      ? parameters.binaryColorThreshold
      : DEFAULT_BINARY_THRESHOLD
  const png = await encodePng(maskOf(image, mode, threshold))
  return {
    status: 200,
    body: {
      predictions: [
        {
          mimeType: 'image/png',
          bytesBase64Encoded: Buffer.from(png).toString('base64'),
          labels: [{ label: mode === 'background' ? 'background' : 'foreground', score: 0.97 }],
        },
      ],
    },
  }
}
