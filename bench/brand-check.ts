/**
 * @module bench/brand-check
 * What the brand check's measured half adds: for 20 deterministic 1024 x 1024 PNGs (the image
 * models' default size; a gradient, two discs and seeded noise each, so every image has
 * thousands of distinct colours), the time of
 *
 * - `decode`: the PNG decoded to RGBA (jimp), which the measured half starts with;
 * - `measured`: decode + palette (downscale, k-means in CIELAB, CIEDE2000 to the kit, coverage)
 *   + the contrast of two text boxes, in process;
 * - `judged`: the judged half alone, one validated JSON call through the real gateway and SDK to
 *   the fake Gemini answering at once (the floor every check pays besides the model's own time);
 * - `check`: `checkImage`, both halves, as the route runs them.
 *
 * Interleaved image by image, run by run; each image's median over the runs, then the median
 * and p90 over the 20 images. Then the same `judged` and `check` with the fake answering after
 * `--model-ms` (default 1500, a vision call of a Flash model): the measured half runs while the
 * model works, so what a check adds over its model call is the difference of these two.
 *
 * Run: bun bench/brand-check.ts [--runs=N] [--model-ms=N]   (default 5 runs after a warm-up)
 */
import { checkImage } from '../server/features/brand-guard/check-image'
import { textContrast } from '../server/features/brand-guard/contrast'
import { judge } from '../server/features/brand-guard/judge'
import { ImageJudgement } from '../server/features/brand-guard/judgement'
import { measurePalette } from '../server/features/brand-guard/palette'
import { decodeImage } from '../server/media/pixels'
import { ALL_FAIL, KIT_COLORS, profileWith } from '../tests/brand-guard/support'
import { appFor } from '../tests/image/support'
import { startFakeGemini } from '../tests/support/fake-gemini'
import { pngRgba } from '../tests/support/fake-site'
import { fmt, median, quantile } from './harness'

const arg = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback)
const runs = arg('runs', 5)
const modelMs = arg('model-ms', 1500)
const SIDE = 1024
const IMAGES = 20

/** A small seeded generator (mulberry32): the same images on every run. */
function random(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function picture(seed: number): Uint8Array {
  const rnd = random(seed)
  const top = [rnd() * 255, rnd() * 255, rnd() * 255]
  const bottom = [rnd() * 255, rnd() * 255, rnd() * 255]
  const discs = [0, 1].map(() => ({
    x: SIDE * (0.2 + rnd() * 0.6),
    y: SIDE * (0.2 + rnd() * 0.6),
    r: SIDE * (0.08 + rnd() * 0.15),
    c: [rnd() * 255, rnd() * 255, rnd() * 255],
  }))
  const noise = random(seed * 7919)
  return pngRgba(SIDE, SIDE, (x, y) => {
    const t = y / SIDE
    let c = top.map((v, i) => v * (1 - t) + (bottom[i] ?? 0) * t)
    for (const d of discs) if (Math.hypot(x - d.x, y - d.y) < d.r) c = d.c
    const n = (noise() - 0.5) * 12
    return [
      Math.max(0, Math.min(255, Math.round((c[0] ?? 0) + n))),
      Math.max(0, Math.min(255, Math.round((c[1] ?? 0) + n))),
      Math.max(0, Math.min(255, Math.round((c[2] ?? 0) + n))),
      255,
    ]
  })
}

const BOXES = [
  { text: 'Headline', box: { ymin: 60, xmin: 80, ymax: 160, xmax: 920 } },
  { text: 'Call to action', box: { ymin: 820, xmin: 300, ymax: 900, xmax: 700 } },
]

const gemini = await startFakeGemini()
let delayMs = 0
gemini.setHandler(() => ({ json: ALL_FAIL, delayMs }))
const app = appFor(gemini, 'developer')
const ctx = { ai: app.deps.ai, store: app.deps.store, log: app.deps.log }
const profile = profileWith()
const pngs = Array.from({ length: IMAGES }, (_, i) => picture(i + 1))
const b64 = pngs.map((p) => Buffer.from(p).toString('base64'))

const scenarios = {
  decode: async (i: number) => {
    await decodeImage(pngs[i] as Uint8Array, 'image/png')
  },
  measured: async (i: number) => {
    const pixels = await decodeImage(pngs[i] as Uint8Array, 'image/png')
    measurePalette(pixels, KIT_COLORS)
    for (const region of BOXES) textContrast(pixels, region)
  },
  judged: async (i: number) => {
    await judge(ctx, {
      kind: 'image',
      schema: ImageJudgement,
      asset: { inlineData: { data: b64[i] as string, mimeType: 'image/png' } },
      profile,
    })
  },
  check: async (i: number) => {
    await checkImage(ctx, {
      image: { bytes: pngs[i] as Uint8Array, mimeType: 'image/png' },
      profile,
    })
  },
} as const
type Scenario = keyof typeof scenarios
const names = Object.keys(scenarios) as Scenario[]

// Warm-up: modules loaded, the SDK client made, the JIT warm.
for (const name of names) await scenarios[name](0)

async function measure(list: readonly Scenario[], rounds: number) {
  const perImage = new Map<Scenario, number[][]>(list.map((n) => [n, pngs.map(() => [])]))
  for (let run = 0; run < rounds; run++) {
    for (let i = 0; i < IMAGES; i++) {
      // Rotate the order so no scenario always runs first.
      for (let k = 0; k < list.length; k++) {
        const name = list[(k + run + i) % list.length] as Scenario
        const started = performance.now()
        await scenarios[name](i)
        perImage.get(name)?.[i]?.push(performance.now() - started)
      }
    }
  }
  return (name: Scenario) => (perImage.get(name) ?? []).map((t) => median(t))
}

const instant = await measure(names, runs)
delayMs = modelMs
const slow = await measure(['judged', 'check'], Math.max(1, Math.ceil(runs / 3)))
gemini.stop()

function print(title: string, list: readonly Scenario[], medians: (name: Scenario) => number[]) {
  const base = median(medians('judged'))
  console.log(`\n${title}`)
  console.log(
    `${'scenario'.padEnd(10)} ${'median'.padStart(9)} ${'p90'.padStart(9)} ${'÷ judged'.padStart(9)}`
  )
  for (const name of list) {
    const values = medians(name)
    console.log(
      `${name.padEnd(10)} ${`${fmt(median(values), 1)} ms`.padStart(9)} ${`${fmt(quantile(values, 0.9), 1)} ms`.padStart(9)} ${`${fmt(median(values) / base, 2)}x`.padStart(9)}`
    )
  }
}
const when = `Bun ${Bun.version}, ${new Date().toISOString().slice(0, 10)}`
print(
  `Brand check, ${IMAGES} images of ${SIDE}x${SIDE} px, ${runs} runs each, model answering at once (${when})`,
  names,
  instant
)
print(`The same with the model answering after ${modelMs} ms`, ['judged', 'check'], slow)
const added = median(slow('check')) - median(slow('judged'))
console.log(
  `\nWhat a check adds over its model call: ${fmt(added, 1)} ms (median over ${IMAGES} images)`
)
